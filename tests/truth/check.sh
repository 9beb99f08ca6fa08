#!/usr/bin/env bash
# Re-proves every committed expectation against a throwaway PostgreSQL 15:
# node cases (tests/integration/expected/*.json) and psql regress output
# (tests/regress/expected/*.out). Extra arguments go to the runner:
#
#   tests/truth/check.sh                      prove everything (what tests/run.sh does)
#   tests/truth/check.sh --only 030           prove a subset
#   tests/truth/check.sh --update --only 030  regenerate expectations from PostgreSQL 15
#                                             (then review them with git diff)
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT" || exit 1
# shellcheck source=tests/lib/servers.sh
source tests/lib/servers.sh
trap lg_cleanup EXIT
trap 'exit 130' INT TERM

mode=(--truth)
for a in "$@"; do
	[ "$a" = --update ] && mode=()
done
port=$(free_port) || exit 1
start_pg15 "$port" || exit 1
echo "PostgreSQL 15 (pid $PG_PID) on 127.0.0.1:$port"
node tests/integration/run.mjs "${mode[@]}" --port "$port" "$@"
