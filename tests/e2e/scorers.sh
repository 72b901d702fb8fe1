#!/bin/sh
# The accuracy scorers themselves (tests/accuracy/score_*.c), on records
# written here: malformed records are named by file and line and skipped,
# the good ones scored, and the baselines are computed as they say (the
# majority class and naive Bayes fitted on a training file, the
# capitalised-phrase spans, always-0 and always-1 casualty counts).
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
exit $fail
