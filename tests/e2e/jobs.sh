#!/bin/sh
# dyad code --jobs N writes the same bytes whatever N: the example
# articles, and a few hundred articles made here from the test articles
# (tests/fixtures/news.jsonl) and the examples, varied and with malformed
# records among them, coded with 1, 2, 3 and 8 threads give the same
# events (JSON Lines, TSV, with --figures), the same warnings in the same
# places and the same summary. A write error stops every one the same
# way. dyad ingest --jobs stores the same rows under the same ids.
# --jobs 0 and --jobs x are refused with exit status 2.
set -u
DYAD=${DYAD:-build-asan/dyad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# The generated input: every article of the fixtures and examples as a
# JSON Lines record, copied under new ids and dates with a sentence of
# its own first (another actor, another verb), some cut short; every 23rd
# line a malformed record of one of five kinds, or one whose coding warns
# (a figure over ten million); and one article of 90 KB (written as it is
# coded, not first into memory).
for f in examples/*.txt; do
    awk -v id="$(basename "$f" .txt)" '
        function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, "\\t", s); return s }
        body { text = text (text == "" ? "" : "\\n") esc($0); next }
        /^$/ { body = 1; next }
        /^Date: / { date = substr($0, 7) }
        END { printf "{\"id\": \"%s\", \"date\": \"%s\", \"text\": \"%s\"}\n", id, date, text }' "$f"
done >"$tmp/seeds.jsonl"
cat tests/fixtures/news.jsonl >>"$tmp/seeds.jsonl"
awk -v n=60 '
    BEGIN {
        split("Turkey|Jordan|Egypt|Qatar|Iran|Russia|France|China", who, "|")
        split("condemned|praised|threatened|met|accused|visited|criticised|thanked", did, "|")
        split("Israel|Hamas|Lebanon|the United Nations|Syria|Ukraine", whom, "|")
    }
    { seed[NR] = $0 }
    END {
        bad[0] = "not json at all"
        bad[1] = "{\"id\": \"no-text\", \"date\": \"2024-05-01\"}"
        bad[2] = "{\"id\": \"bad-date-%d\", \"date\": \"2024-13-45\", \"text\": \"Egypt condemned Israel.\"}"
        bad[3] = "{\"id\": \"cut-%d\", \"text\": \"Qatar met"
        bad[4] = "{\"id\": \"bad-utf8-%d\", \"text\": \"Iran \377 thanked Russia.\"}"
        bad[5] = "{\"id\": \"too-many-%d\", \"text\": \"Israeli strikes killed 20,000,000 people in Gaza.\"}"
        lines = 0
        for (i = 0; i < n; i++) for (k = 1; k <= NR; k++) {
            l = seed[k]
            sub(/"id": *"/, "&" i "-", l)
            sub(/"date": *"20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]/,
                sprintf("\"date\": \"20%02d-%02d-%02d", 10 + i % 15, 1 + i % 12, 1 + (i * 7 + k) % 28), l)
            s = sprintf("%s %s %s on %s. ", who[1 + (i + k) % 8], did[1 + (i * 3 + k) % 8],
                        whom[1 + (i + 2 * k) % 6], i % 2 ? "Monday" : "Tuesday")
            sub(/"text": *"/, "&" s, l)
            if (i % 5 == 4) { # cut short after its third sentence
                p = index(l, "\"text\": \"")
                t = substr(l, p)
                c = 0
                for (j = 1; j < length(t); j++)
                    if (substr(t, j, 2) == ". " || substr(t, j, 3) == ".\\n") if (++c == 3) break
                if (c == 3) l = substr(l, 1, p - 1) substr(t, 1, j) "\"}"
            }
            print l
            if (i == n / 2 && k == 1) { # one long article (over 64 KB)
                t = seed[NR]
                t = substr(t, index(t, "\"text\": \"") + 9)
                sub(/"}$/, "", t)
                long = t
                for (r = 0; r < 99; r++) long = long " " t
                printf "{\"id\": \"long\", \"date\": \"2024-10-24\", \"text\": \"%s\"}\n", long
                lines++
            }
            if (++lines % 23 == 0) printf bad[lines / 23 % 6] "\n", lines
        }
    }' "$tmp/seeds.jsonl" >"$tmp/many.jsonl"
printf '\n\n' >>"$tmp/many.jsonl"
echo "generated $(wc -l <"$tmp/many.jsonl") lines"

# same NAME OPTIONS... INPUT...: codes with --jobs 1, 2, 3 and 8 and
# compares stdout, stderr and the exit status with those of --jobs 1
same() {
    name=$1
    shift
    for j in 1 2 3 8; do
        "$DYAD" code --jobs "$j" "$@" >"$tmp/out.$j" 2>"$tmp/err.$j"
        echo $? >"$tmp/rc.$j"
        [ "$j" = 1 ] && continue
        for x in out err rc; do
            if ! cmp -s "$tmp/$x.1" "$tmp/$x.$j"; then
                echo "FAIL $name: --jobs $j $x differs from --jobs 1"
                diff "$tmp/$x.1" "$tmp/$x.$j" | head -10
                fail=1
            fi
        done
    done
    events=$(sed -n 's/^dyad: [0-9]* articles, \([0-9]*\) events.*/\1/p' "$tmp/err.1")
    said=$(tail -1 "$tmp/err.1" | sed 's/^dyad: //')
    if [ ! -s "$tmp/err.1" ]; then # quiet: the lines written
        events=$(wc -l <"$tmp/out.1")
        said="$events lines"
    fi
    if [ "${events:-0}" -gt 0 ] && [ "$(cat "$tmp/rc.1")" = 0 ]; then
        echo "ok   $name: the same with 1, 2, 3 and 8 jobs ($said)"
    else
        echo "FAIL $name: no events or exit status $(cat "$tmp/rc.1")"
        tail -n 3 "$tmp/err.1"
        fail=1
    fi
}

