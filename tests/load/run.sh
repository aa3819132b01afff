#!/usr/bin/env bash
# Load suite: the Release API (published ReadyToRun), with the output cache and with --Caching:Enabled=false, against bare
# Kestrel serving the bytes of the hot detail from memory, re-measured right before each scenario (each ratio is to that
# figure). Same wrk settings for every run. Usage:
#   tests/load/run.sh [--quick] [--engine sqlite|postgres] [--db PATH | --pg CONNECTION]
#   --quick              2 s per scenario and 10 s of mixed load instead of 5 s and 60 s
#   --engine ENGINE      the API's database: sqlite (the default) or postgres (--Database:Provider=Postgres)
#   --db PATH            sqlite: run on this file (migrated on start); default: a fresh database seeded from seed/ in a temp
#                        folder
#   --pg CONNECTION      postgres: run on this Npgsql connection string's database (created, migrated and seeded from seed/
#                        when it holds nothing, by `seed --if-empty`; left in place); default: a private cluster
#                        (tests/postgres-cluster.sh, as root) on 127.0.0.1 from port 55700, the server's default settings,
#                        its data in the temp folder, stopped and removed on exit
# Each API process first serves PROCESS_WARMUP (20 s; 3 s with --quick) of the mixed load, every scenario's paths shuffled,
# so that its scenarios measure optimised code, not the JIT's first tiers; then every scenario has its own warm-up (5 s; 1 s).
# Rotating scenarios request every path once before a cached run (a cache's steady state).
# json-server (npm json-server 0.17.4, the toy a user would stand up instead) serves the same object, measured once as a
# second yardstick for the cached hot detail.
# Listens on 127.0.0.1:5181 (cached API), 5182 (uncached API), 5183 (bare Kestrel), 5184 (json-server); stops everything it
# started.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOAD=$ROOT/tests/load
# shellcheck source=common.sh
source "$LOAD/common.sh"
DURATION=5s
MIXED=60s
WARMUP=5s
PROCESS_WARMUP=20s
ENGINE=sqlite
DB=""
PG=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --quick) DURATION=2s; MIXED=10s; WARMUP=1s; PROCESS_WARMUP=3s; shift ;;
    --engine) ENGINE=$2; shift 2 ;;
    --db) DB=$(realpath "$2"); shift 2 ;;
    --pg) PG=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
case $ENGINE in
  sqlite) [[ -z $PG ]] || { echo "--pg is for --engine postgres" >&2; exit 2; } ;;
  postgres) [[ -z $DB ]] || { echo "--db is for --engine sqlite" >&2; exit 2; } ;;
  *) echo "--engine: sqlite or postgres, not $ENGINE" >&2; exit 2 ;;
esac

CONNECTIONS=32
THREADS=2
CACHED_PORT=5181
UNCACHED_PORT=5182
BARE_PORT=5183
JSON_SERVER_PORT=5184
HOT=/v1/people/sadyr-japarov
LIST="/v1/facts?modality=stated&limit=20"
TIMELINE=/v1/timeline

need_tools wrk jq curl npm
free_ports $CACHED_PORT $UNCACHED_PORT $BARE_PORT $JSON_SERVER_PORT
publish_api
npm install --prefix "$WORK/json-server" --no-audit --no-fund --silent json-server@0.17.4 >"$WORK/npm.log" 2>&1 \
  || { cat "$WORK/npm.log" >&2; exit 1; }
dotnet build -c Release "$LOAD/Bare/Bare.csproj" -o "$WORK/bare" -nologo -v quiet >"$WORK/build-bare.log" 2>&1 \
  || { cat "$WORK/build-bare.log" >&2; exit 1; }

if [[ $ENGINE == postgres ]]; then
  if [[ -n $PG ]]; then
    DATABASE="PostgreSQL server given by --pg"
  else
    echo "starting a private PostgreSQL cluster…" >&2
    start_postgres
    PG=$PG_CONNECTION
    DATABASE="a private PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') cluster on 127.0.0.1:$PG_PORT, the server's default settings"
  fi
  DB_ARGS=(--Database:Provider=Postgres --ConnectionStrings:Postgres="$PG" --Seed:Path="$ROOT/seed")
  echo "seeding (seed --if-empty)…" >&2
  (cd "$WORK" && dotnet api/Q7x2.Api.dll seed --if-empty "${DB_ARGS[@]}" >/dev/null)
else
  if [[ -z $DB ]]; then
    DB=$WORK/q7x2.db
    echo "seeding a fresh database…" >&2
    (cd "$WORK" && dotnet api/Q7x2.Api.dll seed --ConnectionStrings:Sqlite="Data Source=$DB" --Seed:Path="$ROOT/seed" >/dev/null)
  fi
  DATABASE="SQLite file $([[ $DB == "$WORK"/* ]] && echo "seeded in the temp folder" || echo "$DB")"
  DB_ARGS=(--ConnectionStrings:Sqlite="Data Source=$DB" --Seed:Path="$ROOT/seed")
