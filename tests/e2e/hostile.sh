#!/bin/sh
# Hostile input: truncated UTF-8, a 10 MB single line, NUL bytes, long
# articles and long words in linear time, XML entities, a
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
for l in h.actors:3: h.actors:4: h.actors:5: h.verbs:3: h.verbs:4: h.verbs:5: h.jsonl:2: h.jsonl:4: h.jsonl:5:; do
    grep -q "$l" "$tmp/err" || { echo "no message naming $l"; fail=1; }
done
grep -q 'h.jsonl:4: field "text" holds a NUL' "$tmp/err" || { echo "a NUL in a text not refused"; fail=1; }
for id in g1 t1 big g2; do
    grep -q "\"article\":\"$id\".*\"code\":\"190\"" "$tmp/out" || { echo "article $id not coded"; fail=1; }
done
# linear time: the same bytes as 200 articles of 10,000 characters or as
# two of 1,000,000 (and as two of one long word) are coded in about the same
# time; a ratio measured in this run, not a timing (quadratic offsets or
# stem lookups made the long ones 10 to 1000 times slower)
python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
base = ("Gondor's army attacked Mordor on Tuesday, killing 12 soldiers near Osgiliath. "
        "Rohan condemned the attack and said it would send envoys to Minas Tirith. ")
