#!/bin/sh
# The two test articles (tests/fixtures/news.jsonl, written for the tests)
# coded with Dyad's own dictionaries yield the events an analyst reads in
# them, dated as their sentences say.
set -u
DYAD=${DYAD:-build-asan/dyad}
SEEDS=tests/fixtures/news.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$DYAD" code --format tsv "$SEEDS" >"$tmp/ev" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
tail -1 "$tmp/err"
fail=0
# want ARTICLE SOURCE-REGEX TARGET-REGEX CODE-REGEX WHAT
want() {
    if awk -F'\t' -v a="$1" -v s="$2" -v t="$3" -v c="$4" \
        'NR > 1 && ($1 == a || a == "*") && $4 ~ ("^" s "$") && $5 ~ ("^" t "$") && $6 ~ ("^" c "$") { found = 1 }
         END { exit !found }' "$tmp/ev"; then
        echo "ok   $5"
    else
        echo "MISS $5 ($1 $2 -> $3 $4)"
        fail=1
    fi
}
want wire-a USAGOV QAT 042 "US government visits Qatar (wire-a)"
want wire-b USAGOV QAT 042 "US government visits Qatar (wire-b)"
want wire-b USAGOV EGYGOV 040 "Blinken discusses with Egypt's president"
want wire-b ISR 'PSEREB.*' 046 "Israel negotiates with Hamas"
want wire-a ISR 'PSEREB.*' 186 "Israel assassinates Hamas's political chief"
want wire-b ISROPP ISRGOV 112 "Israeli opposition leader accuses the prime minister"
want wire-b 'PSEREB.*' USAGOV '(111|12[0-9]*)' "Hamas criticises or rejects the US president's claims"
want wire-a ISR LBN '19[0-9]*' "Israeli attack on Lebanon"
want '*' ISR PSE '19[0-9]*' "Israeli attack on Gaza"
# dates come from the sentence when it names one
dated() {
    if awk -F'\t' -v a="$1" -v s="$2" -v t="$3" -v c="$4" -v d="$5" \
        'NR > 1 && $1 == a && $3 == d && $4 == s && $5 ~ ("^" t "$") && $6 == c { found = 1 } END { exit !found }' "$tmp/ev"; then
        echo "ok   $6"
    else
        echo "MISS $6"
        fail=1
    fi
}
dated wire-a USAGOV QAT 042 2024-08-20 "the August 20 visit recalled two months later is dated August 20"
dated wire-b USAGOV QAT 042 2024-08-20 "the visit 'on Tuesday' is dated 2024-08-20"
dated wire-a ISR 'PSEREB.*' 186 2024-07-31 "the assassination 'on July 31' is dated 2024-07-31"
empty=$(awk -F'\t' 'NR > 1 && $4 == "" && $5 == ""' "$tmp/ev" | wc -l)
[ "$empty" -eq 0 ] || { echo "events with neither source nor target: $empty"; fail=1; }
exit $fail
