#!/bin/sh
# The accuracy scorers themselves (tests/accuracy/score_*.c), on records
# written here: malformed records are named by file and line and skipped,
# the good ones scored, and the baselines are computed as they say (the
# majority class and naive Bayes fitted on a training file, the
# capitalised-phrase spans, always-0 and always-1 casualty counts, the
# majority country code and the government role).
set -u
TOOLS=$(dirname "${DYAD:-build-asan/dyad}")/tools
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
{
    printf 'Israeli forces attacked Gaza.\t4\n'
    printf 'a line without a label\n'
    printf 'Hamas praised Qatar.\t7\n'
    printf 'Qatar hosted talks with Hamas.\t1\n'
    printf 'The weather was fine.\t0\n'
} >"$tmp/bad.tsv"
printf 'Israeli B-S\nforces I-S\nattacked O\nGaza B-T\n. O\n\nnotag\nQatar B-S\nhosted O\nHamas B-T\nextra X-T\n. O\n' >"$tmp/bad.txt"
# the spans of a sentence where capitalised words are not the actors: the
# baseline takes "Two Gaza" and "Sunday" and matches neither
printf 'Two O\nGaza O\nmilitants B-S\nattacked O\npolice B-T\nofficers I-T\non O\nSunday O\n. O\n' >"$tmp/caps.txt"
"$TOOLS/score_penta" "$tmp/bad.tsv" data/dict >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; fail=1; }
"$TOOLS/score_spans" "$tmp/bad.txt" data/dict >>"$tmp/out" 2>>"$tmp/err" || { cat "$tmp/err"; fail=1; }
for l in "bad.tsv:2: malformed record" "bad.tsv:3: malformed record" "bad.txt:7: malformed line" \
    "bad.txt:11: malformed line"; do
    grep -q "$l skipped" "$tmp/err" || { echo "no message naming $l"; fail=1; }
done
grep -q '^SUMMARY sentences=3 skipped=2 coded=2 coverage=0.667 accuracy=0.667 coded_accuracy=1.000' "$tmp/out" ||
    { echo "bad class records: unexpected $(cat "$tmp/out")"; fail=1; }
grep -q '^SUMMARY sentences=2 skipped=2 source_p=1.000 source_r=1.000 source_f1=1.000 target_p=1.000 target_r=1.000 target_f1=1.000 dyad=1.000' "$tmp/out" ||
    { echo "bad span lines: unexpected $(cat "$tmp/out")"; fail=1; }
# the capitalised-phrase baseline takes the first two runs of capitalised
# words: "Israeli" holds half of the gold "Israeli forces", enough to match
# it; "Qatar" and "Hamas" are the gold spans
grep -q '^BASELINE capitalised-phrase sentences=2 skipped=2 source_p=1.000 source_r=1.000 source_f1=1.000 target_p=1.000 target_r=1.000 target_f1=1.000 dyad=1.000' "$tmp/out" ||
    { echo "capitalised-phrase baseline: unexpected $(grep BASELINE "$tmp/out")"; fail=1; }

"$TOOLS/score_spans" "$tmp/caps.txt" data/dict >"$tmp/caps" 2>"$tmp/err" || { cat "$tmp/err"; fail=1; }
grep -q '^BASELINE capitalised-phrase sentences=1 skipped=0 source_p=0.000 source_r=0.000 source_f1=0.000 target_p=0.000 target_r=0.000' "$tmp/caps" ||
    { echo "capitalised-phrase baseline on lower-case actors: unexpected $(cat "$tmp/caps")"; fail=1; }

# class baselines fitted on a training file: three 'attack' sentences (4),
# one 'praise' (1); the scored file has one of each word set
{
    printf 'Forces attacked the town.\t4\n'
    printf 'Troops attacked a village.\t4\n'
    printf 'Rebels attacked the base.\t4\n'
    printf 'The minister praised the deal.\t1\n'
} >"$tmp/train.tsv"
{
    printf 'Gunmen attacked the convoy.\t4\n'
    printf 'The president praised the deal.\t1\n'
} >"$tmp/test.tsv"
"$TOOLS/score_penta" --train "$tmp/train.tsv" "$tmp/test.tsv" data/dict >"$tmp/cls" 2>"$tmp/err" || { cat "$tmp/err"; fail=1; }
grep -q '^BASELINE majority-class sentences=2 .* accuracy=0.500 .*in_sample=0' "$tmp/cls" ||
    { echo "majority-class baseline: unexpected $(cat "$tmp/cls")"; fail=1; }
grep -q '^BASELINE naive-bayes sentences=2 .* accuracy=1.000 .*in_sample=0' "$tmp/cls" ||
    { echo "naive-bayes baseline: unexpected $(cat "$tmp/cls")"; fail=1; }
