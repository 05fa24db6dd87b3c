#!/usr/bin/env bash
# Installs what the unit tests need beyond node_modules, idempotently: only the Debian packages
# that are missing, without recommended packages and without upgrading anything.
#   - libxml2-utils: xmllint, which validates `trainspec check --format junit` against the
#     Jenkins JUnit schema (test/schemas/jenkins-junit-10.xsd).
# `npm test` runs it first. Where it cannot install (not root and no sudo, no apt-get, no
# network), it says so and exits 0: the tests that need the tool then skip, saying why.
set -uo pipefail

say() { printf 'test deps: %s\n' "$*"; }

missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
if [ ${#missing[@]} -eq 0 ]; then
    say "already installed: xmllint"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    say "no apt-get here; install ${missing[*]} (xmllint) yourself, or the JUnit schema tests skip" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
    say "not root and no sudo; install ${missing[*]} yourself, or the JUnit schema tests skip" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt_install=(apt-get install -y -q --no-install-recommends --no-upgrade "${missing[@]}")
# The package lists may be missing or stale on a fresh machine: update once and try again.
if ! "${sudo[@]}" "${apt_install[@]}" >/dev/null 2>&1; then
    say "apt-get update"
    "${sudo[@]}" apt-get update -q >/dev/null 2>&1
    if ! "${sudo[@]}" "${apt_install[@]}" >/dev/null; then
        say "could not install ${missing[*]}; the JUnit schema tests skip" >&2
        exit 0
    fi
fi
say "installed ${missing[*]}: $(xmllint --version 2>&1 | head -1)"
