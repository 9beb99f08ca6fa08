#include "catalog/types.h"
