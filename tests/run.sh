#!/usr/bin/env bash
# The whole litegres test suite, in order, stopping at the first failure:
#
#   deps        apt packages that are missing (./setup.sh --test-deps) and
#               npm ci in tests/integration (only when package-lock.json changed)
#   build       meson setup build && ninja -C build
#   build-asan  meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false && ninja
#   unit        meson test -C build
#   unit-asan   meson test -C build-asan (LeakSanitizer on)
#   truth       real PostgreSQL 15 on a free port: every committed expectation
#               (tests/integration/expected, tests/regress/expected) re-proved
#   litegres    build/litegres on a free port: integration cases + psql regress
#   asan        build-asan/litegres, same cases; any sanitizer report fails
#
# Options:
#   --keep-going    run the later stages after a failure (those that can run)
#   --only PATTERN  pass --only to the integration runner (file/case substring
#                   or /regex/); for quick iterations, not for CI
#   --no-deps       skip the deps stage (offline iteration)
# Environment: CI=1 (set by .ci/run) makes every SKIPPED stage or case a failure.
#   BUILD_DIR / ASAN_BUILD_DIR (default build / build-asan) to build elsewhere.
#
# Every process started here is stopped by PID on exit; temp dirs are removed.
# Server logs: build-test-logs/.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1
# shellcheck source=tests/lib/servers.sh
source tests/lib/servers.sh

KEEP_GOING=0
ONLY=()
DEPS=1
while [ $# -gt 0 ]; do
	case "$1" in
	--keep-going) KEEP_GOING=1 ;;
	--only)
		[ $# -ge 2 ] || { echo "run.sh: --only needs a pattern" >&2; exit 2; }
		ONLY=(--only "$2")
		shift
		;;
	--no-deps) DEPS=0 ;;
	-h | --help)
		sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
	esac
	shift
done
CI_MODE=0
case "${CI:-}" in 1 | true | yes) CI_MODE=1 ;; esac

LOGDIR=$ROOT/build-test-logs
T0=$SECONDS
STAGE_NAMES=()
STAGE_RESULTS=()
STAGE_TIMES=()
FAILED=0

bold() { printf '\033[1m%s\033[0m\n' "$*"; }
red() { printf '\033[1;31m%s\033[0m\n' "$*"; }
yellow() { printf '\033[1;33m%s\033[0m\n' "$*"; }

record() {
	STAGE_NAMES+=("$1")
	STAGE_RESULTS+=("$2")
	STAGE_TIMES+=("$3")
	case "$2" in
	FAIL*) FAILED=1 ;;
	SKIPPED*) [ "$CI_MODE" = 1 ] && FAILED=1 ;;
	esac
}

summary() {
	local i status=0
	echo
	bold "==================== litegres test summary ($((SECONDS - T0)) s) ===================="
	for i in "${!STAGE_NAMES[@]}"; do
		local r=${STAGE_RESULTS[$i]}
		local line
		line=$(printf '  %-12s %-8s %5ss' "${STAGE_NAMES[$i]}" "${r%%:*}" "${STAGE_TIMES[$i]}")
		[ "$r" != "${r#*:}" ] && line="$line  ${r#*:}"
		case "$r" in
		PASS*) echo "$line" ;;
		SKIPPED*) yellow "$line" ;;
		*) red "$line" ;;
		esac
	done
	if [ "$FAILED" = 1 ]; then
		[ "$CI_MODE" = 1 ] && printf '%s\n' "${STAGE_RESULTS[@]}" | grep -q '^SKIPPED' &&
			red "  CI: a SKIPPED stage counts as a failure"
		red "  RESULT: FAIL"
		status=1
	else
		bold "  RESULT: PASS"
	fi
	return $status
}

on_exit() {
	local rc=$?
	lg_cleanup
	exit $rc
}
trap on_exit EXIT
trap 'red "interrupted"; exit 130' INT TERM

# run_stage NAME COMMAND...: runs one stage, records PASS/FAIL and its time.
# A command may print "SKIPPED: reason" as its last line and exit 77.
run_stage() {
	local name=$1
	shift
	if [ "$FAILED" = 1 ] && [ "$KEEP_GOING" = 0 ]; then
		record "$name" "NOT RUN" 0
		return 1
	fi
	bold "==> [$name] $*"
	local t=$SECONDS rc
	"$@"
	rc=$?
	local dt=$((SECONDS - t))
	if [ $rc = 0 ]; then
		record "$name" PASS "$dt"
	elif [ $rc = 77 ]; then
		yellow "*** [$name] SKIPPED: ${SKIP_REASON:-see above} ***"
		record "$name" "SKIPPED:${SKIP_REASON:-}" "$dt"
	else
		red "*** [$name] FAILED (exit $rc) ***"
		record "$name" "FAIL:${FAIL_REASON:-exit $rc}" "$dt"
	fi
	SKIP_REASON=
	FAIL_REASON=
	return $rc
}

# ---------------------------------------------------------------- stages

stage_deps() {
	./setup.sh --deps-only --test-deps || return 1
	npm_ci
}

