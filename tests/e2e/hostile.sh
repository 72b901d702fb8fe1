#!/bin/sh
# Hostile input: truncated UTF-8, a 10 MB single line, NUL bytes, a
# million-line dictionary, dictionary lines with unbalanced brackets. Each
# gets a clear message; the good records around them are still coded.
set -u
DYAD=${DYAD:-build-asan/dyad}
FAST=${DYAD_FAST:-build/dyad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
printf 'GONDOR_ [GON]\nMORDOR_ [MOR]\nBAD [X\nWORSE ]X[\n[ORPHAN]\n' >"$tmp/h.actors"
printf -- '--- ATTACK [190] ---\nATTACK\n- * ((TO) [191]\n- * X} [192]\n--- [---\n' >"$tmp/h.verbs"
# JSONL: good, truncated UTF-8, 10 MB line, NUL bytes, good
{
    printf '{"id":"g1","text":"Gondor attacked Mordor."}\n'
    printf '{"id":"t1","text":"Gondor attacked Mordor \342\200"}\n'
    printf '{"id":"big","text":"'
    head -c 10000000 /dev/zero | tr '\0' 'a'
    printf ' Mordor attacked Gondor."}\n'
    printf '{"id":"nul","text":"Gondor\\u0000 attacked Mordor."}\n'
    printf 'Gondor\000attacked\000Mordor\n'
    printf '{"id":"g2","text":"Mordor attacked Gondor."}\n'
} >"$tmp/h.jsonl"
"$DYAD" code --dict "$tmp/h.actors" --dict "$tmp/h.verbs" "$tmp/h.jsonl" >"$tmp/out" 2>"$tmp/err"
rc=$?
cat "$tmp/err" | cut -c1-200
[ $rc -eq 0 ] || { echo "exit $rc"; fail=1; }
for l in h.actors:3: h.actors:4: h.actors:5: h.verbs:3: h.verbs:4: h.verbs:5: h.jsonl:2: h.jsonl:5:; do
    grep -q "$l" "$tmp/err" || { echo "no message naming $l"; fail=1; }
done
for id in g1 t1 big nul g2; do
    grep -q "\"article\":\"$id\".*\"code\":\"190\"" "$tmp/out" || { echo "article $id not coded"; fail=1; }
done
# a million-line dictionary: loads, with its one bad line reported
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "ACTOR%d_ [A%d]\n", i, i % 1000; print "BROKEN [ZZZ" }' >"$tmp/big.actors"
"$FAST" dict check "$tmp/big.actors" >"$tmp/big.out" 2>"$tmp/big.err"
grep -q "big.actors:1000001:" "$tmp/big.err" || { echo "bad line of the big dictionary not reported"; fail=1; }
grep -q "^actors 1000000 " "$tmp/big.out" || { cat "$tmp/big.out"; fail=1; }
exit $fail
