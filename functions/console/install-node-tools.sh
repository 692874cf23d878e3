#!/usr/bin/env bash
# Installs the pinned Node tools (package.json, package-lock.json) into target/node, once per change of the
# lock file: the console's build, its browser tests and the linters module's OpenAPI linters all use this one
# install. Where Node or npm is missing, what needs them is reported as skipped (target/node-tools.missing
# says why); with CI=true that fails the build instead.
set -euo pipefail
cd "$(dirname "$0")"
dir=target/node
stamp=$dir/.lock.sha256
missing=target/node-tools.missing
install_command="apt-get install -y nodejs npm"
mkdir -p target
rm -f "$missing"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Node.js and npm are missing: install them with: $install_command" | tee "$missing"
  if [ "${CI:-}" = "true" ]; then
    exit 1
  fi
  exit 0
fi

wanted=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
if [ -x "$dir/node_modules/.bin/esbuild" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  exit 0
fi
rm -rf "$dir"
mkdir -p "$dir"
cp package.json package-lock.json "$dir/"
# No install scripts: none is needed (esbuild's binary comes as its platform package), and Playwright must
# never download a browser; the browser tests drive Debian's chromium.
(cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund --no-update-notifier --ignore-scripts)
echo "$wanted" > "$stamp"