"$TOOLS/score_penta" --train "$tmp/train.tsv" "$tmp/train.tsv" data/dict 2>/dev/null | grep -q '^BASELINE naive-bayes .*in_sample=1' ||
    { echo "naive-bayes scored on its training file not marked in-sample"; fail=1; }

# casualty counts: malformed records skipped; always-0 and always-1 scored
{
    printf 'Article id\tArticle url\tArticle title\tFull text\tJson\tWorker\n'
    printf '1\tu\tt\tTwo men were killed.\t{"victim-section":[{"victim-was":["killed"]},{"victim-was":["killed"]}]}\tw\n'
    printf '2\tu\tt\tA man was shot.\t{not json\tw\n'
    printf '3\tu\tt\n'
} >"$tmp/bad.gvdb"
"$TOOLS/score_figures" "$tmp/bad.gvdb" data/dict >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; fail=1; }
for l in bad.gvdb:3: bad.gvdb:4:; do
    grep -q "$l malformed record skipped" "$tmp/err" || { echo "no message naming $l"; fail=1; }
done
grep -q '^SUMMARY articles=1 skipped=2 killed_exact=1.000 killed_mae=0.000' "$tmp/out" ||
    { echo "bad GVDB records: unexpected $(cat "$tmp/out")"; fail=1; }
grep -q '^BASELINE always-0 killed_exact=0.000 killed_mae=2.000' "$tmp/out" || { echo "always-0: $(cat "$tmp/out")"; fail=1; }
grep -q '^BASELINE always-1 killed_exact=0.000 killed_mae=1.000' "$tmp/out" || { echo "always-1: $(cat "$tmp/out")"; fail=1; }
# actors: roles of realnews events paired on (article, countries, root),
# a malformed line named; PLOVER records' countries and the majority code
{
    printf '{"gid":"g1","article":"a1","source_country":"ISR","source_role":"GOV","target_country":"PSE","target_role":"REB","cameo_code":"190"}\n'
    printf '{"gid":"g2","article":"a1","source_country":"ISR","source_role":"MIL","target_country":"PSE","target_role":"","cameo_code":"19"}\n'
    printf 'not json\n'
    printf '{"gid":"g3","article":"a2","source_country":"USA","source_role":"GOV","target_country":"IRN","target_role":"MIL","cameo_code":"11"}\n'
} >"$tmp/gold.jsonl"
{
    printf '{"article":"a1","source":"ISRGOV","target":"PSEREBHMS","code":"190"}\n'
    printf '{"article":"a1","source":"ISRGOV","target":"PSE","code":"193"}\n'
    printf '{"article":"a2","source":"USAGOV","target":"IRNMIL","code":"112"}\n'
    printf '{"article":"a2","source":"RUS","target":"IRN","code":"112"}\n'
    printf '{"article":"a2","kind":"place","place":"Tehran"}\n'
} >"$tmp/dyad.jsonl"
"$TOOLS/score_actors" --realnews "$tmp/gold.jsonl" "$tmp/dyad.jsonl" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; fail=1; }
grep -q 'gold.jsonl:3: malformed record skipped' "$tmp/err" || { echo "no message naming gold.jsonl:3"; fail=1; }
grep -q '^SUMMARY matched=3 source_roles=3 source_role_acc=0.667 target_roles=2 target_role_acc=1.000' "$tmp/out" ||
    { echo "realnews roles: unexpected $(cat "$tmp/out")"; fail=1; }
grep -q '^BASELINE government-role matched=3 source_roles=3 source_role_acc=0.667 target_roles=2 target_role_acc=0.000' "$tmp/out" ||
    { echo "government-role baseline: unexpected $(cat "$tmp/out")"; fail=1; }
cat >"$tmp/plover.json" <<'JSON'
[{"id": "DOCUMENT", "text": "header"},
 {"id": "r1", "text": "Israeli forces attacked Gaza.", "source": [{"code": "ISR"}], "target": [{"code": "PSE"}]},
 {"id": "r2", "text": "The weather was fine.", "source": [{"code": "USA"}]},
 {"id": "r3", "text": "Qatar hosted talks with Hamas.", "source": [{"code": "QAT"}], "target": [{"code": "PSE"}]}]
JSON
"$TOOLS/score_actors" --plover "$tmp/plover.json" data/dict >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; fail=1; }
grep -q '^SUMMARY records=3 coverage=0.667 source_acc=0.667 target_acc=1.000 dyad_acc=1.000 coded_source_acc=1.000 coded_target_acc=1.000' "$tmp/out" ||
    { echo "PLOVER records: unexpected $(cat "$tmp/out")"; fail=1; }
grep -q '^BASELINE majority-code records=3 coverage=1.000 source_acc=0.333 target_acc=1.000 dyad_acc=0.500 .*in_sample=1' "$tmp/out" ||
    { echo "majority-code baseline: unexpected $(cat "$tmp/out")"; fail=1; }
exit $fail
