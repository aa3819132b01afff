#!/usr/bin/env bash
# Regenerates the clients from the OpenAPI document the API serves:
#   src/Q7x2.Client/openapi.json          the document, as served to http://127.0.0.1:5080 (README's address)
#   src/Q7x2.Client/Generated/            the C# client (Kiota, the dotnet tool pinned in dotnet-tools.json)
#   tests/clients/typescript/src/api.d.ts the TypeScript types (openapi-typescript, pinned in its package-lock.json)
# Usage: src/Q7x2.Client/regenerate.sh [OUT]  — with OUT, writes the same three under OUT instead (CI compares them with
# the committed ones). Expects the API to be built (Debug): dotnet build.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=${1:-$root}
mkdir -p "$out/src/Q7x2.Client" "$out/tests/clients/typescript/src"

export npm_config_cache="$root/.npm-cache" npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
source .ci/start-api.sh
work=$(mktemp -d)
trap 'stop_api; rm -rf "$work"' EXIT
start_api "$work"
# The document lists the origin it was asked from as its server: ask it as README's address (as 127.0.0.1: linters flag "localhost"), wherever this one listens.
curl -fsS -H 'Host: 127.0.0.1:5080' "$API/openapi/v1.json" -o "$out/src/Q7x2.Client/openapi.json"

dotnet tool run kiota generate --language CSharp --openapi "$out/src/Q7x2.Client/openapi.json" \
  --output "$out/src/Q7x2.Client/Generated" --class-name Q7x2Client --namespace-name Q7x2.Client \
  --exclude-backward-compatible --clean-output --log-level Error >"$work/kiota.log" 2>&1 || { cat "$work/kiota.log"; exit 1; }
rm -f "$out/src/Q7x2.Client/Generated/.kiota.log"

(cd tests/clients/typescript && npm ci --silent)
tests/clients/typescript/node_modules/.bin/openapi-typescript "$out/src/Q7x2.Client/openapi.json" \
  --output "$out/tests/clients/typescript/src/api.d.ts" --silent
