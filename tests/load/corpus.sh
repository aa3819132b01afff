#!/usr/bin/env bash
# Load suite for a large corpus (issue 11's targets): latency with one connection on a seeded database, the cache off.
# Usage:
#   tests/load/corpus.sh --db PATH [--quick]
#   --db PATH   a database seeded with a generated corpus (dotnet run --project src/Q7x2.Api -- generate …, then seed)
#   --quick     3 s per scenario and 10 s of mixed load instead of 10 s and 60 s
# Sample paths come from the API itself (first pages of each list under several sorts, so the records are spread across the
# corpus), and search words from the stored texts of sampled sources. The API runs in Release (ReadyToRun) with
# --Caching:Enabled=false and --RateLimiting:Enabled=false; every scenario runs `wrk -t1 -c1 --latency` after a warm-up.
# RSS is read after the mixed load (every scenario's paths shuffled, 2 threads, 8 connections). Listens on 127.0.0.1:5184.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOAD=$ROOT/tests/load
# shellcheck source=common.sh
source "$LOAD/common.sh"
DURATION=10s
WARMUP=3s
MIXED=60s
DB=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --quick) DURATION=3s; WARMUP=1s; MIXED=10s; shift ;;
    --db) DB=$(realpath "$2"); shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[[ -n $DB && -f $DB ]] || { echo "--db PATH: a seeded database file is required" >&2; exit 2; }

PORT=5184
BASE=http://127.0.0.1:$PORT
need_tools wrk jq curl
free_ports $PORT
publish_api
API_ARGS=(--ConnectionStrings:Sqlite="Data Source=$DB" --Caching:Enabled=false --RateLimiting:Enabled=false)

echo "starting the API on $DB…" >&2
start_api $PORT /v1/sources?limit=1
COLD_FIRST=$COLD_MS
API=$API_PID

# ids FILE LIST SORT PAGES: the detail paths of the first PAGES pages of 100 of LIST under SORT.
ids() {
  local list=$1 sort=$2 pages=$3 cursor="" page
  for _ in $(seq 1 "$pages"); do
    page=$(curl -sf "$BASE/v1/$list?limit=100&sort=$sort${cursor:+&cursor=$cursor}")
    jq -r '.items[] | .id' <<<"$page"
    cursor=$(jq -r '.next // empty | @uri' <<<"$page")
    [[ -n $cursor ]] || break
  done
}

echo "sampling paths…" >&2
for sort in name -name id -id; do ids entities "$sort" 3; done | sort -u >"$WORK/entity-ids.txt"
for id in $(cat "$WORK/entity-ids.txt"); do echo "/v1/entities/$id"; done >"$WORK/entity-details.txt"
{
  for sort in id -id date -date; do ids facts "$sort" 3; done | sort -u | sed 's#^#/v1/facts/#'
  for sort in id -id; do ids observations "$sort" 3; done | sort -u | sed 's#^#/v1/observations/#'
  cat "$WORK/entity-details.txt"
} | shuf --random-source=<(yes) >"$WORK/details.txt"
# The hub: of the countries, the one with the most facts.
for id in $(ids countries name 1); do
  echo "$(curl -sf "$BASE/v1/facts?entity=$id&count=true&limit=1" | jq '.total') $id"
done | sort -rn | head -1 >"$WORK/hub.txt"
HUB=$(awk '{ print $2 }' "$WORK/hub.txt")
HUB_FACTS=$(awk '{ print $1 }' "$WORK/hub.txt")
HUB_NAME=$(curl -sf "$BASE/v1/countries/$HUB" | jq -r '.name')
shuf -n 200 --random-source=<(yes) "$WORK/entity-ids.txt" | sed 's#^#/v1/facts?limit=20\&entity=#' >"$WORK/lists.txt"
for country in $(ids countries name 1 | head -40); do
  echo "/v1/timeline?limit=20&country=$country"
done >"$WORK/timelines.txt"
SOURCE_IDS=$(ids sources id 1 | shuf -n 40 --random-source=<(yes))
for id in $SOURCE_IDS; do echo "/v1/facts?limit=20&source=$id"; done >"$WORK/source-facts.txt"
shuf -n 40 --random-source=<(yes) "$WORK/entity-ids.txt" | sed 's#^#/v1/observations?limit=20\&subject=#' >"$WORK/subject-observations.txt"
# Ordinary words: words of 5+ letters from 20 sampled sources' texts, not names (lower case), 30 of them.
for id in $(ids sources id 1 | shuf -n 20 --random-source=<(yes)); do
  curl -sf "$BASE/v1/sources/$id" | jq -r '.text // empty'
