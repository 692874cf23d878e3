#!/usr/bin/env bash
# Builds the reference console into target/classes/console, where the local API serves it (/console/):
# a TypeScript client generated from the OpenAPI document (openapi-typescript), the console type-checked
# against it (tsc), so that a change of the document the console does not follow fails the build, then
# bundled (esbuild). Where Node is missing (see install-node-tools.sh), nothing is built and the local API
# says so at /console/.
set -euo pipefail
cd "$(dirname "$0")"
bin=target/node/node_modules/.bin
out=target/classes/console
if [ ! -x "$bin/esbuild" ]; then
  exit 0
fi
document=../openapi/target/classes/META-INF/swagger/connection-broker-1.yml
if [ ! -f "$document" ]; then
  echo "The OpenAPI document $document is missing: build the openapi module first (./mvnw from the top)." >&2
  exit 1
fi
mkdir -p target/generated "$out"
"$bin/openapi-typescript" "$document" -o target/generated/api.d.ts --silent >/dev/null
"$bin/tsc" -p tsconfig.json
NODE_PATH=target/node/node_modules "$bin/esbuild" src/main.ts --bundle --format=esm --target=es2022 --minify --sourcemap \
  --outfile="$out/console.js" --log-level=warning
cp src/index.html src/console.css "$out/"
