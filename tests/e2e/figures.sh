#!/bin/sh
# The test articles' casualty figures (tests/fixtures/news.jsonl):
# dyad code --figures gives 38,150 killed and 87,800 injured in Gaza with
# the health authorities cited, 1,974 killed and 9,350 injured in Lebanon
# with the Lebanese health ministry cited, 105 captives and 210 prisoners
# released; event lines are the same as without --figures.
set -u
DYAD=${DYAD:-build-asan/dyad}
SEEDS=tests/fixtures/news.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$DYAD" code --figures "$SEEDS" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
"$DYAD" code -q "$SEEDS" >"$tmp/events" || exit 1
tail -1 "$tmp/err"
fail=0
# want ARTICLE KIND VALUE RELEASED CITED-SUBSTRING WHAT (no cited source: null)
want() {
    cited="\"cited_text\":\"[^\"]*$5"
    [ -n "$5" ] || cited='"cited_text":null'
    if grep '"record":"figure"' "$tmp/out" | grep "\"article\":\"$1\"" |
        grep "\"kind\":\"$2\",\"released\":$4,\"value\":$3," |
        grep -q "$cited"; then
        echo "ok   $6"
    else
        echo "MISS $6 ($1 $2 $3 released=$4 cited '$5')"
        fail=1
    fi
}
want wire-b killed 38150 false "local health authorities" "38,150 Palestinian deaths in Gaza"
want wire-b injured 87800 false "local health authorities" "87,800 injuries in Gaza"
want wire-a killed 1974 false "Lebanese health ministry" "1,974 killed in Lebanon"
want wire-a injured 9350 false "Lebanese health ministry" "9,350 injured in Lebanon"
want wire-a captive 105 true "" "105 captives released"
want wire-a prisoner 210 true "" "210 prisoners released"
# the Lebanon toll is laid at Israel's door, the 1,974 as written with its qualifier
if grep '"record":"figure"' "$tmp/out" | grep '"value":1974,' | grep '"qualifier":"at least"' |
    grep '"number_text":"1,974"' | grep -q '"perpetrator_code":"ISR"'; then
    echo "ok   1,974: at least, by ISR"
else
    echo "MISS 1,974: at least, by ISR"
    fail=1
fi
# the Lebanon toll happened in Lebanon (the sentence's only place)
n=$(grep '"record":"figure"' "$tmp/out" | grep -e '"value":1974,' -e '"value":9350,' |
    grep -c '"place":"Lebanon","place_country":"LBN"')
if [ "$n" = 2 ]; then echo "ok   the Lebanon toll is placed in Lebanon (LBN)"; else
    echo "MISS the Lebanon toll is placed in Lebanon (LBN): $n of 2"; fail=1; fi
# "home to about 400,000 people" and "Resolution 1701" are no figures
if grep '"record":"figure"' "$tmp/out" | grep -q -e '"value":350000' -e '"value":1559'; then
    echo "MISS no figure from 350,000 residents or Resolution 1559"
    fail=1
fi
grep -v '"record":"figure"' "$tmp/out" | cmp -s - "$tmp/events" || { echo "event lines changed by --figures"; fail=1; }
"$DYAD" code --figures --format tsv "$SEEDS" >/dev/null 2>&1 && { echo "--figures with tsv accepted"; fail=1; }
# hostile numbers: huge, malformed, endless; no crash, no negative or absurd value
{
    printf '{"id":"h1","date":"2024-01-01","text":"Strikes killed 99999999999999999999999 people and 900,000,000 billion more were hurt. '
    printf 'They killed 1.5.6 people, 1,,,,2 were wounded, and one million million million died. '
    awk 'BEGIN { for (i = 0; i < 3000; i++) printf "killed %d wounded ", i }'
    printf '"}\n'
} >"$tmp/hostile.jsonl"
"$DYAD" code --figures -q "$tmp/hostile.jsonl" >"$tmp/hostile.out" || { echo "hostile numbers: exit $?"; fail=1; }
nh=$(grep -c '"record":"figure"' "$tmp/hostile.out")
# 3000 'killed N', less the 300 of them (1800..2099) that read as years
[ "$nh" -ge 2700 ] || { echo "hostile numbers: $nh figures, want 2700"; fail=1; }
if grep -q -e '"value":-' -e '"value":[0-9]\{16,\}' "$tmp/hostile.out"; then
    echo "hostile numbers: negative or absurd value"
    fail=1
fi
exit $fail
