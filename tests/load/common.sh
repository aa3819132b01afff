# Shared by run.sh and corpus.sh (sourced): the work folder and its processes, tools, the Release publish, start and stop.
# Callers set ROOT and LOAD first.
# shellcheck source=../postgres-cluster.sh
source "$ROOT/tests/postgres-cluster.sh"

WORK=$(mktemp -d /tmp/q7x2-load.XXXXXX)
PIDS=()
PG_DIR=""
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  [[ -z $PG_DIR ]] || pg_cluster_stop "$PG_DIR"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# need_tools TOOL…: installs the Debian packages of missing tools.
need_tools() {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null; then
      echo "installing $tool" >&2
      apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
    fi
  done
}

# free_ports PORT…: fails when something already listens on one of them.
free_ports() {
  for port in "$@"; do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
      echo "port $port on 127.0.0.1 is in use; stop what listens there first" >&2
      exit 1
    fi
  done
}

# publish_api: the API as it is deployed, into $WORK/api: published in Release, ReadyToRun (ahead-of-time compiled code for it
# and its packages, so that a fresh process does not start by JIT-compiling everything it runs).
publish_api() {
  echo "publishing Release (ReadyToRun)…" >&2
  dotnet publish -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true "$ROOT/src/Q7x2.Api/Q7x2.Api.csproj" \
    -o "$WORK/api" -nologo -v quiet >"$WORK/build-api.log" 2>&1 \
    || { cat "$WORK/build-api.log" >&2; exit 1; }
}

# start_postgres: a private PostgreSQL cluster in $WORK/pg on a free port from 55700, with the server's default settings
# (durability included: the figures are a deployment's), stopped on exit; sets PG_CONNECTION to its database q7x2 (created
# by the API's seed). Needs root (initdb and pg_ctl run as the postgres user).
start_postgres() {
  [[ $(id -u) == 0 ]] || { echo "a private PostgreSQL cluster needs root (or give a server with --pg)" >&2; exit 2; }
  chmod 711 "$WORK"
  PG_DIR=$WORK/pg
  pg_cluster_start "$PG_DIR" 55700
  PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=q7x2;Username=postgres"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# wait_for URL PID: until URL answers 200; prints the milliseconds it took.
wait_for() {
  local url=$1 pid=$2 start
  start=$(now_ms)
  until curl -sf -o /dev/null "$url"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "process $pid exited before $url answered" >&2; exit 1; fi
    if (( $(now_ms) - start > 120000 )); then echo "$url did not answer within 120 s" >&2; exit 1; fi
    sleep 0.01
  done
  echo $(( $(now_ms) - start ))
}

# start_api PORT PATH ARGS…: starts the API with API_ARGS and ARGS; sets API_PID and COLD_MS (launch to the first 200 of PATH).
start_api() {
  local port=$1 path=$2 start
  shift 2
  start=$(now_ms)
  (cd "$WORK" && exec dotnet api/Q7x2.Api.dll --urls="http://127.0.0.1:$port" "${API_ARGS[@]}" "$@" >"$WORK/api-$port.log" 2>&1) &
  API_PID=$!
  PIDS+=("$API_PID")
  wait_for "http://127.0.0.1:$port$path" "$API_PID" >/dev/null
  COLD_MS=$(( $(now_ms) - start ))
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# api_log_report: how many API log lines are at warn or above, and the first of them.
api_log_report() {
  echo "API log lines at warn or above: $(cat "$WORK"/api-*.log | grep -cE '^(warn|fail|crit):' || true)"
  cat "$WORK"/api-*.log | grep -A2 -E '^(warn|fail|crit):' | head -12 || true
  if [[ -n $PG_DIR ]]; then
    echo "PostgreSQL log lines at ERROR or above (the seed's included): $(grep -cE ' (ERROR|FATAL|PANIC): ' "$PG_DIR/log" || true)"
    grep -E ' (ERROR|FATAL|PANIC): ' "$PG_DIR/log" | head -6 || true
  fi
}