fi
API_ARGS=("${DB_ARGS[@]}" --RateLimiting:Enabled=false)

# walk PORT RESOURCE: the detail path of every record of a list, following its cursors.
walk() {
  local port=$1 resource=$2 cursor="" page
  while :; do
    page=$(curl -sf "http://127.0.0.1:$port/v1/$resource?limit=100${cursor:+&cursor=$cursor}")
    jq -r --arg r "$resource" '.items[] | "/v1/\($r)/\(.id)"' <<<"$page"
    cursor=$(jq -r '.next // empty | @uri' <<<"$page")
    [[ -n $cursor ]] || break
  done
}

RESULTS=()

# bare_rps: req/s of the bare endpoint now (it is warm from its own first run), to set a scenario's ratio against.
bare_rps() {
  wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s -d"$DURATION" "http://127.0.0.1:$BARE_PORT$HOT" | awk '/^Requests\/sec/ { printf "%.0f", $2 }'
}

# measure NAME MODE PORT TARGET: TARGET is a path, or @FILE of paths to rotate over. Warm-up, then the bare endpoint measured
# right before the scenario's measured run: this machine's speed drifts over minutes, so each ratio is to the bare endpoint's
# req/s of the same moment, not of the start of the run.
measure() {
  local name=$1 mode=$2 port=$3 target=$4 out rps p50 p99 bad timeouts ratio bare
  local args=(-t"$THREADS" -c"$CONNECTIONS" --timeout 10s --latency)
  local url=http://127.0.0.1:$port$target
  if [[ $target == @* ]]; then
    args+=(-s "$LOAD/rotate.lua")
    export LOAD_PATHS=${target#@}
    url=http://127.0.0.1:$port/
    if [[ $mode == cached ]]; then
      # A cache's steady state: every path requested once before the measured run.
      xargs -P 4 -I '{}' curl -s -o /dev/null "http://127.0.0.1:$port{}" <"$LOAD_PATHS"
    fi
  fi
  wrk "${args[@]}" -d"$WARMUP" "$url" >/dev/null
  [[ $mode == bare ]] || bare=$(bare_rps)
  out=$(wrk "${args[@]}" -d"$DURATION" "$url")
  rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  bad=$(awk '/Non-2xx or 3xx/ { print $5 }' <<<"$out")
  timeouts=$(awk '/Socket errors/ { print $NF }' <<<"$out")
  [[ $mode == bare ]] && bare=$rps
  LAST_RPS=$rps
  ratio=$(awk -v a="$rps" -v b="$bare" 'BEGIN { printf "%.3f", a / b }')
  RESULTS+=("$(printf '| %-22s | %-11s | %9s | %9s | %9s | %9s | %6sx | %7s | %8s |' "$name" "$mode" "$rps" "$p50" "$p99" "$bare" "$ratio" "${bad:-0}" "${timeouts:-0}")")
  echo "${RESULTS[-1]}" >&2
}

echo "starting the API (cached) on :$CACHED_PORT…" >&2
start_api $CACHED_PORT "$HOT"
CACHED_PID=$API_PID
COLD_CACHED=$COLD_MS

curl -sf "http://127.0.0.1:$CACHED_PORT$HOT" -o "$WORK/hot.json"
for resource in people countries places organizations events agreements border-crossings facts observations sources; do
  walk $CACHED_PORT "$resource"
done >"$WORK/details.txt"
while IFS= read -r query; do
  echo "/v1/search?q=$(jq -rn --arg q "$query" '$q | @uri')"
done <"$LOAD/search-queries.txt" >"$WORK/search.txt"
{
  cat "$WORK/details.txt" "$WORK/search.txt"
  for _ in $(seq 1 20); do echo "$HOT"; echo "$LIST"; echo "$TIMELINE"; done
} | shuf >"$WORK/mixed.txt"

(exec dotnet "$WORK/bare/Bare.dll" "$WORK/hot.json" --urls "http://127.0.0.1:$BARE_PORT" >"$WORK/bare.log" 2>&1) &
BARE_PID=$!
PIDS+=("$BARE_PID")
wait_for "http://127.0.0.1:$BARE_PORT$HOT" "$BARE_PID" >/dev/null
cmp -s "$WORK/hot.json" <(curl -sf "http://127.0.0.1:$BARE_PORT$HOT") || { echo "bare endpoint does not serve the hot detail's bytes" >&2; exit 1; }

# json-server with the hot detail as the one item of its "people" collection, at /people/{id}; read-only, not watching.
HOT_ID=${HOT##*/}
jq --arg id "$HOT_ID" 'if .id == $id then { people: [.] } else error("the hot detail has no id \($id)") end' "$WORK/hot.json" >"$WORK/db.json"
(cd "$WORK" && exec "$WORK/json-server/node_modules/.bin/json-server" --quiet --read-only --no-gzip --host 127.0.0.1 \
  --port "$JSON_SERVER_PORT" "$WORK/db.json" >"$WORK/json-server.log" 2>&1) &
JSON_SERVER_PID=$!
PIDS+=("$JSON_SERVER_PID")
wait_for "http://127.0.0.1:$JSON_SERVER_PORT/people/$HOT_ID" "$JSON_SERVER_PID" >/dev/null
[[ "$(curl -sf "http://127.0.0.1:$JSON_SERVER_PORT/people/$HOT_ID" | jq -c .)" == "$(jq -c . "$WORK/hot.json")" ]] \
  || { echo "json-server does not serve the hot detail's object" >&2; exit 1; }

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency (after a $WARMUP warm-up) per scenario" >&2
measure "bare Kestrel (hot)" bare $BARE_PORT "$HOT"
measure "json-server (hot)" json-server $JSON_SERVER_PORT "/people/$HOT_ID"
JSON_SERVER_RPS=$LAST_RPS
stop "$JSON_SERVER_PID"

# warm_process PORT: the mixed load for PROCESS_WARMUP, unmeasured (the runtime tiers its hot code up meanwhile).
warm_process() {
  LOAD_PATHS=$WORK/mixed.txt wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s -d"$PROCESS_WARMUP" -s "$LOAD/rotate.lua" "http://127.0.0.1:$1/" >/dev/null
}

scenarios() {
  local mode=$1 port=$2
  warm_process "$port"
  measure "hot detail" "$mode" "$port" "$HOT"
  [[ $mode == cached ]] && CACHED_HOT_RPS=$LAST_RPS
  measure "detail, every record" "$mode" "$port" "@$WORK/details.txt"
  measure "list of 20, filtered" "$mode" "$port" "$LIST"
  measure "search, 30 queries" "$mode" "$port" "@$WORK/search.txt"
  measure "timeline" "$mode" "$port" "$TIMELINE"
}

scenarios cached $CACHED_PORT
echo "mixed load on the cached API for $MIXED…" >&2
MIXED_OUT=$(LOAD_PATHS=$WORK/mixed.txt wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s -d"$MIXED" -s "$LOAD/rotate.lua" "http://127.0.0.1:$CACHED_PORT/")
MIXED_RPS=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$MIXED_OUT")
MIXED_BAD=$(awk '/Non-2xx or 3xx/ { print $5 }' <<<"$MIXED_OUT")
RSS_CACHED=$(rss_mb "$CACHED_PID")
stop "$CACHED_PID"

echo "starting the API (--Caching:Enabled=false) on :$UNCACHED_PORT…" >&2
start_api $UNCACHED_PORT "$HOT" --Caching:Enabled=false
UNCACHED_PID=$API_PID
scenarios uncached $UNCACHED_PORT
RSS_UNCACHED=$(rss_mb "$UNCACHED_PID")
stop "$UNCACHED_PID"

cat <<REPORT

Q7x2 load suite — $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)
engine: $ENGINE ($DATABASE)
wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency per scenario, after a $WARMUP warm-up (and $PROCESS_WARMUP of mixed load per API process); API in Release with --RateLimiting:Enabled=false,
in-memory output cache, telemetry at its defaults; ratio = req/s over bare Kestrel serving the hot detail's $(stat -c %s "$WORK/hot.json") bytes,
measured (column "bare") right before each scenario's run.
$(wc -l <"$WORK/details.txt") records in the rotating detail scenario.

| scenario               | mode        |     req/s |       p50 |       p99 |      bare |  ratio | non-2xx | timeouts |
| ---------------------- | ----------- | --------: | --------: | --------: | --------: | -----: | ------: | -------: |
$(printf '%s\n' "${RESULTS[@]}")

cached hot detail over json-server serving the same object: $(awk -v a="$CACHED_HOT_RPS" -v b="$JSON_SERVER_RPS" 'BEGIN { printf "%.1f", a / b }')x (${CACHED_HOT_RPS} against ${JSON_SERVER_RPS} req/s)
$(api_log_report)
cold start to the first 200 of $HOT (seeded database): ${COLD_CACHED} ms
mixed load (cached, every scenario's paths shuffled): ${MIXED_RPS} req/s, ${MIXED_BAD:-0} non-2xx
RSS after $MIXED of mixed load (cached): ${RSS_CACHED} MB; after the uncached scenarios: ${RSS_UNCACHED} MB
REPORT
