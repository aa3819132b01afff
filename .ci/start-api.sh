# Sourced by the CI scripts (and src/Q7x2.Client/regenerate.sh), from the repository root.
# start_api DIR [ARGS…]: starts the built API (Debug) on a free loopback port over a new SQLite file in DIR, seeded from seed/,
# with ARGS as further configuration; waits until it is ready (fails with its log if it never is); sets API (its URL).
# stop_api: stops it (for an EXIT trap; safe when it never started).
API_PID=
start_api() {
  local dir=$1 port
  shift
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  dotnet src/Q7x2.Api/bin/Debug/net10.0/Q7x2.Api.dll --urls="http://127.0.0.1:$port" \
    --ConnectionStrings:Sqlite="Data Source=$dir/api.db" --Seed:Path="$PWD/seed" "$@" >"$dir/api.log" 2>&1 &
  API_PID=$!
  API="http://127.0.0.1:$port"
  for _ in $(seq 1 120); do
    curl -fsS "$API/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the API did not get ready on $API:" >&2
  tail -n 20 "$dir/api.log" >&2
  return 1
}

stop_api() {
  if [[ -n $API_PID ]]; then
    kill "$API_PID" 2>/dev/null
    wait "$API_PID" 2>/dev/null
    API_PID=
  fi
  true
}
