#!/bin/sh
# make check from a fresh copy of the repository in an empty temporary
# folder, with nothing beside it and none of the variables that name the
# accuracy data: the files git tracks (and new ones it would track),
# nothing built. Installed npm packages are
# copied in so that the run needs no network; they are not part of the
# repository. The copy's own make check skips this script.
set -u
command -v git >/dev/null || { echo "git is not installed"; exit 1; }
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
mkdir -p "$tmp/clone"
git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - 2>/dev/null | tar -xf - -C "$tmp/clone" ||
    { echo "cannot copy the repository"; exit 1; }
for d in web/node_modules scripts/gazetteer/node_modules; do
    [ -d "$d" ] && cp -a "$d" "$tmp/clone/$d"
done
cd "$tmp/clone" || exit 1
env -u DYAD_GOLD -u DYAD_SAMPLES -u DYAD_ANCHORS -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
    DYAD_SKIP_E2E=fresh_clone make check >"$tmp/log" 2>&1
rc=$?
last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/log" | tail -1)
echo "fresh copy: ${last:-no summary line} (exit $rc)"
[ $rc -eq 0 ] || { grep -E "^(MISS|FAIL|failing|build failed|\[  FAILED)" "$tmp/log" | head -40; exit 1; }
echo "$last" | grep -q '^[1-9][0-9]* passed, 0 failed$' || exit 1