done | tr -cs 'a-z' '\n' | awk 'length($0) >= 5' | sort | uniq -c | sort -rn | awk 'NR > 20 && NR <= 200 { print $2 }' \
  | shuf -n 30 --random-source=<(yes) | sed 's#^#/v1/search?q=#' >"$WORK/search.txt"
[[ -s $WORK/search.txt ]] || { echo "no search words found in the sampled texts" >&2; exit 1; }
HUB_SEARCH="/v1/search?q=$(jq -rn --arg q "$HUB_NAME" '$q | @uri')"
# Page 2 of the hub's facts, through the first page's cursor.
NEXT=$(curl -sf "$BASE/v1/facts?limit=20&entity=$HUB" | jq -r '.next | @uri')
HUB_PAGE2="/v1/facts?limit=20&entity=$HUB&cursor=$NEXT"

RESULTS=()
# measure NAME TARGET: TARGET is a path or @FILE of paths to rotate over; one connection.
measure() {
  local name=$1 target=$2 args=(-t1 -c1 --timeout 10s --latency) url out
  url=$BASE$target
  if [[ $target == @* ]]; then
    args+=(-s "$LOAD/rotate.lua")
    export LOAD_PATHS=${target#@}
    url=$BASE/
  fi
  wrk "${args[@]}" -d"$WARMUP" "$url" >/dev/null
  out=$(wrk "${args[@]}" -d"$DURATION" "$url")
  RESULTS+=("$(printf '| %-40s | %8s | %9s | %9s | %7s |' "$name" \
    "$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")" "$(awk '$1 == "50%" { print $2 }' <<<"$out")" \
    "$(awk '$1 == "99%" { print $2 }' <<<"$out")" "$(awk '/Non-2xx or 3xx/ { n = $5 } END { print n + 0 }' <<<"$out")")")
  echo "${RESULTS[-1]}" >&2
}

echo "wrk -t1 -c1 -d$DURATION --latency per scenario, after a $WARMUP warm-up" >&2
measure "detail, $(wc -l <"$WORK/details.txt") sampled records" "@$WORK/details.txt"
measure "hub detail ($HUB, $HUB_FACTS facts)" "/v1/countries/$HUB"
measure "facts of an entity, page of 20" "@$WORK/lists.txt"
measure "facts of the hub, page 2" "$HUB_PAGE2"
measure "facts, modality=stated, page of 20" "/v1/facts?modality=stated&limit=20"
measure "facts of a source, page of 20" "@$WORK/source-facts.txt"
measure "observations of an entity, page of 20" "@$WORK/subject-observations.txt"
measure "timeline, page of 20" "/v1/timeline?limit=20"
measure "timeline of a country, page of 20" "@$WORK/timelines.txt"
measure "search, 30 ordinary words" "@$WORK/search.txt"
measure "search, the hub's name" "$HUB_SEARCH"

cat "$WORK/details.txt" "$WORK/lists.txt" "$WORK/timelines.txt" "$WORK/search.txt" "$WORK/source-facts.txt" "$WORK/subject-observations.txt" | shuf --random-source=<(yes) >"$WORK/mixed.txt"
echo "mixed load for $MIXED…" >&2
LOAD_PATHS=$WORK/mixed.txt wrk -t2 -c8 --timeout 10s -d"$MIXED" -s "$LOAD/rotate.lua" "$BASE/" >"$WORK/mixed.out"
RSS=$(rss_mb "$API")
stop "$API"

echo "restarting for the cold start…" >&2
start_api $PORT "/v1/countries/$HUB"
COLD_HUB=$COLD_MS
stop "$API_PID"

cat <<REPORT

Q7x2 corpus load suite — $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)
database: $DB ($(( $(stat -c %s "$DB") / 1024 / 1024 )) MB); API in Release, --Caching:Enabled=false --RateLimiting:Enabled=false
wrk -t1 -c1 -d$DURATION --timeout 10s --latency per scenario, after a $WARMUP warm-up.

| scenario                                 |    req/s |       p50 |       p99 | non-2xx |
| ---------------------------------------- | -------: | --------: | --------: | ------: |
$(printf '%s\n' "${RESULTS[@]}")

$(api_log_report)
cold start to the first 200 of /v1/countries/$HUB (second start of this database): ${COLD_HUB} ms (first start: ${COLD_FIRST} ms)
mixed load (wrk -t2 -c8, $MIXED): $(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$WORK/mixed.out") req/s, $(awk '/Non-2xx or 3xx/ { n = $5 } END { print n + 0 }' "$WORK/mixed.out") non-2xx; RSS after it: ${RSS} MB
REPORT
