#!/bin/sh
# Inputs as news arrives: gzip files (read by content, whatever the name),
# JSON Lines piped to stdin, a gzip file that breaks off, WARC files of
# web pages (plain and gzip'd record by record, as CC-NEWS is).
set -u
DYAD=${DYAD:-build-asan/dyad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
# the bundled articles as JSON Lines, one a line
python3 - "$tmp/in.jsonl" examples/*.txt <<'X' || exit 1
import json, os, sys
with open(sys.argv[1], "w") as out:
    for p in sys.argv[2:]:
        text = open(p, encoding="utf-8").read()
        out.write(json.dumps({"id": os.path.basename(p), "date": "2024-08-20", "text": text}) + "\n")
X
"$DYAD" code -q "$tmp/in.jsonl" >"$tmp/plain" || { echo "plain JSON Lines not coded"; fail=1; }
[ -s "$tmp/plain" ] || { echo "no events from the examples"; fail=1; }
# gzip'd, under a name that says nothing: the same events
gzip -c "$tmp/in.jsonl" >"$tmp/news.dat"
"$DYAD" code -q "$tmp/news.dat" >"$tmp/gz" || { echo "gzip file not coded"; fail=1; }
cmp -s "$tmp/plain" "$tmp/gz" || { echo "gzip file coded differently"; fail=1; }
# piped to stdin, plain and gzip'd: JSON Lines, told by content
"$DYAD" code -q - <"$tmp/in.jsonl" >"$tmp/stdin" || { echo "stdin not coded"; fail=1; }
cmp -s "$tmp/plain" "$tmp/stdin" || { echo "JSON Lines on stdin coded differently"; fail=1; }
gzip -c "$tmp/in.jsonl" | "$DYAD" code -q - >"$tmp/stdin.gz" || { echo "gzip on stdin not coded"; fail=1; }
cmp -s "$tmp/plain" "$tmp/stdin.gz" || { echo "gzip on stdin coded differently"; fail=1; }
# ingest from stdin stores each line as an article of its own
n=$(wc -l <"$tmp/in.jsonl")
"$DYAD" ingest --db "$tmp/s.db" - <"$tmp/in.jsonl" 2>/dev/null || { echo "ingest from stdin failed"; fail=1; }
got=$(sqlite3 "$tmp/s.db" 'SELECT count(*) FROM articles' 2>/dev/null)
[ "$got" = "$n" ] || { echo "ingest from stdin stored ${got:-no} articles, not $n"; fail=1; }
# a gzip file cut short: what it holds is coded, the loss is said with
# the file's name, and the run goes on to the next file
head -c "$(($(wc -c <"$tmp/news.dat") - 40))" "$tmp/news.dat" >"$tmp/cut.gz"
"$DYAD" code "$tmp/cut.gz" "$tmp/in.jsonl" >"$tmp/cut" 2>"$tmp/err"
grep -q "cut.gz:[0-9]*: .*truncated" "$tmp/err" || { echo "no warning naming cut.gz"; cat "$tmp/err"; fail=1; }
[ "$(wc -l <"$tmp/cut")" -gt "$(wc -l <"$tmp/plain")" ] || { echo "the file after cut.gz not coded"; fail=1; }
# WARC: the pages' articles, the same from the gzip'd file and from stdin
python3 tests/e2e/lib/make_warc.py "$tmp/n.warc" "$tmp/n.warc.gz" || exit 1
"$DYAD" code --format tsv "$tmp/n.warc" >"$tmp/warc" 2>"$tmp/werr" || { echo "WARC not coded"; fail=1; }
"$DYAD" code -q --format tsv "$tmp/n.warc.gz" >"$tmp/warcgz" || { echo "WARC.gz not coded"; fail=1; }
"$DYAD" code -q --format tsv - <"$tmp/n.warc.gz" >"$tmp/warcin" || { echo "WARC.gz on stdin not coded"; fail=1; }
cmp -s "$tmp/warc" "$tmp/warcgz" || { echo "WARC.gz coded differently"; fail=1; }
cmp -s "$tmp/warc" "$tmp/warcin" || { echo "WARC.gz on stdin coded differently"; fail=1; }
# the page's events, dated by its metadata; the chunked, gzip'd page too
grep -q "^urn:uuid:page-1	0	2024-08-20	USAGOV	QAT	042" "$tmp/warc" || { echo "no visit from page-1"; fail=1; }
grep -q "^urn:uuid:page-2	0	2024-08-21	EGYGOV" "$tmp/warc" || { echo "no meeting from page-2"; fail=1; }
# nav and footer are no article text, and the image, redirect and
# request are no articles
! grep -q "Copyright\|uuid:img\|uuid:moved\|uuid:req" "$tmp/warc" || { echo "boilerplate coded"; fail=1; }
grep -q "n.warc:[0-9]*: not the start of a WARC record" "$tmp/werr" || { echo "broken record not said"; fail=1; }
grep -q "1 HTML response without article text" "$tmp/werr" || { echo "empty page not counted"; fail=1; }
[ $fail -eq 0 ] && echo "inputs: ok"
exit $fail
