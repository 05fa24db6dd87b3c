#!/bin/sh
# Runs a command with Node 22 or later first on PATH (see node-env.sh).
set -e
trainspec_root=$(cd "$(dirname "$0")/.." && pwd)
. "$trainspec_root/scripts/node-env.sh"
trainspec_use_node
exec "$@"