same "examples, JSON Lines" examples/*.txt
same "examples, TSV" --format tsv examples/*.txt
same "examples, figures" --figures examples/*.txt
same "generated, JSON Lines" "$tmp/many.jsonl"
# the malformed records were reported, in their places
warned=$(grep -c '^dyad: warning: .*many.jsonl:[0-9]*:' "$tmp/err.1")
[ "$warned" -ge 10 ] || { echo "FAIL only $warned warnings about the malformed records"; fail=1; }
grep -q 'article too-many-.*dropped: more than ten million' "$tmp/err.1" ||
    { echo "FAIL no warning from coding"; fail=1; }
same "generated, TSV" --format tsv "$tmp/many.jsonl"
same "generated and examples, figures" --figures "$tmp/many.jsonl" examples/*.txt "$tmp/many.jsonl"
same "generated, places, quiet" --format places -q "$tmp/many.jsonl"

# a write error stops every run the same way (exit 1, the same messages)
if [ -w /dev/full ]; then
    for j in 1 2 8; do
        "$DYAD" code --jobs "$j" "$tmp/many.jsonl" >/dev/full 2>"$tmp/full.$j"
        echo $? >>"$tmp/full.$j"
    done
    if [ "$(tail -1 "$tmp/full.1")" = 1 ] && grep -q "write error" "$tmp/full.1" &&
        cmp -s "$tmp/full.1" "$tmp/full.2" && cmp -s "$tmp/full.1" "$tmp/full.8"; then
        echo "ok   a write error stops 1, 2 and 8 jobs alike"
    else
        echo "FAIL a write error"
        tail -n 3 "$tmp/full.1" "$tmp/full.2" "$tmp/full.8"
        fail=1
    fi
fi

# dyad ingest codes on threads too, and stores from one in input order:
# the same rows under the same ids, the same messages
for j in 1 3; do
    "$DYAD" ingest --jobs "$j" --db "$tmp/s$j.db" "$tmp/many.jsonl" examples/*.txt 2>"$tmp/ing.$j"
    echo $? >>"$tmp/ing.$j"
    {
        "$DYAD" query --db "$tmp/s$j.db" --format jsonl --limit 1000000
        "$DYAD" figures --db "$tmp/s$j.db" --format csv --limit 1000000
        "$DYAD" stats --db "$tmp/s$j.db" --by dyad
    } >"$tmp/rows.$j"
done
if cmp -s "$tmp/ing.1" "$tmp/ing.3" && cmp -s "$tmp/rows.1" "$tmp/rows.3" &&
    [ "$(tail -1 "$tmp/ing.1")" = 0 ] && [ "$(wc -l <"$tmp/rows.1")" -gt 100 ]; then
    echo "ok   ingest: the same store with 1 and 3 jobs ($(tail -2 "$tmp/ing.1" | head -1 | sed 's/^dyad: //'))"
else
    echo "FAIL ingest with 1 and 3 jobs"
    diff "$tmp/ing.1" "$tmp/ing.3" | head -5
    diff "$tmp/rows.1" "$tmp/rows.3" | head -5
    fail=1
fi

# --jobs takes a number of threads, 1 or more
for cmd in code "ingest --db $tmp/none.db"; do
    for bad in 0 x -3 2x ""; do
        # shellcheck disable=SC2086
        "$DYAD" $cmd --jobs "$bad" examples/*.txt >/dev/null 2>"$tmp/e"
        rc=$?
        if [ $rc -eq 2 ] && grep -q -- "--jobs: '$bad' is not a number of threads" "$tmp/e"; then
            echo "ok   ${cmd%% *} --jobs '$bad' refused"
        else
            echo "FAIL ${cmd%% *} --jobs '$bad': exit status $rc"
            cat "$tmp/e"
            fail=1
        fi
    done
    "$DYAD" "${cmd%% *}" 2>&1 | grep -q -- "--jobs N" || { echo "FAIL the usage of $cmd does not name --jobs"; fail=1; }
done
[ -e "$tmp/none.db" ] && { echo "FAIL a refused ingest made a store"; fail=1; }
exit $fail
