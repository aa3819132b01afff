#!/usr/bin/env bash
# docker-compose.yml's topology without Docker, from Debian's packages, on loopback, in a temporary folder: a private
# PostgreSQL cluster, redis-server, the API published once (Release) and run as `migrate` then `seed --if-empty`, three
# API processes on three ports (PostgreSQL, the output cache shared in Redis, forwarded headers from 127.0.0.1, rate
# limits on) and nginx on one port, round robin over the three. Then it checks, one line per check, that every replica is
# ready, that requests through nginx reach all three, that a read cached by one replica is a hit in another, that a
# conditional PATCH through nginx is seen at once by every replica, that two clients behind nginx have budgets of their
# own, that 16 clients × 50 conditional updates through nginx make exactly 800 revisions and lose none, and that killing
# a replica during a read load loses no GET. Run as root (README, Docker): `bash tests/deploy/replicas.sh`. Exits 1 when a
# check fails; stops everything it started and removes its folder on exit (on a failure it keeps the logs, and says where).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# shellcheck source=../postgres-cluster.sh
source tests/postgres-cluster.sh

missing=()
command -v nginx >/dev/null || missing+=(nginx)
command -v redis-server >/dev/null || missing+=(redis-server)
if (( ${#missing[@]} > 0 )); then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/q7x2-replicas.XXXXXX)
chmod 755 "$work"
pids=()

# The last lines of every log, when something failed (a check, or a command that ended the script early).
show_logs() {
  local log
  for log in "$work"/api*.log "$work/nginx-error.log"; do
    [[ -f $log ]] || continue
    echo "--- ${log##*/} (last lines)"; tail -n 20 "$log"
  done
}

stop_all() {
  local status=$? pid
  if (( status != 0 )); then
    show_logs
    mkdir -p "$work.logs" && cp -r "$work"/*.log "$work"/[fg] "$work.logs/" 2>/dev/null || true
    echo "logs kept in $work.logs"
  fi
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  pg_cluster_stop "$work/pg"
  rm -rf "$work"
}
trap stop_all EXIT

# A free loopback port from $1 upwards, not one already in $taken (the caller adds what it gets).
taken=()
free_port() {
  local port
  for port in $(seq "$1" $(($1 + 200))); do
    [[ " ${taken[*]} " == *" $port "* ]] && continue
    if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port from $1" >&2
  return 1
}

echo "== setting up in $work"
pg_cluster_start "$work/pg" 55600 fsync=off
pg_port=$PG_PORT; taken+=("$pg_port")
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
redis_port=$(free_port 56380); taken+=("$redis_port")
nginx_port=$(free_port 58080); taken+=("$nginx_port")
api_ports=()
for _ in 1 2 3; do
  p=$(free_port 58100); taken+=("$p"); api_ports+=("$p")
done

redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$work" --logfile "$work/redis.log" &
pids+=($!)
echo "redis-server $(redis-server --version | awk '{print $3}') on 127.0.0.1:$redis_port"

echo "publishing the API (Release) ..."
dotnet publish src/Q7x2.Api -c Release -o "$work/app" >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }

# The write keys of these checks: their SHA-256 is the configuration (README, Curation). One for the single writes, and one
# for each client of check (f), as sixteen curators: a key's name is its client for the rate limits, so each has its own
# write budget, as each would in production.
new_key() { head -c 32 /dev/urandom | base64 | tr -d '/+='; }
sha() { printf '%s' "$1" | sha256sum | awk '{print $1}'; }
key=$(new_key)
export Auth__Keys__0__Name=replicas-check Auth__Keys__0__Role=curator Auth__Keys__0__Sha256="$(sha "$key")"
load_keys=("")
for k in $(seq 1 16); do
  load_keys+=("$(new_key)")
  export "Auth__Keys__${k}__Name=load-$k" "Auth__Keys__${k}__Role=curator" "Auth__Keys__${k}__Sha256=$(sha "${load_keys[k]}")"
done

# What every replica and the one-off steps share (docker-compose.yml's environment). PollInterval is 10 minutes so that a
# replica sees another's write only through the shared cache's eviction, never through its poll.
export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=Postgres
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Database=q7x2;Username=postgres;Maximum Pool Size=30"
export Seed__Path="$repo/seed"
export Caching__Redis="127.0.0.1:$redis_port"
export Caching__PollInterval=00:10:00
export ForwardedHeaders__Enabled=true
export ForwardedHeaders__KnownProxies__0=127.0.0.1
export RateLimiting__Enabled=true
export RateLimiting__Search__PermitsPerMinute=5
unset ASPNETCORE_URLS

api() { (cd "$work" && dotnet "$work/app/Q7x2.Api.dll" "$@"); }
echo "migrate: $(api migrate | tail -n 1)"
echo "seed --if-empty: $(api seed --if-empty | tail -n 1)"
echo "seed --if-empty (again): $(api seed --if-empty | tail -n 1)"

api_pids=()
for i in 0 1 2; do
  (cd "$work" && exec dotnet "$work/app/Q7x2.Api.dll" --urls="http://127.0.0.1:${api_ports[$i]}") >"$work/api$i.log" 2>&1 &
  pids+=($!); api_pids+=($!)
done

mkdir -p "$work/nginx" && chown nobody "$work/nginx"
cat >"$work/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 256; }
http {
    log_format timed '\$remote_addr "\$request" \$status \$request_time \$upstream_addr \$upstream_status \$upstream_response_time';
    access_log $work/nginx-access.log timed;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    upstream api {
        server 127.0.0.1:${api_ports[0]};
        server 127.0.0.1:${api_ports[1]};
        server 127.0.0.1:${api_ports[2]};
    }
    server {
        listen 127.0.0.1:$nginx_port;
        client_max_body_size 2m;
        location = /metrics { return 404; }
        location / {
            proxy_pass http://api;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
        }
    }
}
EOF
nginx -c "$work/nginx.conf" -p "$work" &
pids+=($!)
proxy="http://127.0.0.1:$nginx_port"
replica() { echo "http://127.0.0.1:${api_ports[$1]}"; }
echo "API replicas on ${api_ports[*]}; nginx on $nginx_port"

for i in 0 1 2; do
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$(replica "$i")/health/ready" 2>/dev/null && break
    sleep 0.5
  done
done
for _ in $(seq 1 20); do
  curl -fsS -o /dev/null "$proxy/health/live" 2>/dev/null && break
  sleep 0.25
done

passed=0
failed=0
check() { # check NAME CONDITION-EXIT-STATUS DETAIL
  if [[ $2 == 0 ]]; then
    passed=$((passed + 1)); echo "PASS $1: $3"
  else
    failed=$((failed + 1)); echo "FAIL $1: $3"
  fi
}

# Status, then the headers (lowercase names) and the body into files; prints the status.
request() { # request OUTPUT-PREFIX CURL-ARGS...
  local out=$1; shift
  curl -sS -o "$out.body" -D "$out.headers" -w '%{http_code}' "$@"
}
header() { { grep -i "^$2:" "$1.headers" || true; } | head -n 1 | cut -d' ' -f2- | tr -d '\r'; }

echo "== checks"
# (a) every replica answers /health/ready.
ready=()
ok=0
for i in 0 1 2; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$(replica "$i")/health/ready") || true
  ready+=("${api_ports[$i]}=$status")
  [[ $status == 200 ]] || ok=1
done
check "a. every replica ready" "$ok" "/health/ready ${ready[*]}"

# (b) requests through nginx reach all three: each replica's own count of answered requests (its /metrics, read directly)
# grows. Scrapes and health checks are left out; a response from the output cache is counted without a route.
served() {
  curl -s "$(replica "$1")/metrics" \
    | awk '/^http_server_request_duration_seconds_count\{/ && !/http_route="\/(metrics|health)/ { n += $NF } END { print n + 0 }'
}
before=(); for i in 0 1 2; do before+=("$(served "$i")"); done
for _ in $(seq 1 9); do curl -fsS -o /dev/null "$proxy/v1/predicates"; done
ok=0; counts=()
for i in 0 1 2; do
  d=$(( $(served "$i") - before[i] ))
  counts+=("${api_ports[$i]}:+$d")
  (( d > 0 )) || ok=1
done
check "b. nginx reaches every replica" "$ok" "9 GET /v1/predicates through nginx, answered per replica (its /metrics): ${counts[*]}"

# (d) a read cached by one replica is a hit in another: the same request (same Host: entries are keyed by it) to replica 0,
# then, once its entry is in Redis, to replica 1, which answers from Redis (Age: a response served from the cache carries it). Before the write below,
# while every replica knows the same data version.
s0=$(request "$work/d0" -H 'Host: q7x2.test' "$(replica 0)/v1/people")
# The entry reaches Redis just after the response (the output cache stores it once the body is sent): wait for its key.
for _ in $(seq 1 50); do
  [[ -n $(redis-cli -p "$redis_port" --scan --pattern '*Q7X2.TEST/v1/people*') ]] && break
  sleep 0.1
done
s1=$(request "$work/d1" -H 'Host: q7x2.test' "$(replica 1)/v1/people")
age0=$(header "$work/d0" age); age1=$(header "$work/d1" age)
ok=0; [[ $s0 == 200 && $s1 == 200 && -z $age0 && -n $age1 ]] || ok=1
cmp -s "$work/d0.body" "$work/d1.body" || ok=1
check "d. a read cached by one replica is a hit in another" "$ok" \
  "replica ${api_ports[0]}: $s0 Age=${age0:-none} (filled); replica ${api_ports[1]}: $s1 Age=${age1:-none} (from Redis), same body"

# (c) a write through nginx is seen at once by every replica: each replica first caches a fact (a hit on its second read),
# then a conditional PATCH of its note goes through nginx (If-Match: the ETag just read), then each replica is read
# directly and answers the new note, though no replica polls for ten minutes (the write emptied the shared cache).
path="/v1/facts/trilateral-border-agreement-concerns-uzbekistan"
ok=0; warm=()
for i in 0 1 2; do
  curl -fsS -o /dev/null "$(replica "$i")$path"
  s=$(request "$work/c$i" "$(replica "$i")$path")
  a=$(header "$work/c$i" age); warm+=("${api_ports[$i]}:$s,Age=${a:-none}")
  [[ $s == 200 && -n $a ]] || ok=1
done
old_note=$(jq -r .note "$work/c0.body")
note="Changed through nginx by the replicas check."
ws=$(request "$work/w" -X PATCH -H "X-Api-Key: $key" -H "If-Match: $(header "$work/c0" etag)" \
  -H 'Content-Type: application/merge-patch+json' --data "{\"note\": \"$note\"}" "$proxy$path")
[[ $ws == 200 && $old_note != "$note" ]] || ok=1
seen=()
for i in 0 1 2; do
  s=$(request "$work/r$i" "$(replica "$i")$path")
  n=$(jq -r .note "$work/r$i.body" 2>/dev/null || true)
  if [[ $s == 200 && $n == "$note" ]]; then seen+=("${api_ports[$i]}:$s,new"); else seen+=("${api_ports[$i]}:$s,old"); ok=1; fi
done
check "c. a write through nginx is seen at once by every replica" "$ok" \
  "cached before: ${warm[*]}; PATCH of its note through nginx (If-Match): $ws; then ${seen[*]} note (Caching:PollInterval 10 min)"

# (e) two clients behind nginx have budgets of their own. nginx appends the address it sees to X-Forwarded-For and the
# API takes the last one, so client A (from 127.0.0.1) uses up its search budget (5 a minute per replica: 15 through
# nginx's round robin, then every replica refuses it), while client B (from 127.0.0.2) is still served with its own full
# budget; A cannot get a fresh budget by sending an X-Forwarded-For of its own.
search="$proxy/v1/search?q=Japarov"
a_statuses=()
for _ in $(seq 1 18); do a_statuses+=("$(curl -s -o /dev/null -w '%{http_code}' "$search")"); done
last3="${a_statuses[*]: -3}"
b=$(request "$work/eb" --interface 127.0.0.2 "$search")
b_limit=$(header "$work/eb" ratelimit)
spoof=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-For: 203.0.113.9' "$search")
ok=0
[[ $last3 == "429 429 429" && $b == 200 && $b_limit == '"search";r=4;'* && $spoof == 429 ]] || ok=1
check "e. two clients behind nginx have budgets of their own" "$ok" \
  "A (127.0.0.1) 18 searches: $(tr ' ' '\n' <<<"${a_statuses[*]}" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')then B (127.0.0.2): $b RateLimit: $b_limit; A with its own X-Forwarded-For: $spoof"

# (f) 16 clients × 50 conditional updates through nginx lose none: four clients update each of four facts at once, so that
# If-Match conflicts really happen. A client reads the fact with its key (never from the cache), PATCHes its note to
# "client-K update N" with If-Match, and reads it again after a 412. Then the change feed (read after the cursor of its last
# change before, page by page) holds exactly 800 new revisions: 200 per fact, each fact's a chain (each revision's before is
# the one before's after, so no update overwrote another unseen), 50 per client with its notes in order; every replica
# serves each fact's last note; and no response was a 5xx or a failed connection.
# No replica is warmed first: a process's first write compiles EF Core's write path while it holds the write lock all replicas
# share (measured alone on the busy 2-core machine: 1.4 s, 0.6 s of it under the lock), so the sixteen clients' first writes
# queue behind cold replicas. Writes have a request timeout of their own (RequestTimeouts:WriteSeconds, 45 s by default,
# above SQLite's 30 s busy_timeout); with the reads' 10 s, such queued writes were stopped with 503 problems.
feed() { # feed [AFTER-CURSOR]: every change after it, one JSON object a line, read with a key (not from the cache)
  local after=${1:-} page="$work/feed.json"
  while :; do
    [[ $(curl -sS -o "$page" -w '%{http_code}' -H "X-Api-Key: $key" \
      "$(replica 0)/v1/changes?limit=100${after:+&after=$after}") == 200 ]] || return 1
    jq -c '.items[]' "$page"
    [[ $(jq -r '.next // empty' "$page") ]] || return 0
    after=$(jq -r '.items[-1].cursor' "$page")
  done
}
# One conditional update: GET with KEY for the ETag, then PATCH the note with If-Match. Appends "GET status" and, after a 200,
# "PATCH status" to LOG; succeeds when the PATCH was a 200. Two curl processes and no other, so that sixteen clients leave
# the machine to the replicas.
update() { # update URL KEY NOTE LOG
  local got s
  got=$(curl -s -o /dev/null -w '%{http_code} %header{etag}' -H "X-Api-Key: $2" "$1") || true
  echo "GET ${got%% *}" >>"$4"
  [[ ${got%% *} == 200 ]] || return 1
  s=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X PATCH -H "X-Api-Key: $2" -H "If-Match: ${got#* }" \
    -H 'Content-Type: application/merge-patch+json' --data "{\"note\": \"$3\"}" "$1") || true
  echo "${s#* }" >>"$4.seconds"
  s=${s%% *}
  echo "PATCH $s" >>"$4"
  [[ $s == 200 ]]
}
update_client() { # update_client K FACT: until 50 updates succeeded (at most 2000 tries)
  local k=$1 n=0 tries=0
  while (( n < 50 && tries < 2000 )); do
    tries=$((tries + 1))
    if update "$proxy/v1/facts/$2" "${load_keys[k]}" "client-$k update $((n + 1))" "$work/f/$k.log"; then n=$((n + 1)); fi
  done
}
mkdir -p "$work/f"
facts=($(curl -fsS "$(replica 0)/v1/facts?limit=4&fields=id" | jq -r '.items[].id'))
last=$(feed | tail -n 1 | jq -r .cursor)
started=$(date +%s%N)
clients=()
for k in $(seq 1 16); do
  update_client "$k" "${facts[(k - 1) % 4]}" &
  clients+=($!)
done
wait "${clients[@]}" || true
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
feed "$last" >"$work/f/changes.jsonl"
cat "$work"/f/*.log >"$work/f/all"
slowest=$(sort -g "$work"/f/*.seconds | tail -n 1)
statuses=$(sort "$work/f/all" | uniq -c | awk '{ printf "%s %s×%s, ", $2, $3, $1 }')
patches=$(grep -c '^PATCH' "$work/f/all" || true)
conflicts=$(grep -c '^PATCH 412$' "$work/f/all" || true)
unexpected=$(grep -vc '^GET 200$\|^PATCH 200$\|^PATCH 412$' "$work/f/all" || true)
# Per fact: its revisions, whether they chain, and its last note; per client: its revisions and whether its notes are 1..50.
summary=$(jq -sc '
  { total: length,
    facts: (group_by(.id) | map(sort_by(.position)
      | { id: .[0].id, n: length, chain: ([range(1; length) as $i | .[$i].before == .[$i - 1].after] | all),
          updates: all(.operation == "update"), last: .[-1].after.note })),
    clients: (group_by(.actor) | map(sort_by(.position) | (.[0].actor | ltrimstr("load-")) as $k
      | { n: length, ordered: ([.[].after.note] == [range(1; length + 1) | "client-\($k) update \(.)"]) })) }' \
  "$work/f/changes.jsonl")
ok=0
[[ $(grep -c '^PATCH 200$' "$work/f/all") == 800 && $unexpected == 0 ]] || ok=1
[[ $(jq '.total == 800 and (.facts | length == 4 and all(.n == 200 and .chain and .updates))
  and (.clients | length == 16 and all(.n == 50 and .ordered))' <<<"$summary") == true ]] || ok=1
stale=()
for fact in "${facts[@]}"; do
  want=$(jq -r --arg id "$fact" '.facts[] | select(.id == $id) | .last' <<<"$summary")
  for i in 0 1 2; do
    [[ $(curl -s "$(replica "$i")/v1/facts/$fact" | jq -r .note) == "$want" ]] || { ok=1; stale+=("$fact@${api_ports[$i]}"); }
  done
done
check "f. 16 clients × 50 conditional updates through nginx lose none" "$ok" \
  "$(awk -v ms="$elapsed" 'BEGIN { printf "%.1f", ms / 1000 }') s, $patches PATCH \
attempts (the slowest ${slowest:-?} s), $conflicts of them 412 (read again); responses: ${statuses%, }; revisions +$(jq .total <<<"$summary"): per fact \
$(jq -r '[.facts[] | "\(.n)\(if .chain then "" else " (not a chain)" end)"] | join(" ")' <<<"$summary"), each a chain of \
befores and afters; per client $(jq -r '[.clients[].n] | unique | map(tostring) | join("/")' <<<"$summary") with its notes \
$(jq -r 'if .clients | all(.ordered) then "in order" else "OUT OF ORDER" end' <<<"$summary"); every replica serves each \
fact's last note${stale:+ except ${stale[*]}}"

# (g) killing a replica during a read load loses no GET: eight clients (each from an address of its own, for a read budget
# of its own) read through nginx, 500 GETs each over one kept connection, and the third replica is killed (SIGKILL) a third
# of the way in. nginx passes every request that failed on it, in flight or refused, to another replica (proxy_next_upstream
# error timeout: GETs are idempotent; a write that reached a replica is never sent again), so every GET gets a whole 200
# (curl's exit code per transfer catches a response cut short).
mkdir -p "$work/g"
reads=(/v1/predicates /v1/people /v1/countries '/v1/facts?limit=50' /v1/people/sadyr-japarov '/v1/timeline?limit=50')
for c in $(seq 1 8); do
  for n in $(seq 1 500); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$proxy" "${reads[n % ${#reads[@]}]}"; done >"$work/g/$c.curlrc"
done
loaders=()
for c in $(seq 1 8); do
  # Line-buffered, so that the count of answers is the count so far (curl's block buffer held them until it ended).
  stdbuf -oL curl -s --interface "127.0.0.$((30 + c))" -w '%{http_code} %{exitcode}\n' -K "$work/g/$c.curlrc" \
    >"$work/g/$c.log" 2>/dev/null &
  loaders+=($!)
done
answered() { cat "$work"/g/*.log | wc -l; }
while (( $(answered) < 1333 )) && kill -0 "${loaders[0]}" 2>/dev/null; do sleep 0.02; done
at_kill=$(answered)
kill -KILL "${api_pids[2]}"; wait "${api_pids[2]}" 2>/dev/null || true
wait "${loaders[@]}" || true
total=$(answered)
statuses=$(cat "$work"/g/*.log | sort | uniq -c | awk '{ printf "%s×%s (curl exit %s), ", $1, $2, $3 }')
bad=$(cat "$work"/g/*.log | grep -vc '^200 0$' || true)
# nginx's error log names each request that failed on the killed replica ([error], then a [warn] when it marks it down).
failed_on() { grep "\[error\].*upstream: \"http://127.0.0.1:${api_ports[2]}/" "$work/nginx-error.log" | grep -c "$1" || true; }
ok=0; [[ $total == 4000 && $bad == 0 ]] || ok=1
check "g. killing a replica during a read load loses no GET" "$ok" \
  "8 clients × 500 GET through nginx, replica ${api_ports[2]} killed after $at_kill answers: ${statuses%, }; nginx sent again \
to the others the $(failed_on 'reading response header') GETs in flight on it and the $(failed_on 'while connecting') it refused"

echo "== summary: $passed passed, $failed failed (PostgreSQL :$pg_port, Redis :$redis_port, API ${api_ports[*]}, nginx :$nginx_port)"
(( failed == 0 )) || exit 1
