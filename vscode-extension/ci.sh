#!/usr/bin/env bash
# The VS Code extension's CI, called from the repository's .ci/run:
# install (npm ci), type-check, bundle the Python tools (pure-Python wheels into bundled/libs) and
# check debugpy's message layer in that bundle, build, grammar tests (scope assertions, snapshots,
# corpus), unit tests of the client wiring, package the .vsix, check its file list, and start the
# panls of the unpacked .vsix from a fresh directory. Exits non-zero on the first failure.
# Python with pan-tools' test dependencies: $PAN_PYTHON, else ../.venv (what .ci/run creates).
set -euo pipefail
cd "$(dirname "$0")"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

step() { printf '\n== %s\n' "$*"; }

# Run a command, print its output without npm's noise about this machine's npmrc, keep its status.
quiet_npmrc() {
  local log rc=0
  log=$(mktemp)
  "$@" >"$log" 2>&1 </dev/null || rc=$?
  grep -v -e 'config "nodedir"' -e 'install-scripts' "$log" || true
  rm -f "$log"
  return "$rc"
}

step "npm ci"
quiet_npmrc timeout 600 npm ci --no-audit --no-fund

step "typecheck (tsc --noEmit)"
quiet_npmrc timeout 300 npx tsc --noEmit -p .

python=${PAN_PYTHON:-../.venv/bin/python}

step "bundle the Python tools (scripts/bundle-python.mjs)"
PAN_PYTHON="$python" timeout 300 node scripts/bundle-python.mjs

step "debugpy's message layer, as bundled (tests/pandbg/test_framing.py, bundle first on sys.path)"
PAN_FRAMING_EXPECT_DEBUGPY=bundled/libs/debugpy timeout 120 "$python" -I -B -c \
  "import sys; sys.path.insert(0, 'bundled/libs'); import pytest; sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', '../tests/pandbg/test_framing.py']))"

step "build (esbuild)"
timeout 120 node scripts/build.mjs

step "grammar: scope assertions (vscode-tmgrammar-test)"
grammar_log=$(mktemp)
status=0
timeout 120 npx vscode-tmgrammar-test 'test/grammar/*.pan' </dev/null >"$grammar_log" 2>&1 || status=$?
grep -v 'config "nodedir"' "$grammar_log" || true
passed=$(grep -c '^✓' "$grammar_log" || true)
failed=$(grep -c '^✖' "$grammar_log" || true)
echo "grammar: ${passed} passed, ${failed} failed"
rm -f "$grammar_log"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi

step "grammar: snapshots (vscode-tmgrammar-snap)"
quiet_npmrc timeout 120 npx vscode-tmgrammar-snap 'test/snap/*.pan'

step "grammar: corpus invariants (reads ../../shared/corpora when present)"
timeout 300 node test/corpus/corpus-check.mjs

step "unit tests (node --test, vscode mocked)"
timeout 120 node scripts/build.mjs --tests
timeout 300 node --test out/test/

step "package (vsce)"
rm -f pan-*.vsix
quiet_npmrc timeout 300 npx vsce package --no-dependencies

step "package contents"
node scripts/check-package.mjs

step "the packaged extension: its own panls from a fresh directory, on python3 without pan-tools"
PAN_VSIX="$(ls "$PWD"/pan-*.vsix)" timeout 300 node --test out/test/bundledServer.test.js

echo
echo "vscode-extension: all checks passed"
