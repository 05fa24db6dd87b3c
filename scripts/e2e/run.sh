#!/usr/bin/env bash
# The end-to-end tests in a real VS Code (code-server, see ../shared/vscode-e2e.md):
#   1. scripts/e2e/install.sh   chromium and code-server (cached; skipped when present)
#   2. npm run package          bundles out/ and packages out/trainspec.vsix
#   3. scripts/e2e/build.mjs    bundles the tests into out/e2e/
#   4. the in-host suite        out/e2e/run-code-server.mjs (the `vscode` API in code-server's extension host)
#   5. the UI test              out/e2e/ui-test.mjs (the .vsix installed into code-server, driven through chromium)
#   6. the web extension's test out/e2e/web-extension-test.mjs (the same .vsix in code-server's web worker extension host)
#   7. the browser worker test  out/e2e/browser-worker-test.mjs (out/browser/server.js in a chromium web worker, over JSON-RPC)
# Every test always runs; the exit code is 1 when any failed.
#
#   bash scripts/e2e/run.sh            everything
#   bash scripts/e2e/run.sh suite      only the in-host suite (no packaging)
#   bash scripts/e2e/run.sh ui         only the browser tests (5, 6 and 7)
# Run it through scripts/with-node.sh (npm run test:e2e does), so that Node 22+ is first on PATH.
set -uo pipefail
cd "$(dirname "$0")/../.."

which=${1:-all}
case "$which" in all|suite|ui) ;; *) echo "usage: $0 [all|suite|ui]" >&2; exit 2 ;; esac

started=$(date +%s)
stage() {
    local name=$1; shift
    local t0; t0=$(date +%s)
    echo "=== e2e: $name"
    "$@"
    local code=$?
    echo "=== e2e: $name: $([ $code -eq 0 ] && echo ok || echo "FAILED (exit $code)") in $(( $(date +%s) - t0 ))s"
    return $code
}

stage "install chromium and code-server" bash scripts/e2e/install.sh || exit 1
if [ "$which" = suite ]; then
    stage "build" npm run --silent build || exit 1
else
    stage "package the extension" npm run --silent package || exit 1
    [ -f out/trainspec.vsix ] || { echo "=== e2e: npm run package did not produce out/trainspec.vsix" >&2; exit 1; }
fi
stage "bundle the tests" node scripts/e2e/build.mjs || exit 1

suite=skipped ui=skipped web=skipped worker=skipped failed=0
if [ "$which" != ui ]; then
    if stage "in-host suite (code-server extension host)" node out/e2e/run-code-server.mjs; then suite=passed; else suite=failed failed=1; fi
fi
if [ "$which" != suite ]; then
    if stage "UI test (packaged .vsix in code-server, headless chromium)" node out/e2e/ui-test.mjs; then ui=passed; else ui=failed failed=1; fi
    if stage "web extension test (packaged .vsix in code-server's web worker extension host)" node out/e2e/web-extension-test.mjs; then web=passed; else web=failed failed=1; fi
    if stage "browser worker test (the browser's language server in a chromium web worker)" node out/e2e/browser-worker-test.mjs; then worker=passed; else worker=failed failed=1; fi
fi
echo "=== e2e: in-host suite $suite, UI test $ui, web extension test $web, browser worker test $worker; $(( $(date +%s) - started ))s in all (output in test-output/e2e/)"
exit $failed
