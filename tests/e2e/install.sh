#!/bin/sh
# make install into a temporary prefix: the installed binary codes the
# examples with the installed dictionaries and gazetteer from another
# working directory (places included), serves the installed dashboard; a
# program builds against the installed header and library through
# pkg-config, static and shared; a binary copied alone says where it
# looked and that DYAD_DATA points it at the data; make uninstall removes
# every file it put there.
set -u
root=$(pwd)
BUILD=${INSTALL_BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "install: $*"; fail=1; }
make -s BUILD="$BUILD" install PREFIX="$tmp/p" >"$tmp/make.log" 2>&1 || { cat "$tmp/make.log"; echo "make install failed"; exit 1; }
for f in bin/dyad lib/libdyad.a lib/libdyad.so include/dyad.h lib/pkgconfig/dyad.pc share/dyad/gazetteer.gaz \
    share/dyad/dict/cameo.verbs share/dyad/web/index.html share/dyad/LICENSE share/dyad/NOTICE \
    share/man/man1/dyad.1 share/bash-completion/completions/dyad; do
    [ -e "$tmp/p/$f" ] || no "$f not installed"
done
# the installed binary from another directory, no variables set
mkdir "$tmp/elsewhere"
(cd "$tmp/elsewhere" && env -u DYAD_DICT -u DYAD_GAZETTEER -u DYAD_DATA "$tmp/p/bin/dyad" code "$root"/examples/*.txt) \
    >"$tmp/installed.jsonl" 2>"$tmp/installed.err" || no "installed dyad code failed: $(cat "$tmp/installed.err")"
env -u DYAD_DICT -u DYAD_GAZETTEER -u DYAD_DATA "$BUILD/dyad" code examples/*.txt >"$tmp/built.jsonl" 2>/dev/null
[ -s "$tmp/installed.jsonl" ] || no "installed dyad coded no events"
grep -q '"place_country":"[A-Z]' "$tmp/installed.jsonl" || no "installed dyad coded no places (gazetteer not found)"
# the same events as the build tree's binary; only the rule's path differs
sed 's/"rule":"[^"]*\/dict\//"rule":"dict\//g' "$tmp/installed.jsonl" >"$tmp/a"
sed 's/"rule":"[^"]*\/dict\//"rule":"dict\//g' "$tmp/built.jsonl" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || no "installed and built binaries code differently"
# the dashboard from the prefix
. tests/e2e/lib/serve.sh
"$tmp/p/bin/dyad" ingest -q --db "$tmp/s.db" examples/*.txt 2>/dev/null || no "installed dyad ingest failed"
serve_start "$tmp/p/bin/dyad" "$tmp/s.db" "$tmp/serve.log" || no "installed dyad serve did not start"
curl -s "$URL/" | grep -qi "<html" || no "installed dyad serve does not serve the dashboard: $(cat "$tmp/serve.log")"
serve_stop
# a program against the installed library, through pkg-config (statically
# with the shared system libraries its Requires.private names)
cat >"$tmp/prog.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <dyad.h>
int main(int argc, char **argv) {
    dyad_ctx *ctx;
    dyad_error err;
    if (argc < 2 || dyad_ctx_new(&ctx, &err) != DYAD_OK) return 1;
    if (dyad_ctx_load_dir(ctx, argv[1], NULL, NULL, &err) != DYAD_OK || dyad_ctx_finish(ctx, &err) != DYAD_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    const char *text = "Israeli Prime Minister Benjamin Netanyahu visited Cairo on Monday.";
    dyad_article a = {.id = "t", .date = "2024-03-11", .source = "", .title = "", .url = "", .text = text,
                      .text_len = strlen(text), .file = "t", .line = 1};
    dyad_doc *d;
    if (dyad_code(ctx, &a, &d, &err) != DYAD_OK) return 1;
    for (size_t i = 0; i < dyad_doc_nevents(d); i++)
        printf("%s %s %s\n", dyad_doc_event(d, i)->source, dyad_doc_event(d, i)->code, dyad_doc_event(d, i)->target);
    dyad_doc_free(d);
    dyad_ctx_free(ctx);
    return 0;
}
C
export PKG_CONFIG_PATH="$tmp/p/lib/pkgconfig"
pkg-config --exists dyad || no "pkg-config does not find dyad.pc"
if cc -o "$tmp/prog-shared" "$tmp/prog.c" $(pkg-config --cflags --libs dyad) 2>"$tmp/cc.log"; then
    LD_LIBRARY_PATH="$tmp/p/lib" "$tmp/prog-shared" "$tmp/p/share/dyad/dict" >"$tmp/shared.out" ||
        no "the program on libdyad.so failed"
    grep -q "^ISRGOV 042 EGY" "$tmp/shared.out" || no "the program on libdyad.so coded: $(cat "$tmp/shared.out")"
    LD_LIBRARY_PATH="$tmp/p/lib" ldd "$tmp/prog-shared" | grep -q "$tmp/p/lib/libdyad.so" || no "the program is not linked to the installed libdyad.so"
else
    no "a program does not build against libdyad.so: $(cat "$tmp/cc.log")"
fi
if cc -o "$tmp/prog-static" "$tmp/prog.c" $(pkg-config --cflags dyad) "$tmp/p/lib/libdyad.a" \
    $(pkg-config --libs $(pkg-config --print-requires-private dyad)) -lm -lpthread 2>"$tmp/cc.log"; then
    "$tmp/prog-static" "$tmp/p/share/dyad/dict" | cmp -s - "$tmp/shared.out" || no "static and shared programs differ"
else
    no "a program does not build against libdyad.a: $(cat "$tmp/cc.log")"
fi
# a binary copied alone: an error naming where it looked and DYAD_DATA
mkdir "$tmp/bin"
cp "$tmp/p/bin/dyad" "$tmp/bin/dyad"
if env -u DYAD_DICT -u DYAD_GAZETTEER -u DYAD_DATA "$tmp/bin/dyad" code examples/*.txt >/dev/null 2>"$tmp/alone.err"; then
    no "a binary without its data coded anyway"
fi
grep -q "DYAD_DATA" "$tmp/alone.err" && grep -q "$tmp/bin/../share/dyad/dict" "$tmp/alone.err" ||
    no "the copied binary's error does not say where it looked or name DYAD_DATA: $(cat "$tmp/alone.err")"
env -u DYAD_DICT -u DYAD_GAZETTEER DYAD_DATA="$tmp/p/share/dyad" "$tmp/bin/dyad" code examples/*.txt >"$tmp/data.jsonl" 2>/dev/null ||
    no "DYAD_DATA does not lead a copied binary to its data"
sed 's/"rule":"[^"]*\/dict\//"rule":"dict\//g' "$tmp/data.jsonl" | cmp -s - "$tmp/a" || no "with DYAD_DATA the coding differs"
# uninstall leaves no file
make -s BUILD="$BUILD" uninstall PREFIX="$tmp/p" >/dev/null 2>&1 || no "make uninstall failed"
left=$(find "$tmp/p" -type f -o -type l)
[ -z "$left" ] || no "make uninstall left: $left"
[ "$fail" -eq 0 ] && echo "install: installed, coded from another directory, linked statically and shared, uninstalled"
exit "$fail"
