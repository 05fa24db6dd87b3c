#!/usr/bin/env bash
# Installs what the unit tests need beyond node_modules, idempotently: only the Debian packages
# that are missing, without recommended packages and without upgrading anything.
#   - libxml2-utils: xmllint, which validates `trainspec check --format junit` against the
#     Jenkins JUnit schema (test/schemas/jenkins-junit-10.xsd).
#   - neovim: Neovim 0.7 or later, which test/editors/neovim.test.ts drives headless through
#     the language server (the README's setup for Neovim).
#   - emacs-nox and elpa-eglot: Emacs 28 with eglot, which test/editors/emacs.test.ts drives
#     in batch mode (the README's setup for Emacs).
# `npm test` runs it first. Where it cannot install (not root and no sudo, no apt-get, no
# network), it says so and exits 0: the tests that need the tool then skip, saying why.
set -uo pipefail

say() { printf 'test deps: %s\n' "$*"; }

missing=()
present=()
need() { # need <command> <package>...
    local command=$1
    shift
    if command -v "$command" >/dev/null 2>&1; then present+=("$command"); else missing+=("$@"); fi
}
need xmllint libxml2-utils
need nvim neovim
# eglot comes with Emacs 29; Emacs 28 (Debian 12) needs Debian's elpa-eglot beside it.
if command -v emacs >/dev/null 2>&1 && emacs --batch -q --eval '(progn (package-initialize) (require (quote eglot)))' >/dev/null 2>&1; then
    present+=("emacs with eglot")
elif command -v emacs >/dev/null 2>&1; then
    missing+=(elpa-eglot)
else
    missing+=(emacs-nox elpa-eglot)
fi
if [ ${#missing[@]} -eq 0 ]; then
    say "already installed: ${present[*]}"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    say "no apt-get here; install ${missing[*]} yourself, or the tests that need them skip" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
    say "not root and no sudo; install ${missing[*]} yourself, or the tests that need them skip" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt_install=(apt-get install -y -q --no-install-recommends --no-upgrade "${missing[@]}")
# The package lists may be missing or stale on a fresh machine: update once and try again.
if ! "${sudo[@]}" "${apt_install[@]}" >/dev/null 2>&1; then
    say "apt-get update"
    "${sudo[@]}" apt-get update -q >/dev/null 2>&1
    if ! "${sudo[@]}" "${apt_install[@]}" >/dev/null; then
        say "could not install ${missing[*]}; the tests that need them skip" >&2
        exit 0
    fi
fi
say "installed ${missing[*]}"
