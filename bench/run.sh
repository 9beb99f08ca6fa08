#!/usr/bin/env bash
# bench/run.sh: litegres against a real PostgreSQL 15 started by this script, same
# extended-protocol workload (pgbench custom scripts in bench/workload/), same run.
# Writes medians and litegres/PostgreSQL ratios to bench/RESULTS.md with the command.
# Run from anywhere as root (PostgreSQL runs as user postgres) or as any non-root user.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
ORIG_ARGS=("$@")

DURATION=5
RUNS=3
WARMUP=1
CLIENTS="1 8"
MODES="prepared extended"
PAIRS="memory durable"
WORKLOADS="point range update insert mix"
ROWS=10000
OUT=""
KEEP=0
COMMIT=""
LITEGRES_BIN=${LITEGRES_BIN:-}
LITEGRES_BIN_FROM_ENV=$LITEGRES_BIN
PG_BINDIR=${PG_BINDIR:-/usr/lib/postgresql/15/bin}

usage() {
	cat <<EOF
usage: bench/run.sh [options]
  --duration S      seconds per pgbench run (-T), default $DURATION
  --runs N          measured runs per configuration (median reported), default $RUNS
  --warmup S        unrecorded warm-up seconds per server and configuration, default $WARMUP
  --clients "1 8"   client counts (-c); -j is min(clients, CPUs)
  --modes "..."     pgbench query modes: prepared extended (simple works too)
  --pairs "..."     memory: litegres --memory vs PostgreSQL on tmpfs, fsync=off,
                    synchronous_commit=off, full_page_writes=off
                    durable: litegres --data-dir vs PostgreSQL's default config on disk
  --workloads "..." any of: point range update insert mix (bench/workload/*.sql)
  --rows N          rows loaded before the runs, default $ROWS
  --litegres PATH   litegres binary (default: \$LITEGRES_BIN, build/litegres,
                    build/proxy/litegres); "pg" puts a second PostgreSQL in the
                    litegres slot to test this script itself
  --commit REV      build litegres from \`git archive REV\` (clean tree, default
                    meson options) in the temp dir and bench that
  --out FILE        results file, default bench/RESULTS.md (self-test: /tmp)
  --keep            keep the temp dir with server and pgbench logs
Environment: LITEGRES_BIN, PG_BINDIR (default /usr/lib/postgresql/15/bin).
EOF
}

while [ $# -gt 0 ]; do
	case "$1" in
	--duration) DURATION=$2; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	--warmup) WARMUP=$2; shift 2 ;;
	--clients) CLIENTS=$2; shift 2 ;;
	--modes) MODES=$2; shift 2 ;;
	--pairs) PAIRS=$2; shift 2 ;;
	--workloads) WORKLOADS=$2; shift 2 ;;
	--rows) ROWS=$2; shift 2 ;;
	--litegres) LITEGRES_BIN=$2; shift 2 ;;
	--out) OUT=$2; shift 2 ;;
	--commit) COMMIT=$2; shift 2 ;;
	--keep) KEEP=1; shift ;;
	-h|--help) usage; exit 0 ;;
	*) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
	esac
done

die() { echo "run.sh: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# The exact command, for RESULTS.md.
COMMAND="bench/run.sh"
for a in "${ORIG_ARGS[@]}"; do COMMAND+=" $(printf '%q' "$a")"; done
if [ -n "$LITEGRES_BIN_FROM_ENV" ] && [ "$LITEGRES_BIN" = "$LITEGRES_BIN_FROM_ENV" ]; then
	COMMAND="LITEGRES_BIN=$(printf '%q' "$LITEGRES_BIN") $COMMAND"
fi

if [ -n "$COMMIT" ]; then
	COMMIT=$(git -C "$REPO_DIR" rev-parse --verify "$COMMIT^{commit}") || die "no commit $COMMIT"
	LITEGRES_BIN=""
elif [ -z "$LITEGRES_BIN" ]; then
	for c in "$REPO_DIR/build/litegres" "$REPO_DIR/build/proxy/litegres"; do
		if [ -x "$c" ]; then LITEGRES_BIN=$c; break; fi
	done
	[ -n "$LITEGRES_BIN" ] || die "no litegres binary (build it, or pass --litegres)"
fi
SELFTEST=0
if [ "$LITEGRES_BIN" = pg ]; then
	SELFTEST=1
elif [ -n "$COMMIT" ]; then
	:
else
	[ -x "$LITEGRES_BIN" ] || die "litegres binary $LITEGRES_BIN is not executable"
	LITEGRES_BIN=$(cd "$(dirname "$LITEGRES_BIN")" && pwd)/$(basename "$LITEGRES_BIN")
fi
if [ -z "$OUT" ]; then
	if [ $SELFTEST = 1 ]; then OUT=${TMPDIR:-/tmp}/litegres-bench-selftest.md
	else OUT=$BENCH_DIR/RESULTS.md; fi
fi
for t in initdb pg_ctl postgres pgbench psql; do
	[ -x "$PG_BINDIR/$t" ] || die "$PG_BINDIR/$t missing (apt-get install postgresql-15)"
done
for w in $WORKLOADS; do [ -f "$BENCH_DIR/workload/$w.sql" ] || die "no workload $w"; done
for p in $PAIRS; do case $p in memory|durable) ;; *) die "unknown pair $p" ;; esac; done
NCPU=$(nproc)
START_COMMIT=$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)
START_DIRTY=""
git -C "$REPO_DIR" diff --quiet HEAD 2>/dev/null || START_DIRTY=" (working tree had uncommitted changes)"

# ---- temp dirs and cleanup ------------------------------------------------------------

WORK=$(mktemp -d /tmp/litegres-bench-XXXXXX)
chmod 755 "$WORK"
SHM=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	SHM=$(mktemp -d /dev/shm/litegres-bench-XXXXXX)
	chmod 755 "$SHM"
fi
PIDS=()        # every server we started: "pid" (we stop exactly these)
LITEGRES_FROM=$LITEGRES_BIN

stop_pid() {
	local pid=$1 sig=$2 i
	kill -0 "$pid" 2>/dev/null || return 0
	kill "-$sig" "$pid" 2>/dev/null || true
	for ((i = 0; i < 300; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
	local rc=$? pid
	for pid in "${PIDS[@]}"; do stop_pid "$pid" INT; done
	[ -n "$SHM" ] && rm -rf "$SHM"
	if [ $KEEP = 1 ]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

used_ports=" "
free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 30000))
		[[ "$used_ports" == *" $p "* ]] && continue
		if [ -z "$(ss -Htan "( sport = :$p )" 2>/dev/null)" ]; then
			used_ports+="$p "
			echo "$p"
			return
		fi
	done
}

as_postgres() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# ---- servers --------------------------------------------------------------------------
# Each server is a name (pg | lg) with SRV_PORT, SRV_PID, SRV_LOG, SRV_DESC entries.
declare -A SRV_PORT SRV_PID SRV_LOG SRV_DESC

# pg_start NAME PAIR: initdb + start a PostgreSQL for PAIR's durability setting.
pg_start() {
	local name=$1 pair=$2 base port data
	if [ "$pair" = memory ] && [ -n "$SHM" ]; then base=$SHM; else base=$WORK; fi
	base=$(mktemp -d "$base/$name-$pair-XXXX")
	chmod 755 "$base"
	[ "$(id -u)" = 0 ] && chown postgres "$base"
	data=$base/data
	as_postgres "$PG_BINDIR/initdb" -D "$data" -A trust -U postgres -E UTF8 \
		--no-sync >"$base/initdb.log" 2>&1 || { cat "$base/initdb.log" >&2; die "initdb failed"; }
	port=$(free_port)
	{
		echo "# bench/run.sh"
		echo "listen_addresses = '127.0.0.1'"
		echo "port = $port"
		echo "unix_socket_directories = '$base'"
		if [ "$pair" = memory ]; then
			echo "fsync = off"
			echo "synchronous_commit = off"
			echo "full_page_writes = off"
		fi
	} >>"$data/postgresql.conf"
	as_postgres "$PG_BINDIR/pg_ctl" -D "$data" -l "$base/server.log" -w -t 60 start \
		>/dev/null || { cat "$base/server.log" >&2; die "PostgreSQL did not start"; }
	SRV_PID[$name]=$(head -1 "$data/postmaster.pid")
	PIDS+=("${SRV_PID[$name]}")
	SRV_PORT[$name]=$port
	SRV_LOG[$name]=$base/server.log
	SRV_DESC[$name]="PostgreSQL $(head -1 "$data/PG_VERSION") in $base"
	log "started $name: ${SRV_DESC[$name]}, port $port, pid ${SRV_PID[$name]}"
}

# lg_start PAIR: litegres --memory or --data-dir on disk; waits for its banner.
lg_start() {
	local pair=$1 port dir logf pid i
	port=$(free_port)
	logf=$WORK/litegres-$pair.log
	: >"$logf"
	if [ "$pair" = memory ]; then
		"$LITEGRES_BIN" --port "$port" --memory >"$logf" 2>&1 &
	else
		dir=$(mktemp -d "$WORK/litegres-data-XXXX")
		"$LITEGRES_BIN" --port "$port" --data-dir "$dir" >"$logf" 2>&1 &
	fi
	pid=$!
	PIDS+=("$pid")
	for ((i = 0; i < 100; i++)); do
		grep -q "listening on" "$logf" && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if ! grep -q "listening on" "$logf"; then
		LG_FAIL+=("$pair: litegres did not start: $(tail -3 "$logf" | tr '\n' ' ')")
		return 1
	fi
	SRV_PID[lg]=$pid
	SRV_PORT[lg]=$port
	SRV_LOG[lg]=$logf
	SRV_DESC[lg]=$(grep -m1 "listening on" "$logf")
	log "started lg: ${SRV_DESC[lg]}, pid $pid"
}

srv_stop() {
	local name=$1 pid=${SRV_PID[$1]:-}
	[ -n "$pid" ] || return 0
	stop_pid "$pid" INT
	unset "SRV_PID[$name]"
}

psql_to() {   # psql_to NAME ARGS...: psql against a server, errors stop the script
	"$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${SRV_PORT[$1]}" \
		-U postgres -d postgres "${@:2}"
}

# ---- data -----------------------------------------------------------------------------

# Multi-row INSERT ... VALUES, 500 rows per statement, inside one transaction.
make_load_sql() {
	cat "$BENCH_DIR/workload/schema.sql"
	echo "BEGIN;"
	awk -v rows="$ROWS" 'BEGIN {
		for (i = 1; i <= rows; i++) {
			if ((i - 1) % 500 == 0)
				printf "INSERT INTO bench_users (name, email, score, created_at) VALUES\n";
			m = i - 1;
			ts = sprintf("2024-01-%02d %02d:%02d:00+00", 1 + int(m / 1440),
				int(m / 60) % 24, m % 60);
			printf "(\047User %d\047, \047user%d@example.com\047, %d, \047%s\047)%s\n",
				i, i, (i * 7919) % 1000, ts, (i % 500 == 0 || i == rows) ? ";" : ",";
		}
	}'
	echo "COMMIT;"
}

# load NAME: schema + rows, then ANALYZE; on failure sets LOAD_ERR and returns 1.
load() {
	local name=$1 out n
	LOAD_ERR=""
	if ! out=$(psql_to "$name" -f "$WORK/load.sql" 2>&1); then
		LOAD_ERR=$(echo "$out" | grep -m3 -E "ERROR|FATAL|error" | tr '\n' ' ' || true)
		[ -n "$LOAD_ERR" ] || LOAD_ERR=$(echo "$out" | tail -3 | tr '\n' ' ')
		return 1
	fi
	if [ "$name" = pg ] || [ $SELFTEST = 1 ]; then
		out=$(psql_to "$name" -c "VACUUM ANALYZE bench_users" 2>&1) || { LOAD_ERR=$out; return 1; }
	elif ! out=$(psql_to "$name" -c "ANALYZE bench_users" 2>&1); then
		note "litegres: \`ANALYZE bench_users\` failed (ignored): \`$(echo "$out" | head -1)\`"
	fi
	n=$(psql_to "$name" -Atc "SELECT count(*) FROM bench_users" 2>&1) || { LOAD_ERR=$n; return 1; }
	[ "$n" = "$ROWS" ] || { LOAD_ERR="count(*) = $n after loading $ROWS rows"; return 1; }
}

# Same answers from both before timing anything (simple protocol, through psql).
SANITY_SQL="SELECT id, name, email, score, created_at FROM bench_users WHERE id = 42;
SELECT id, name, email, score, created_at FROM bench_users WHERE id >= 100 ORDER BY id LIMIT 20 OFFSET 40;"
sanity() {
	local a b
	a=$(psql_to pg -At -c "$SANITY_SQL" 2>&1) || true
	b=$(psql_to lg -At -c "$SANITY_SQL" 2>&1) || true
	if [ "$a" != "$b" ]; then
		note "$1: answers differ from PostgreSQL for the sanity query (first diff: $(diff <(echo "$a") <(echo "$b") | grep -m2 '^[<>]' | tr '\n' ' '))"
	fi
}

note() {   # note TEXT: once per distinct text
	local n
	for n in "${NOTES[@]}"; do [ "$n" = "$1" ] && return 0; done
	NOTES+=("$1")
}

# ---- pgbench --------------------------------------------------------------------------

# bench_once NAME WORKLOAD MODE CLIENTS SECONDS: prints "tps lat_ms", or returns 1
# with the first error lines on stdout.
bench_once() {
	local name=$1 wl=$2 mode=$3 c=$4 secs=$5 j out rc tps lat err
	j=$((c < NCPU ? c : NCPU))
	rc=0
	out=$("$PG_BINDIR/pgbench" -n -M "$mode" -c "$c" -j "$j" -T "$secs" -D "rows=$ROWS" \
		-f "$BENCH_DIR/workload/$wl.sql" -h 127.0.0.1 -p "${SRV_PORT[$name]}" -U postgres \
		postgres 2>&1) || rc=$?
	echo "$out" >>"$WORK/pgbench-$name.log"
	tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p')
	lat=$(echo "$out" | sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p')
	if [ $rc != 0 ] || [ -z "$tps" ] || [ -z "$lat" ] \
	   || ! echo "$out" | grep -q '^number of failed transactions: 0 '; then
		err=$(echo "$out" | grep -v '^number of failed transactions: 0 ' \
			| grep -m3 -iE "error|abort|fatal|failed" | tr '\n' ' ' || true)
		[ -n "$err" ] || err=$(echo "$out" | grep -E "^(number of transactions|latency average|tps) " | tr '\n' ' ' || true)
		echo "pgbench exit $rc: $err"
		return 1
	fi
	echo "$tps $lat"
}

RAW=$WORK/raw.txt       # pair workload mode clients server run tps lat
: >"$RAW"
LG_FAIL=()
NOTES=()
LOADAVG=()              # "pair start|end 1m 5m 15m": other load on the box
declare -A LG_BROKEN    # "pair workload mode" -> 1 once litegres failed it

run_pair() {
	local pair=$1 wl mode c r order name res err
	LOADAVG+=("$pair start $(cut -d' ' -f1-3 /proc/loadavg)")
	pg_start pg "$pair"
	LG_OK=1
	if [ $SELFTEST = 1 ]; then pg_start lg "$pair"
	elif ! lg_start "$pair"; then LG_OK=0; fi
	make_load_sql >"$WORK/load.sql"
	load pg || die "loading PostgreSQL failed: $LOAD_ERR"
	if [ $LG_OK = 1 ] && ! load lg; then
		LG_FAIL+=("$pair: loading the table into litegres failed: $LOAD_ERR")
		LG_OK=0
	fi
	[ $LG_OK = 1 ] && sanity "$pair"
	for wl in $WORKLOADS; do
		for mode in $MODES; do
			for c in $CLIENTS; do
				log "$pair $wl -M $mode -c $c"
				order="pg lg"
				[ $LG_OK = 1 ] && [ -z "${LG_BROKEN[$pair $wl $mode]:-}" ] || order=pg
				for name in $order; do   # warm-up, not recorded
					[ "$WARMUP" = 0 ] && break
					if ! err=$(bench_once "$name" "$wl" "$mode" "$c" "$WARMUP"); then
						[ "$name" = pg ] && die "PostgreSQL failed $wl -M $mode: $err"
						fail_lg "$pair" "$wl" "$mode" "$c" "$err"
					fi
				done
				for ((r = 1; r <= RUNS; r++)); do
					# alternate who goes first, so neither always runs on a warmer box
					if ((r % 2)); then order="pg lg"; else order="lg pg"; fi
					for name in $order; do
						if [ "$name" = lg ] && { [ $LG_OK = 0 ] || [ -n "${LG_BROKEN[$pair $wl $mode]:-}" ]; }; then
							continue
						fi
						if res=$(bench_once "$name" "$wl" "$mode" "$c" "$DURATION"); then
							echo "$pair $wl $mode $c $name $r $res" >>"$RAW"
						elif [ "$name" = pg ]; then
							die "PostgreSQL failed $wl -M $mode -c $c: $res"
						else
							fail_lg "$pair" "$wl" "$mode" "$c" "$res"
						fi
					done
				done
			done
		done
	done
	srv_stop lg
	srv_stop pg
	LOADAVG+=("$pair end $(cut -d' ' -f1-3 /proc/loadavg)")
}

fail_lg() {   # fail_lg PAIR WORKLOAD MODE CLIENTS ERROR
	local pid=${SRV_PID[lg]:-} st=0
	if [ $SELFTEST = 0 ] && [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
		wait "$pid" || st=$?
		[ $st -gt 128 ] && st="$st, signal $((st - 128))"
		LG_FAIL+=("$1 $2 -M $3 -c $4: litegres exited (status $st) during the run: $(tail -3 "${SRV_LOG[lg]}" | tr '\n' ' ')")
		log "litegres exited (status $st) during $2 -M $3 -c $4"
		unset "SRV_PID[lg]"
		LG_OK=0
		return 0
	fi
	[ -n "${LG_BROKEN[$1 $2 $3]:-}" ] && return 0
	LG_BROKEN[$1 $2 $3]=1
	LG_FAIL+=("$1 $2 -M $3 -c $4: $5")
	log "litegres failed $2 -M $3: $5"
}

# ---- report ---------------------------------------------------------------------------

# Medians per configuration: "pair wl mode c server tps lat_ms n spread%", spread being
# (max - min) / median of tps over the runs.
medians() {
	sort -k1,1 -k2,2 -k3,3 -k4,4n -k5,5 -k7,7g "$RAW" | awk '
	function med(a, n) { return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
	function flush(   i, k, tmp, mt) {
		if (key == "") return
		for (i = 2; i <= cnt; i++) {   # latencies sorted on their own
			tmp = lt[i]; k = i - 1
			while (k >= 1 && lt[k] > tmp) { lt[k + 1] = lt[k]; k-- }
			lt[k + 1] = tmp
		}
		mt = med(tp, cnt)
		print key, srv, mt, med(lt, cnt), cnt, (mt > 0 ? 100 * (tp[cnt] - tp[1]) / mt : 0)
	}
	{
		k = $1 " " $2 " " $3 " " $4
		if (k != key || $5 != srv) { flush(); key = k; srv = $5; cnt = 0 }
		cnt++; tp[cnt] = $7 + 0; lt[cnt] = $8 + 0
	}
	END { flush() }'
}

# Median over runs of the per-run ratio litegres/PostgreSQL tps; runs r of both servers
# are back to back, so this cancels load on the box that drifts slower than a run.
# Prints "pair wl mode c ratio".
paired() {
	awk '{ k = $1 " " $2 " " $3 " " $4 " " $6; t[k, $5] = $7 }
	END {
		for (kk in t) {
			split(kk, p, SUBSEP)
			if (p[2] == "lg" && ((p[1], "pg") in t) && t[p[1], "pg"] > 0) {
				split(p[1], f, " ")
				print f[1], f[2], f[3], f[4], t[kk] / t[p[1], "pg"]
			}
		}
	}' "$RAW" | sort -k1,1 -k2,2 -k3,3 -k4,4n -k5,5g | awk '
	function flush() { if (key != "") print key, (n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2) }
	{ k = $1 " " $2 " " $3 " " $4; if (k != key) { flush(); key = k; n = 0 } r[++n] = $5 }
	END { flush() }'
}

fmt_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }

write_results() {
	local med pr pair wl mode c pgt pgl pgs lgt lgl lgs ppr n
	med=$(medians)
	pr=$(paired)
	local cpu kernel pgver lgver commit dirty
	cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
	kernel=$(uname -sr)
	pgver=$("$PG_BINDIR/postgres" --version)
	commit=$START_COMMIT
	dirty=$START_DIRTY
	if [ $SELFTEST = 1 ]; then lgver="SELF-TEST: a second $pgver in the litegres slot"
	else lgver="$(grep -m1 -o 'litegres [0-9.]*' "$WORK"/litegres-*.log 2>/dev/null | head -1 | sed 's/.*://'), $LITEGRES_FROM, sha256 $(sha256sum "$LITEGRES_BIN" | cut -c1-12)"; fi
	{
		echo "# litegres vs PostgreSQL 15: benchmark results"
		echo
		[ $SELFTEST = 1 ] && { echo "**Self-test run: both columns are PostgreSQL. These are not litegres numbers.**"; echo; }
		echo "Produced $(date -u '+%Y-%m-%d %H:%M UTC') by:"
		echo
		echo '```'
		echo "$COMMAND"
		echo '```'
		echo
		echo "- repository at commit $commit$dirty; litegres: $lgver"
		echo "- $pgver; pgbench from the same directory ($PG_BINDIR)"
		echo "- $NCPU CPUs ($cpu), $kernel; server and pgbench share these CPUs;"
		echo "  load average (1/5/15 min) around each pair: $(IFS=';'; echo "${LOADAVG[*]}" | sed 's/;/; /g')"
		echo "- pgbench -n -f bench/workload/<workload>.sql -M <mode> -c <clients> -j min(clients,$NCPU) -T $DURATION -D rows=$ROWS;"
		echo "  $RUNS measured runs per cell (PostgreSQL and litegres alternate, first one swaps each run)"
		echo "  after ${WARMUP}s unrecorded warm-up each; cells are medians of tps and of average latency."
		echo "- table: $ROWS rows loaded with multi-row INSERT ... VALUES before the runs of a pair;"
		echo "  workloads run in the order: $WORKLOADS (insert and mix grow the table)."
		echo "- **ratio = litegres / PostgreSQL**: tps ratio above 1 means litegres is faster,"
		echo "  latency ratio above 1 means litegres is slower. Paired tps ratio = median over runs of"
		echo "  (litegres tps / PostgreSQL tps of the same, back-to-back run): steadier than the ratio of"
		echo "  medians when other load on the box comes and goes. Spread = (max - min) / median tps over"
		echo "  the runs of a cell: differences smaller than the spread are noise."
		echo
		echo "## Settings (like with like)"
		echo
		for pair in $PAIRS; do
			case $pair in
			memory)
				echo "- **memory**: litegres \`--memory\` (SQLite WAL on tmpfs, synchronous=OFF: nothing survives"
				echo "  the process) vs PostgreSQL with its data directory on tmpfs (/dev/shm) and default config except"
				echo "  \`fsync = off\`, \`synchronous_commit = off\`, \`full_page_writes = off\`. Durability: **off for both**." ;;
			durable)
				echo "- **durable**: litegres \`--data-dir\` on local disk (SQLite WAL, synchronous=FULL) vs PostgreSQL"
				echo "  with its default config (fsync=on, synchronous_commit=on) on the same disk. Durability: **on for both**." ;;
			esac
		done
		echo "- Both servers listen on 127.0.0.1 only, trust auth; pgbench connects over TCP to 127.0.0.1."
		echo "  Other PostgreSQL settings are initdb defaults (shared_buffers 128MB, autovacuum on)."
		for pair in $PAIRS; do
			echo
			echo "## $pair"
			echo
			echo "| workload | mode | clients | PostgreSQL tps | litegres tps | tps ratio | paired tps ratio | PostgreSQL ms | litegres ms | latency ratio | tps spread PG / lg |"
			echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
			for wl in $WORKLOADS; do for mode in $MODES; do for c in $CLIENTS; do
				pgt=""; pgl=""; pgs=""; lgt=""; lgl=""; lgs=""
				read -r pgt pgl _ pgs < <(echo "$med" | awk -v k="$pair $wl $mode $c pg" '$1" "$2" "$3" "$4" "$5 == k { print $6, $7, $8, $9 }') || true
				read -r lgt lgl _ lgs < <(echo "$med" | awk -v k="$pair $wl $mode $c lg" '$1" "$2" "$3" "$4" "$5 == k { print $6, $7, $8, $9 }') || true
				ppr=$(echo "$pr" | awk -v k="$pair $wl $mode $c" '$1" "$2" "$3" "$4 == k { print $5 }')
				printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s%% / %s%% |\n' "$wl" "$mode" "$c" \
					"$(fmt_num "$pgt" 0)" "$(fmt_num "$lgt" 0)" "$(fmt_ratio "$lgt" "$pgt")" "$(fmt_num "$ppr" 2)" \
					"$(fmt_num "$pgl" 3)" "$(fmt_num "$lgl" 3)" "$(fmt_ratio "$lgl" "$pgl")" \
					"$(fmt_num "$pgs" 0)" "$(fmt_num "$lgs" 0)"
			done; done; done
		done
		echo
		echo "## litegres failures"
		echo
		if [ ${#LG_FAIL[@]} = 0 ]; then echo "None: litegres ran every statement of every configuration."
		else
			echo "Cells without litegres numbers are **pending** because of these errors (first error of each):"
			echo
			for n in "${LG_FAIL[@]}"; do echo "- \`$n\`"; done
		fi
		if [ ${#NOTES[@]} -gt 0 ]; then
			echo
			echo "## Notes"
			echo
			for n in "${NOTES[@]}"; do echo "- $n"; done
		fi
		echo
		echo "## Workload"
		echo
		echo "Schema (bench/workload/schema.sql) and the pgbench scripts; \`:name\` variables are sent as"
		echo "bind parameters (\`\$1\`, \`\$2\`, ...) in the prepared and extended modes."
		for wl in schema $WORKLOADS; do
			echo
			echo "\`$wl.sql\`:"
			echo
			echo '```'
			cat "$BENCH_DIR/workload/$wl.sql"
			echo '```'
		done
		echo
		echo "## Raw runs"
		echo
		echo "pair workload mode clients server run tps latency_ms"
		echo
		echo '```'
		sort -k1,1 -k2,2 -k3,3 -k4,4n -k5,5 -k6,6n "$RAW"
		echo '```'
	} >"$OUT.tmp"
	mv "$OUT.tmp" "$OUT"
	log "wrote $OUT"
}

fmt_num() { [ -z "$1" ] && { echo "-"; return; }; LC_ALL=C printf "%.${2}f" "$1"; }

# ---- main -----------------------------------------------------------------------------

# A private copy of the binary: a rebuild in the tree during the run cannot swap it.
if [ -n "$COMMIT" ]; then
	log "building litegres at ${COMMIT:0:12} in $WORK/src"
	mkdir "$WORK/src"
	git -C "$REPO_DIR" archive "$COMMIT" | tar -x -C "$WORK/src"
	# the binary is build/litegres (older trees: build/proxy/litegres)
	{ meson setup "$WORK/src/build" "$WORK/src" && { ninja -C "$WORK/src/build" litegres \
		|| ninja -C "$WORK/src/build" proxy/litegres; }; } \
		>"$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log" >&2; die "building $COMMIT failed"; }
	LITEGRES_FROM="built from git archive ${COMMIT:0:12} (meson defaults)"
	if [ -x "$WORK/src/build/litegres" ]; then cp "$WORK/src/build/litegres" "$WORK/litegres"
	else cp "$WORK/src/build/proxy/litegres" "$WORK/litegres"; fi
	rm -rf "$WORK/src"
	LITEGRES_BIN=$WORK/litegres
elif [ $SELFTEST = 0 ]; then
	cp "$LITEGRES_BIN" "$WORK/litegres"
	LITEGRES_BIN=$WORK/litegres
fi

log "litegres: $LITEGRES_FROM; work dir $WORK; ${DURATION}s x $RUNS runs"
for pair in $PAIRS; do run_pair "$pair"; done
write_results
if [ ${#LG_FAIL[@]} -gt 0 ]; then
	log "litegres failed some configurations:"
	for n in "${LG_FAIL[@]}"; do echo "  $n" >&2; done
fi
