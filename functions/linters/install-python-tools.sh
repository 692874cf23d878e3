#!/usr/bin/env bash
# Installs the pinned Python tools (requirements.txt) into target/venv, once per change of that file.
# Where Python cannot make a venv, the tests that need the tools are reported as skipped (they read
# target/python-tools.missing); with CI=true that fails the build instead.
set -euo pipefail
cd "$(dirname "$0")"
venv=target/venv
stamp=$venv/.requirements.sha256
missing=target/python-tools.missing
install_command="apt-get install -y python3 python3-venv"
mkdir -p target
rm -f "$missing"

if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "Python 3 with venv is missing: install it with: $install_command" | tee "$missing"
  if [ "${CI:-}" = "true" ]; then
    exit 1
  fi
  exit 0
fi

wanted=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ -x "$venv/bin/cfn-lint" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  exit 0
fi
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-input -r requirements.txt
echo "$wanted" > "$stamp"
