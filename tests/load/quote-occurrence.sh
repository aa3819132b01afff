#!/usr/bin/env bash
# Times the worst quote a curator can send (issue 10): a 400,000-character source, a 4,000-character quote at occurrence
# 150,000, written through the Release API, while another curator write runs at the same time. Prints both times.
# Usage: tests/load/quote-occurrence.sh   (listens on 127.0.0.1:5184; stops what it started)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PORT=5184
URL=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/q7x2-quote.XXXXXX)
API_PID=""
cleanup() {
  [[ -n $API_PID ]] && { kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; }
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "building Release…" >&2
dotnet build -c Release "$ROOT/src/Q7x2.Api/Q7x2.Api.csproj" -o "$WORK/api" -nologo -v quiet >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
cd "$WORK"
keys=$(dotnet api/Q7x2.Api.dll keys new --name quote-timing --role curator)
KEY=$(sed -n 's/^Clients send it as: X-Api-Key: //p' <<<"$keys")
export Auth__Keys__0__Name=quote-timing Auth__Keys__0__Role=curator
Auth__Keys__0__Sha256=$(sed -n 's/^Auth__Keys__0__Sha256=//p' <<<"$keys")
export Auth__Keys__0__Sha256
dotnet api/Q7x2.Api.dll --urls="$URL" --ConnectionStrings:Sqlite="Data Source=$WORK/q7x2.db" --Seed:Path="$ROOT/seed" \
  --RateLimiting:Enabled=false >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 240); do curl -fsS "$URL/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
json.dump({"id": "repetitive-source", "title": "A source that repeats one letter", "publisher": None, "language": "en",
           "published": None, "text": "a" * 400_000}, open(f"{work}/source.json", "w"))
json.dump({"id": "repetitive-quote", "subject": "sadyr-japarov", "predicate": "president-of", "object": "kyrgyzstan",
           "modality": "stated", "evidence": [{"source": "repetitive-source", "exact": "a" * 4000, "occurrence": 150_000}]},
          open(f"{work}/fact.json", "w"))
PY
post() { curl -sS -o "$WORK/$2.out" -w "%{http_code} %{time_total}\n" -X POST -H "X-Api-Key: $KEY" -H "Content-Type: application/json" --data-binary "@$WORK/$1" "$URL$3"; }
read -r status _ < <(post source.json source /v1/sources)
[[ $status == 201 ]] || { echo "creating the source answered $status: $(cat "$WORK/source.out")" >&2; exit 1; }

etag=$(curl -sS -D - -o /dev/null "$URL/v1/places/khujand" | sed -n 's/^[Ee][Tt]ag: //p' | tr -d '\r')
post fact.json fact /v1/facts >"$WORK/fact.time" &
quote=$!
other=$(curl -sS -o "$WORK/other.out" -w "%{http_code} %{time_total}\n" -X PATCH -H "X-Api-Key: $KEY" -H "If-Match: $etag" \
  -H "Content-Type: application/merge-patch+json" --data '{ "description": "Written meanwhile." }' "$URL/v1/places/khujand")
wait "$quote"
read -r quote_status quote_time <"$WORK/fact.time"
read -r other_status other_time <<<"$other"
start=$(python3 -c "import json,sys; print(json.load(open('$WORK/fact.out'))['evidence'][0]['start'])" 2>/dev/null || echo "?")

echo "quote at occurrence 150,000 in a 400,000-character source: HTTP $quote_status in ${quote_time} s (evidence start $start)"
echo "another write sent meanwhile (PATCH /v1/places/khujand):    HTTP $other_status in ${other_time} s"
[[ $quote_status == 201 && $other_status == 200 ]]
