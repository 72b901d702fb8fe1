#!/bin/sh
# Bad input gets a clear message naming file and line, and the good
# articles around it are still coded.
set -u
DYAD=${DYAD:-build-asan/dyad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/a.actors" <<'X'
GONDOR_ [GON]
MORDOR_ [MOR]
BROKEN [GON
X
cat >"$tmp/a.verbs" <<'X'
--- ATTACK [190] ---
ATTACK
- * WITH [
X
printf '%s\n' '{"id":"a1","date":"2024-01-02","text":"Gondor attacked Mordor."}' \
    '{"id":"a2","text":' \
    'not json at all' \
    '{"id":"a4","date":"2024-01-03","text":"Mordor attacked Gondor."}' >"$tmp/in.jsonl"
"$DYAD" code --dict "$tmp/a.actors" --dict "$tmp/a.verbs" "$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err"
rc=$?
cat "$tmp/err"
fail=0
[ $rc -eq 0 ] || { echo "exit status $rc"; fail=1; }
grep -q "a.actors:3:" "$tmp/err" || { echo "no warning naming a.actors:3"; fail=1; }
grep -q "a.verbs:3:" "$tmp/err" || { echo "no warning naming a.verbs:3"; fail=1; }
grep -q "in.jsonl:2:" "$tmp/err" || { echo "no warning naming in.jsonl:2"; fail=1; }
grep -q "in.jsonl:3:" "$tmp/err" || { echo "no warning naming in.jsonl:3"; fail=1; }
grep -q '"article":"a1".*"source":"GON","target":"MOR","code":"190"' "$tmp/out" || { echo "a1 not coded"; fail=1; }
grep -q '"article":"a4".*"source":"MOR","target":"GON","code":"190"' "$tmp/out" || { echo "a4 not coded"; fail=1; }
# an unknown option and a missing file are refused with a message
"$DYAD" code --bogus x 2>"$tmp/e2" && { echo "unknown option accepted"; fail=1; }
grep -q "unknown option" "$tmp/e2" || fail=1
"$DYAD" code --dict "$tmp/a.actors" "$tmp/missing.txt" 2>"$tmp/e3" && { echo "missing file accepted"; fail=1; }
grep -q "missing.txt" "$tmp/e3" || { echo "missing file not named"; fail=1; }
# a missing dictionary is refused; a file whose name tells no kind is named
"$DYAD" code --dict "$tmp/missing.verbs" --dict "$tmp/nowhere" "$tmp/in.jsonl" >/dev/null 2>"$tmp/e4" &&
    { echo "missing dictionary accepted"; fail=1; }
grep -q "missing.verbs: cannot open" "$tmp/e4" || { echo "missing dictionary not named"; cat "$tmp/e4"; fail=1; }
"$DYAD" code --dict "$tmp/nowhere" "$tmp/in.jsonl" >/dev/null 2>"$tmp/e5" && { echo "missing path accepted"; fail=1; }
grep -q "nowhere: cannot open" "$tmp/e5" || { echo "missing path not named"; cat "$tmp/e5"; fail=1; }
printf 'hello\n' >"$tmp/notes.txt"
"$DYAD" code --dict "$tmp/notes.txt" --dict "$tmp/a.actors" --dict "$tmp/a.verbs" "$tmp/in.jsonl" >/dev/null 2>"$tmp/e6" ||
    { echo "a stray file among the dictionaries failed the run"; fail=1; }
grep -q "notes.txt: not read: the name tells no dictionary kind" "$tmp/e6" || { echo "stray file not named"; cat "$tmp/e6"; fail=1; }
# standard input, and binary junk with NUL bytes and invalid UTF-8 in a text file
printf '%s\n' '{"id":"s1","text":"Gondor attacked Mordor."}' |
    "$DYAD" code --dict "$tmp/a.actors" --dict "$tmp/a.verbs" --input jsonl - >"$tmp/out2" 2>/dev/null
grep -q '"article":"s1".*"code":"190"' "$tmp/out2" || { echo "stdin not coded"; fail=1; }
printf 'Gondor \000\001\377\376 attacked Mordor.\n' >"$tmp/junk.txt"
"$DYAD" code --dict "$tmp/a.actors" --dict "$tmp/a.verbs" "$tmp/junk.txt" >"$tmp/out3" 2>"$tmp/err3"
grep -q "junk.txt:1: invalid UTF-8" "$tmp/err3" || { echo "junk not reported"; cat "$tmp/err3"; fail=1; }
grep -q '"code":"190"' "$tmp/out3" || { echo "junk article not coded"; fail=1; }
# nothing lost in silence: two records on one line are both read, a UTF-8
# byte order mark is dropped, fields that are not strings and a NUL in a
# text refuse their record by name and line, UTF-16 and a directory are
# refused with a non-zero exit
code() { "$DYAD" code --dict "$tmp/a.actors" --dict "$tmp/a.verbs" "$@"; }
printf '%s %s\n' '{"id":"t1","text":"Gondor attacked Mordor."}' '{"id":"t2","text":"Mordor attacked Gondor."}' >"$tmp/two.jsonl"
code "$tmp/two.jsonl" >"$tmp/o7" 2>/dev/null
for id in t1 t2; do grep -q "\"article\":\"$id\".*\"code\":\"190\"" "$tmp/o7" || { echo "$id of a line of two records lost"; fail=1; }; done
printf '\357\273\277%s\n%s\n' '{"id":"b1","text":"Gondor attacked Mordor."}' '{"id":"b2","text":"Mordor attacked Gondor."}' >"$tmp/bom.jsonl"
code "$tmp/bom.jsonl" >"$tmp/o8" 2>"$tmp/e8"
grep -q '"article":"b1".*"code":"190"' "$tmp/o8" || { echo "the record after a byte order mark lost"; cat "$tmp/e8"; fail=1; }
printf '\357\273\277Gondor attacked Mordor.\n' >"$tmp/bom.txt"
code "$tmp/bom.txt" 2>/dev/null | grep -q '"text"\|"code":"190"' || { echo "a text file with a byte order mark not coded"; fail=1; }
# the mark on stdin is dropped too: offsets count from the first letter
code -q --format jsonl - <"$tmp/bom.txt" 2>/dev/null | grep -q '"source_start":0,' ||
    { echo "a byte order mark on stdin is counted as text"; fail=1; }
printf '%s\n' '{"id":"n1","date":5,"text":"Gondor attacked Mordor."}' '{"id":7,"text":"Gondor attacked Mordor."}' \
    '{"id":"n3","text":"Gondor\u0000 attacked Mordor."}' '{"id":"n4","text":"Mordor attacked Gondor."}' >"$tmp/types.jsonl"
code "$tmp/types.jsonl" >"$tmp/o9" 2>"$tmp/e9"
grep -q 'types.jsonl:1: field "date" is not a string; record skipped' "$tmp/e9" || { echo "a number as date not refused"; cat "$tmp/e9"; fail=1; }
grep -q 'types.jsonl:2: field "id" is not a string; record skipped' "$tmp/e9" || { echo "a number as id not refused"; fail=1; }
grep -q 'types.jsonl:3: field "text" holds a NUL' "$tmp/e9" || { echo "a NUL in a text not refused"; fail=1; }
[ "$(grep -c '"code"' "$tmp/o9")" = 1 ] && grep -q '"article":"n4"' "$tmp/o9" || { echo "refused records coded, or the good one lost"; fail=1; }
printf 'Gondor attacked Mordor.' | iconv -f UTF-8 -t UTF-16 >"$tmp/u16.txt"
code "$tmp/u16.txt" >/dev/null 2>"$tmp/e10" && { echo "UTF-16 accepted"; fail=1; }
grep -q "u16.txt: is UTF-16" "$tmp/e10" || { echo "UTF-16 not named"; cat "$tmp/e10"; fail=1; }
mkdir "$tmp/adir"
code "$tmp/adir" >/dev/null 2>"$tmp/e11" && { echo "a directory accepted"; fail=1; }
grep -q "adir: is a directory" "$tmp/e11" || { echo "a directory not named"; cat "$tmp/e11"; fail=1; }
exit $fail