def art(n):
    return (base * (n // len(base) + 1))[:n]
def write(name, arts):
    with open(d + "/" + name, "w") as f:
        for i, t in enumerate(arts):
            f.write(json.dumps({"id": "%s%d" % (name[0], i), "date": "2024-01-02", "text": t}) + "\n")
write("short.jsonl", [art(10000)] * 200)
write("long.jsonl", [art(1000000)] * 2)
write("words.jsonl", ["Gondor attacked Mordor. " + ("A%d " % i) * 2500 for i in range(200)])
write("token.jsonl", ["Gondor attacked Mordor. " + "A" * 1000000] * 2)
PY
ms() { s=$(date +%s%N); timeout 300 "$FAST" code --dict "$tmp/h.actors" --dict "$tmp/h.verbs" -q "$1" >"$1.out" 2>/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 + 1 )); }
for pair in short:long words:token; do
    a=${pair%:*} b=${pair#*:}
    ta=$(ms "$tmp/$a.jsonl") tb=$(ms "$tmp/$b.jsonl")
    echo "same bytes as $a and as $b articles: $ta ms and $tb ms"
    [ "$tb" -lt $((4 * ta + 200)) ] || { echo "$b articles are not coded in linear time"; fail=1; }
done
[ "$(grep -c '"code":"190"' "$tmp/long.jsonl.out")" -gt 12000 ] || { echo "the long articles lost events"; fail=1; }
grep -q '"article":"t1".*"code":"190"' "$tmp/token.jsonl.out" || { echo "the article with a long word lost its event"; fail=1; }
# a text article over 16 MB is skipped with a warning naming it, unread
# past the limit; the files after it are coded
head -c 17000000 /dev/zero | tr '\0' 'a' >"$tmp/huge.txt"
printf 'Gondor attacked Mordor.\n' >"$tmp/after.txt"
"$FAST" code --dict "$tmp/h.actors" --dict "$tmp/h.verbs" "$tmp/huge.txt" "$tmp/after.txt" >"$tmp/cap.out" 2>"$tmp/cap.err" ||
    { echo "a huge text article failed the run"; fail=1; }
grep -q "huge.txt:1: article over 16 MB skipped" "$tmp/cap.err" || { echo "the huge article not named:"; cat "$tmp/cap.err"; fail=1; }
grep -q '"article":"after".*"code":"190"' "$tmp/cap.out" || { echo "the file after the huge one not coded"; fail=1; }
# XML that declares entities ("billion laughs") is refused by name, not expanded
{
    printf '<?xml version="1.0"?>\n<!DOCTYPE s [\n <!ENTITY a "aaaaaaaaaa">\n'
    p=a
    for i in 1 2 3 4 5 6 7 8 9; do printf ' <!ENTITY %s "%s">\n' "b$i" "$(printf "&$p;%.0s" 1 2 3 4 5 6 7 8 9 10)"; p=b$i; done
    printf ']>\n<Sentences><Sentence date="20240101" id="x1" sentence="true" source="t"><Text>Gondor attacked Mordor. &b9;</Text></Sentence></Sentences>\n'
} >"$tmp/lol.xml"
timeout 60 "$DYAD" code --dict "$tmp/h.actors" --dict "$tmp/h.verbs" --input xml "$tmp/lol.xml" >/dev/null 2>"$tmp/lol.err"
rc=$?
[ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -q "lol.xml: declares XML entities" "$tmp/lol.err" ||
    { echo "XML entities not refused (exit $rc):"; head -c 300 "$tmp/lol.err"; fail=1; }
# XML is read as a stream: 100,000 records (16 MB) coded in under 100 MB
python3 - "$FAST" "$tmp" <<'PY' || fail=1
import os, resource, subprocess, sys
dyad, tmp = sys.argv[1], sys.argv[2]
bad = 0
path = os.path.join(tmp, "mem.xml")
with open(path, "w") as f:
    f.write("<Sentences>\n")
    for i in range(100000):
        f.write('<Sentence date="20240101" id="s%d" source="t"><Text>Israeli forces attacked Hamas '
                'militants in Rafah.</Text><Parse>(S (NP x))</Parse></Sentence>\n' % i)
    f.write("</Sentences>\n")
r = subprocess.run([dyad, "code", "-q", "--format", "jsonl", path], stdout=subprocess.PIPE,
                   stderr=subprocess.PIPE)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
events = r.stdout.count(b"\n")
print("16 MB of XML: exit %d, %d events, peak %d MB" % (r.returncode, events, peak // 1024))
if r.returncode != 0 or events != 100000:
    print("the XML records were not all coded: %s" % r.stderr.decode()[:300]); bad = 1
if peak > 100 * 1024:
    print("coding 16 MB of XML took over 100 MB"); bad = 1
sys.exit(bad)
PY
# memory stays bounded on 10 MB articles with the shipped dictionaries:
# random bytes, one 10 MB word, and ordinary sentences repeated, each
# coded (optimised build) in under 200 MB of peak resident memory
python3 - "$FAST" "$tmp" <<'PY' || fail=1
import os, resource, subprocess, sys
dyad, tmp = sys.argv[1], sys.argv[2]
cases = {"random": os.urandom(10_000_000), "token": b"a" * 10_000_000,
         "text": b"Israeli forces attacked Hamas militants in Rafah on Tuesday. " * 163935}
bad = 0
for name, data in cases.items():
    path = os.path.join(tmp, "mem-%s.txt" % name)
    with open(path, "wb") as f:
        f.write(data)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = subprocess.run([dyad, "code", "-q", "--input", "text", path], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB, the largest child so far
    print("10 MB of %s: exit %d, peak %d MB" % (name, r.returncode, peak // 1024))
    if r.returncode != 0:
        print(r.stderr.decode()[:300]); bad = 1
    if peak > 200 * 1024:
        print("coding 10 MB of %s took over 200 MB" % name); bad = 1
sys.exit(bad)
PY
# a million-line dictionary: loads, with its one bad line reported
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "ACTOR%d_ [A%d]\n", i, i % 1000; print "BROKEN [ZZZ" }' >"$tmp/big.actors"
"$FAST" dict check "$tmp/big.actors" >"$tmp/big.out" 2>"$tmp/big.err"
grep -q "big.actors:1000001:" "$tmp/big.err" || { echo "bad line of the big dictionary not reported"; fail=1; }
grep -q "^actors 1000000 " "$tmp/big.out" || { cat "$tmp/big.out"; fail=1; }
exit $fail
