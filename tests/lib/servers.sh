# Sourced by tests/run.sh and tests/truth/check.sh (bash).
#
# Starts throwaway servers for the tests and stops every one of them, by PID,
# when the calling script exits:
#   free_port                      prints a free TCP port on 127.0.0.1
#   start_pg15 PORT                real PostgreSQL 15 in a temp dir (sets PG_PID, PG_DIR)
#   start_litegres BIN PORT LOG    build/litegres --port PORT (sets LG_PID)
#   stop_pid PID [SIGNAL]          signal, wait up to 20 s, then SIGKILL
#   lg_cleanup                     stop everything started here, remove temp dirs
# The caller installs the trap: trap lg_cleanup EXIT INT TERM

PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
LG_PIDS=()
LG_TMPDIRS=()

free_port() {
	node -e '
		const s = require("net").createServer();
		s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# PostgreSQL refuses to run as root: drop to the postgres user with setpriv,
# which execs (no forking wrapper), so $! is the postmaster's own PID.
AS_POSTGRES=()
if [ "$(id -u)" = 0 ]; then
	AS_POSTGRES=(setpriv --reuid=postgres --regid=postgres --init-groups --)
fi

# Wait until 127.0.0.1:PORT accepts connections or PID dies; TIMEOUT seconds.
wait_port() {
	local port=$1 pid=$2 timeout=${3:-30} i
	for ((i = 0; i < timeout * 10; i++)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			return 1
		fi
		if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			return 0
		fi
		sleep 0.1
	done
	return 1
}

start_pg15() {
	local port=$1 dir
	if [ ! -x "$PG15_BIN/postgres" ]; then
		echo "start_pg15: $PG15_BIN/postgres not found (apt-get install postgresql-15)" >&2
		return 1
	fi
	dir=$(mktemp -d /tmp/litegres-pg15-XXXXXX)
	LG_TMPDIRS+=("$dir")
	chmod 755 "$dir"
	mkdir "$dir/sock"
	[ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
	# C collation and UTF8: SQLite compares text bytewise, so must the reference.
	if ! (cd "$dir" && "${AS_POSTGRES[@]}" "$PG15_BIN/initdb" -D "$dir/data" -A trust -U postgres \
		-E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1); then
		echo "start_pg15: initdb failed:" >&2
		cat "$dir/initdb.log" >&2
		return 1
	fi
	# TimeZone UTC: litegres is UTC-only, and expectations must not depend on
	# the machine's zone. lc_messages C: English messages.
	cd "$dir" || return 1
	"${AS_POSTGRES[@]}" "$PG15_BIN/postgres" -D "$dir/data" -p "$port" -k "$dir/sock" \
		-c listen_addresses=127.0.0.1 -c timezone=UTC -c log_timezone=UTC \
		-c lc_messages=C -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
		-c max_connections=60 >"$dir/server.log" 2>&1 &
	PG_PID=$!
	cd - >/dev/null || true
	LG_PIDS+=("$PG_PID")
	PG_DIR=$dir
	if ! wait_port "$port" "$PG_PID" 30; then
		echo "start_pg15: PostgreSQL did not come up on port $port:" >&2
		tail -20 "$dir/server.log" >&2
		return 1
	fi
	# The port opens before startup finishes; wait for a real answer.
	local i
	for ((i = 0; i < 100; i++)); do
		"$PG15_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" && return 0
		sleep 0.1
	done
	echo "start_pg15: pg_isready never succeeded on port $port" >&2
	return 1
}

# litegres prints "litegres 0.1.0 listening on 127.0.0.1:PORT (memory)" on
# stderr when ready; waiting for the port is equivalent and needs no parsing.
start_litegres() {
	local bin=$1 port=$2 log=$3
	shift 3
	if [ ! -x "$bin" ]; then
		echo "start_litegres: $bin not built" >&2
		return 1
	fi
	"$bin" --port "$port" --log-level info "$@" >"$log" 2>&1 &
	LG_PID=$!
	LG_PIDS+=("$LG_PID")
	if ! wait_port "$port" "$LG_PID" 20; then
		echo "start_litegres: $bin did not listen on port $port:" >&2
		tail -30 "$log" >&2
		return 1
	fi
}

# Stop one of our children: SIGNAL (default TERM), SIGKILL after 20 s.
# Returns its exit status (bash reaps children itself, so kill -0 fails
# as soon as it has exited).
stop_pid() {
	local pid=$1 sig=${2:-TERM} i status p kept=()
	kill "-$sig" "$pid" 2>/dev/null
	for ((i = 0; i < 200; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		echo "stop_pid: $pid ignored SIG$sig for 20 s; sending SIGKILL" >&2
		kill -KILL "$pid" 2>/dev/null
	fi
	wait "$pid" 2>/dev/null
	status=$?
	for p in "${LG_PIDS[@]}"; do
		[ "$p" != "$pid" ] && kept+=("$p")
	done
	LG_PIDS=("${kept[@]}")
	return $status
}

lg_cleanup() {
	local pid dir
	for pid in "${LG_PIDS[@]}"; do
		# postgres: SIGINT is "fast shutdown"; everything else gets TERM.
		if [ -n "${PG_PID:-}" ] && [ "$pid" = "$PG_PID" ]; then
			stop_pid "$pid" INT
		else
			stop_pid "$pid" TERM
		fi
	done
	for dir in "${LG_TMPDIRS[@]}"; do
		[ -n "$dir" ] && [ -d "$dir" ] && rm -rf -- "$dir"
	done
	LG_TMPDIRS=()
}
