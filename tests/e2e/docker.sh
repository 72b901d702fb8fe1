#!/bin/sh
# The Dockerfile: its run-time stage installs the Debian package of every
# shared library the dyad binary needs (read from the binary, so a new
# dependency cannot be forgotten), and its build stage every library
# package setup.sh installs for building. When a docker daemon answers, the
# image is built, ingests the examples into a mounted directory and serves
# them; without one that part is reported as not run.
set -u
BIN=${DYAD_FAST:-build/dyad}
fail=0
no() { echo "docker: $*"; fail=1; }
[ -f Dockerfile ] || { echo "no Dockerfile"; exit 1; }
# the stages' package lists (the lines between FROMs)
stage() { awk -v n="$1" '/^FROM /{s++} s==n' Dockerfile; }
for lib in $(readelf -d "$BIN" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p'); do
    case "$lib" in libc.so.* | libm.so.* | libpthread.so.* | libdl.so.* | ld-linux*) continue ;; esac
    pkg=$(dpkg -S "*/$lib" 2>/dev/null | grep -v i386 | head -1 | cut -d: -f1)
    [ -n "$pkg" ] || { no "no Debian package found for $lib"; continue; }
    stage 2 | grep -qw -- "$pkg" || no "the run-time stage lacks $pkg (for $lib)"
done
for pkg in $(sed -n 's/^PKGS="\$PKGS \(.*\)".*/\1/p; s/^PKGS="\([^$]*\)".*/\1/p' scripts/setup.sh | tr ' ' '\n' |
    grep -E '^(lib.*-dev|zlib1g-dev|wordnet-base|iso-codes)$' | grep -v cmocka); do
    stage 1 | grep -qw -- "$pkg" || no "the build stage lacks $pkg (setup.sh installs it)"
done
if docker info >/dev/null 2>&1; then
    tmp=$(mktemp -d)
    name="dyad-test-$$"
    trap 'docker rm -f "$name" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
    tag="dyad-test:$$"
    docker build -q -t "$tag" . >"$tmp/build.log" 2>&1 || { tail -30 "$tmp/build.log"; no "docker build failed"; exit 1; }
    cp examples/*.txt "$tmp/"
    docker run --rm -v "$tmp:/data" "$tag" ingest --db /data/dyad.db $(cd "$tmp" && ls *.txt | sed 's|^|/data/|') \
        >"$tmp/ingest.log" 2>&1 || no "ingest in the image failed: $(cat "$tmp/ingest.log")"
    port=$((20000 + $$ % 20000))
    docker run -d --name "$name" -p "127.0.0.1:$port:8080" -v "$tmp:/data" "$tag" >/dev/null || no "serve did not start"
    i=0
    while [ $i -lt 100 ] && ! curl -s -o /dev/null "http://127.0.0.1:$port/api/health"; do sleep 0.2; i=$((i + 1)); done
    curl -s "http://127.0.0.1:$port/api/events?limit=5" | grep -q '"code"' || no "the image serves no events"
    curl -s "http://127.0.0.1:$port/" | grep -qi "<html" || no "the image serves no dashboard"
    docker rmi -f "$tag" >/dev/null 2>&1
    [ "$fail" -eq 0 ] && echo "docker: image built, ingested the examples and served them"
else
    echo "docker: no docker daemon here: the image was not built (package lists checked only)"
fi
[ "$fail" -eq 0 ] && echo "docker: the Dockerfile's stages have every package the build and the binary need"
exit "$fail"
