#!/usr/bin/env bash
# Installs what the end-to-end tests need (see ../shared/vscode-e2e.md), idempotently:
#   - Debian packages, only those missing: chromium (the browser playwright-core drives),
#     libkrb5-dev, libsecret-1-dev and pkg-config (what code-server's native modules build
#     against), and build-essential or python3 only where no compiler or python3 is found.
#     Without recommended packages and without upgrading anything on its own account: an
#     installed package changes only when a missing one cannot be installed without it (a -dev
#     package needs its library at the very same version, say). Those are listed before
#     anything happens; with TRAINSPEC_E2E_NO_UPGRADES=1 the script stops there instead;
#   - code-server (VS Code's own server and web workbench) from the npm registry,
#     cached in .tools/code-server/, built with the private Node 24 from scripts/node-env.sh.
# Run it as often as you like: whatever is already installed is skipped.
# Environment: TRAINSPEC_CODE_SERVER_VERSION overrides the pinned version;
# TRAINSPEC_E2E_NO_UPGRADES=1 refuses to change any installed package (a fresh machine whose
# libraries are older than Debian's archive then cannot run the end-to-end tests).
set -euo pipefail

trainspec_root=$(cd "$(dirname "$0")/../.." && pwd)
code_server_version=${TRAINSPEC_CODE_SERVER_VERSION:-4.139.1}
code_server_prefix="$trainspec_root/.tools/code-server"
code_server_dir="$code_server_prefix/node_modules/code-server"
marker="$code_server_prefix/.installed-$code_server_version"

say() { printf 'e2e install: %s\n' "$*"; }
started=$(date +%s)

# --- Debian packages -------------------------------------------------------
# poppler-utils: pdftoppm turns the printed coverage report into PNGs (test/language/report/html-report-rendering.test.ts).
apt_packages=(libkrb5-dev libsecret-1-dev pkg-config chromium poppler-utils)
# Native modules also need a compiler, make and python3 (node-gyp); add them only where missing.
command -v g++ >/dev/null 2>&1 && command -v make >/dev/null 2>&1 || apt_packages+=(build-essential)
command -v python3 >/dev/null 2>&1 || apt_packages+=(python3)

missing=()
for package in "${apt_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    say "Debian packages already installed: ${apt_packages[*]}"
else
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
            say "missing Debian packages (${missing[*]}) and not root; install them and run again" >&2
            exit 1
        fi
    else
        sudo=()
    fi
    export DEBIAN_FRONTEND=noninteractive
    say "apt-get update"
    "${sudo[@]}" apt-get update -q
    # --no-upgrade only spares the packages named, and those are all missing: what the install would do
    # to the packages already installed shows in a dry run, as "Inst name [installed version] (new…)"
    # for an upgrade and "Remv name" for a removal.
    apt_install=(apt-get install -y -q --no-install-recommends --no-upgrade "${missing[@]}")
    if ! plan=$(LC_ALL=C "${apt_install[@]}" --simulate 2>&1); then
        say "apt-get cannot install ${missing[*]}:" >&2
        printf '%s\n' "$plan" >&2
        exit 1
    fi
    changed=$(printf '%s\n' "$plan" | awk '/^Inst [^ ]+ \[/ { print $2 " " $3 } /^Remv / { print $2 " (removed)" }')
    if [ -n "$changed" ]; then
        say "installing ${missing[*]} needs these installed packages at newer versions:"
        printf '%s\n' "$changed" | sed 's/^/    /'
        if [ "${TRAINSPEC_E2E_NO_UPGRADES:-}" = 1 ]; then
            say "TRAINSPEC_E2E_NO_UPGRADES=1: not changing them. Install ${missing[*]} yourself and run again." >&2
            exit 1
        fi
    fi
    say "apt-get install ${missing[*]}"
    "${sudo[@]}" "${apt_install[@]}"
fi
[ -x /usr/bin/chromium ] || { say "/usr/bin/chromium is missing after installing chromium" >&2; exit 1; }
say "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"

# --- Node 24 ---------------------------------------------------------------
# code-server refuses old Node versions; scripts/node-env.sh puts Node 22+ first on PATH
# (the private copy in .tools/ when the machine's own Node is older).
. "$trainspec_root/scripts/node-env.sh"
trainspec_use_node
# Native modules must build against the running Node's headers without downloading them.
if [ -z "${npm_config_nodedir:-}" ]; then
    node_home=$(dirname "$(dirname "$(node -p process.execPath)")")
    if [ -f "$node_home/include/node/node.h" ]; then
        npm_config_nodedir=$node_home
        export npm_config_nodedir
    fi
fi
say "node $(node --version) ($(command -v node)), npm_config_nodedir=${npm_config_nodedir:-unset}"
# Under `npm test` this script inherits the outer npm's lifecycle environment. When the outer npm runs
# on an older Node, its npm_config_user_agent says so ("node/v20"), the npm below passes that on, and
# code-server's postinstall, which reads the Node version from it, refuses to install. Let npm say its own.
unset npm_config_user_agent

# --- code-server -----------------------------------------------------------
installed_version=$(node -p "require('$code_server_dir/package.json').version" 2>/dev/null || true)
if [ -f "$marker" ] && [ "$installed_version" = "$code_server_version" ] && [ -f "$code_server_dir/out/node/entry.js" ]; then
    say "code-server $code_server_version already installed in ${code_server_prefix#"$trainspec_root"/}"
else
    say "installing code-server@$code_server_version into ${code_server_prefix#"$trainspec_root"/} (about 2 minutes, 620 MB)"
    rm -f "$code_server_prefix"/.installed-*
    mkdir -p "$code_server_prefix"
    npm install --prefix "$code_server_prefix" --no-audit --no-fund --foreground-scripts \
        "code-server@$code_server_version"
    installed_version=$(node -p "require('$code_server_dir/package.json').version")
    if [ "$installed_version" != "$code_server_version" ] || [ ! -f "$code_server_dir/out/node/entry.js" ]; then
        say "code-server install incomplete (found version '${installed_version}')" >&2
        exit 1
    fi
    touch "$marker"
    say "code-server $code_server_version installed"
fi

say "done in $(( $(date +%s) - started ))s"
