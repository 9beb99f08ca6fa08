#include <stdio.h>
int main(void)
{
	puts("litegres");
	return 0;
}