# npm ci only when package-lock.json changed since the last successful install.
npm_ci() {
	local dir=tests/integration stamp sum
	if ! command -v npm >/dev/null 2>&1; then
		SKIP_REASON="npm not installed"
		return 77
	fi
	stamp=$dir/node_modules/.litegres-lock.sha256
	sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
		echo "node_modules up to date with package-lock.json"
		return 0
	fi
	(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || return 1
	echo "$sum" >"$stamp"
}

meson_build() {
	local dir=$1
	shift
	if [ ! -f "$dir/build.ninja" ]; then
		meson setup "$dir" "$@" || return 1
	fi
	timeout 3600 ninja -C "$dir"
}

SAN_ENV=(
	"ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:print_summary=1"
	"UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1:print_summary=1"
	"LSAN_OPTIONS=suppressions=$ROOT/tests/lsan.supp:print_suppressions=0"
)

unit_tests() {
	local dir=$1
	shift
	env "$@" timeout 1800 meson test -C "$dir" --print-errorlogs --num-processes 2
}

have_node_tools() {
	if ! command -v node >/dev/null 2>&1; then
		SKIP_REASON="node not installed"
		return 1
	fi
	if [ ! -d tests/integration/node_modules/pg ]; then
		SKIP_REASON="tests/integration/node_modules missing (npm ci failed or skipped)"
		return 1
	fi
}

runner() {
	local args=()
	[ "$CI_MODE" = 1 ] && args+=(--ci)
	timeout 1800 node tests/integration/run.mjs "${args[@]}" "${ONLY[@]}" "$@"
}

stage_truth() {
	have_node_tools || return 77
	if [ ! -x "$PG15_BIN/postgres" ]; then
		SKIP_REASON="PostgreSQL 15 not installed ($PG15_BIN/postgres)"
		return 77
	fi
	local port
	port=$(free_port) || return 1
	start_pg15 "$port" || { FAIL_REASON="PostgreSQL 15 did not start"; return 1; }
	echo "PostgreSQL 15 (pid $PG_PID) on 127.0.0.1:$port"
	runner --truth --port "$port"
	local rc=$?
	cp "$PG_DIR/server.log" "$LOGDIR/postgresql-15.log" 2>/dev/null
	stop_pid "$PG_PID" INT
	PG_PID=
	[ $rc = 0 ] || FAIL_REASON="an expectation is not what PostgreSQL 15 says (see diffs above)"
	return $rc
}

# stage_litegres NAME BINARY [ENV...]: the integration suite against one binary.
stage_litegres() {
	local name=$1 bin=$2
	shift 2
	have_node_tools || return 77
	if [ ! -x "$bin" ] && [ -x "$(dirname "$bin")/proxy/litegres" ]; then
		yellow "note: $bin does not exist, using $(dirname "$bin")/proxy/litegres (README promises $bin)"
		bin=$(dirname "$bin")/proxy/litegres
	fi
	if [ ! -x "$bin" ]; then
		FAIL_REASON="$bin not built"
		return 1
	fi
	local port log=$LOGDIR/$name.log rc=0 status
	port=$(free_port) || return 1
	(exec env "$@" "$bin" --port "$port" --log-level "${LITEGRES_LOG_LEVEL:-info}" >"$log" 2>&1) &
	LG_PID=$!
	LG_PIDS+=("$LG_PID")
	if ! wait_port "$port" "$LG_PID" 20; then
		red "$bin did not listen on 127.0.0.1:$port; last log lines:"
		tail -40 "$log"
		FAIL_REASON="server did not start (log: $log)"
		stop_pid "$LG_PID" TERM
		return 1
	fi
	echo "$bin (pid $LG_PID) on 127.0.0.1:$port, log $log"
	runner --port "$port"
	rc=$?
	# A clean SIGTERM shutdown is required: it is also when LeakSanitizer runs.
	stop_pid "$LG_PID" TERM
	status=$?
	if [ $status != 0 ]; then
		red "$bin exited with status $status after SIGTERM (expected 0: clean shutdown)"
		tail -40 "$log"
		[ $rc = 0 ] && rc=1
		FAIL_REASON="exit status $status after SIGTERM (log: $log)"
	fi
	if grep -nE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: (AddressSanitizer|UndefinedBehaviorSanitizer|LeakSanitizer)' "$log" >/dev/null; then
		red "sanitizer report in $log:"
		grep -nE -A30 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$log" | head -80
		rc=1
		FAIL_REASON="sanitizer report (log: $log)"
	fi
	[ $rc != 0 ] && [ -z "${FAIL_REASON:-}" ] && FAIL_REASON="integration failures (per-case summary above)"
	return $rc
}

# ---------------------------------------------------------------- main

mkdir -p "$LOGDIR"
if [ "$DEPS" = 1 ]; then
	run_stage deps stage_deps
else
	SKIP_REASON="--no-deps given"
	record deps "SKIPPED:--no-deps" 0
	yellow "*** [deps] SKIPPED: --no-deps ***"
fi
B=${BUILD_DIR:-build}
BA=${ASAN_BUILD_DIR:-build-asan}
run_stage build meson_build "$B"
run_stage build-asan meson_build "$BA" -Db_sanitize=address,undefined -Db_lundef=false
run_stage unit unit_tests "$B"
run_stage unit-asan unit_tests "$BA" "${SAN_ENV[@]}"
run_stage truth stage_truth
run_stage litegres stage_litegres litegres "$B/litegres"
run_stage asan stage_litegres litegres-asan "$BA/litegres" "${SAN_ENV[@]}"
summary
