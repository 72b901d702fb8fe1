#!/bin/sh
# LICENSE and NOTICE against what the repository uses: every npm package
# the dashboard and the gazetteer depend on, every library the Makefile
# links, and every data file whose header names an outside source is
# named in NOTICE, so a new dependency cannot come in unlisted.
set -u
fail=0
[ -s LICENSE ] && grep -q "MIT License" LICENSE || { echo "LICENSE missing or not MIT"; fail=1; }
[ -s NOTICE ] || { echo "NOTICE missing"; exit 1; }
# npm dependencies (not devDependencies: those are not shipped)
for pkg in web/package.json scripts/gazetteer/package.json; do
    for name in $(node -e 'const p=require("./'"$pkg"'");console.log(Object.keys(p.dependencies||{}).join(" "))'); do
        grep -qi -- "$name" NOTICE || { echo "NOTICE does not name $name ($pkg)"; fail=1; }
    done
done
# linked libraries: the Makefile's pkg-config names, "lib" dropped, and
# -l libraries of the build
for lib in $(sed -n 's/^PKGS *= *//p' Makefile) $(sed -n 's/.*-l\(cmocka\).*/\1/p' Makefile | sort -u); do
    name=$(printf '%s' "$lib" | sed 's/^lib//; s/-[0-9.]*$//; s/^pq$/libpq/; s/^microhttpd$/libmicrohttpd/; s/^sqlite3$/SQLite/; s/^xml$/libxml2/')
    grep -qi -- "$name" NOTICE || { echo "NOTICE does not name the library $lib"; fail=1; }
done
# data files that say where they come from
for f in data/*.tsv data/*/*.tsv data/dict/*; do
    for src in GeoNames iso-codes Wikidata GDELT PLOVER WordNet; do
        if sed -n '1,30p' "$f" | grep -q "^#.*$src"; then
            grep -q -- "$src" NOTICE || { echo "$f names $src, NOTICE does not"; fail=1; }
        fi
    done
done
[ "$fail" -eq 0 ] && echo "notice: LICENSE and NOTICE cover every dependency and data source"
exit "$fail"
