#!/bin/sh
# The progress line of long runs: drawn on a terminal (script(1) gives the
# run one), with articles and the share read, then cleared before the
# summary; never into a file or a pipe, and never with -q.
set -u
DYAD=${DYAD:-build-asan/dyad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
command -v script >/dev/null || { echo "no script(1) (util-linux)"; exit 1; }
# enough articles that the run lasts over a quarter of a second
python3 - "$tmp/in.jsonl" examples/*.txt <<'X' || exit 1
import json, sys
texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
with open(sys.argv[1], "w") as out:
    for i in range(3000):
        out.write(json.dumps({"id": "p%d" % i, "date": "2024-08-20", "text": texts[i % len(texts)] + " %d" % i}) + "\n")
X
for cmd in "code --jobs 2 $tmp/in.jsonl" "ingest --db $tmp/s.db $tmp/in.jsonl"; do
    script -qec "$DYAD $cmd >/dev/null" /dev/null >"$tmp/tty" 2>&1 </dev/null || { echo "$cmd failed on a terminal"; fail=1; }
    tr '\r' '\n' <"$tmp/tty" >"$tmp/lines"
    grep -q "^dyad: [0-9]* articles ([0-9]*/s), [0-9]* events, [0-9]*% read, [0-9:]* left" "$tmp/lines" ||
        { echo "$cmd: no progress line on a terminal"; head -c 600 "$tmp/tty"; fail=1; }
    # the summary on a line of its own, the progress line cleared first
    grep -q "$(printf '\033')\[Kdyad: [0-9]* articles.*warnings" "$tmp/lines" ||
        { echo "$cmd: the progress line not cleared before the summary"; fail=1; }
    rm -f "$tmp/s.db"
    # -q: nothing at all; not a terminal: no progress line
    script -qec "$DYAD $cmd -q >/dev/null" /dev/null >"$tmp/tty" 2>&1 </dev/null
    [ ! -s "$tmp/tty" ] || { echo "$cmd -q printed on a terminal: $(head -c 200 "$tmp/tty")"; fail=1; }
    rm -f "$tmp/s.db"
    $DYAD $cmd >/dev/null 2>"$tmp/err"
    ! grep -q "$(printf '\r')" "$tmp/err" || { echo "$cmd: a progress line into a file"; fail=1; }
    rm -f "$tmp/s.db"
done
[ $fail -eq 0 ] && echo "progress: ok"
exit $fail
