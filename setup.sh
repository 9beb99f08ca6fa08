#!/usr/bin/env bash
# Installs what is missing on Debian 12 (only what is missing: reruns are
# fast and need no network), then builds build/litegres.
#
#   ./setup.sh                 build dependencies, then meson setup build && ninja -C build
#   ./setup.sh --deps-only     only install the build dependencies
#   ./setup.sh --test-deps     also what the tests need: PostgreSQL 15 (the reference
#                              server for expected results) and psql, clang and
#                              libclang-rt (fuzz/LSan builds), node and npm
#
# Run as root (or with sudo available). Node/npm are only installed when node is
# missing; an existing node is never replaced.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"

BUILD=1
TEST_DEPS=0
for arg in "$@"; do
	case "$arg" in
	--deps-only) BUILD=0 ;;
	--test-deps) TEST_DEPS=1 ;;
	--no-build) BUILD=0 ;;
	-h | --help)
		sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "setup.sh: unknown argument $arg" >&2
		exit 2
		;;
	esac
done

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

BUILD_PKGS=(libevent-dev libssl-dev libsqlite3-dev libpg-query-dev postgresql-server-dev-15
	check meson ninja-build pkg-config gcc)
# The PostgreSQL server is what expected results come from; psql runs the
# regress scripts; clang + libclang-rt for libFuzzer/LSan builds.
TEST_PKGS=(postgresql-15 postgresql-client-15 clang libclang-rt-14-dev)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for p in "${BUILD_PKGS[@]}"; do
	installed "$p" || missing+=("$p")
done
if [ "$TEST_DEPS" = 1 ]; then
	for p in "${TEST_PKGS[@]}"; do
		installed "$p" || missing+=("$p")
	done
	# Keep whatever node is there (e.g. NodeSource's, which bundles npm).
	if ! command -v node >/dev/null 2>&1; then
		missing+=(nodejs npm)
	elif ! command -v npm >/dev/null 2>&1; then
		missing+=(npm)
	fi
fi

if [ "${#missing[@]}" -gt 0 ]; then
	SUDO=()
	if [ "$(id -u)" != 0 ]; then
		if command -v sudo >/dev/null 2>&1; then
			SUDO=(sudo)
		else
			echo "setup.sh: missing packages: ${missing[*]}" >&2
			echo "setup.sh: run as root (or install sudo) so they can be installed" >&2
			exit 1
		fi
	fi
	# Debian's postgresql package creates and starts a "main" cluster on
	# port 5432, where litegres listens by default. The tests only need the
	# binaries, so ask postgresql-common not to create it (fresh installs only).
	if [[ " ${missing[*]} " == *" postgresql-15 "* ]] && ! installed postgresql-common; then
		"${SUDO[@]}" mkdir -p /etc/postgresql-common/createcluster.d
		echo 'create_main_cluster = false' |
			"${SUDO[@]}" tee /etc/postgresql-common/createcluster.d/litegres-no-main-cluster.conf >/dev/null
	fi
	say "installing: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	"${SUDO[@]}" apt-get update -qq
	"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
	say "all packages present"
fi

if [ "$BUILD" = 1 ]; then
	if [ ! -f build/build.ninja ]; then
		say "meson setup build"
		meson setup build
	fi
	say "ninja -C build"
	ninja -C build
	if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
		echo "note: something already listens on 127.0.0.1:5432 (a PostgreSQL cluster?);" \
			"stop it or run build/litegres --port N" >&2
	fi
	say "built build/litegres"
fi
