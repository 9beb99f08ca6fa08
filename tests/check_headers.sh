#!/bin/sh
# Every header compiles on its own (STYLE.md): include it alone in an empty
# translation unit with the project's warnings.
# usage: check_headers.sh SOURCE_ROOT PG_SERVER_INCLUDE CC
set -eu
root=$1
pginc=$2
cc=${3:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for h in $(cd "$root" && ls common/*.h catalog/*.h rewrite/*.h proxy/*.h 2>/dev/null); do
	printf '#include "%s"\n' "$h" >"$tmp/t.c"
	if ! "$cc" -std=gnu11 -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
		-Wshadow -Wundef -fsyntax-only -I"$root" -isystem "$pginc" "$tmp/t.c" 2>"$tmp/err"; then
		echo "FAIL: $h does not compile on its own:"
		sed 's/^/    /' "$tmp/err" | head -20
		fail=1
	fi
done
[ "$fail" -eq 0 ] && echo "all headers compile on their own"
exit "$fail"
