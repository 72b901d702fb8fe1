#!/bin/sh
# Cross-article merging scored on the ECB+ dev topics: each topic's
# articles coded into one store, stored mentions matched to the gold action
# mentions, Dyad's events compared with the gold coreference chains
# (pairwise and B-cubed, computed by score_merge); fails if a score falls
# below tests/accuracy/merge_dev.floor. The test topics (36-45) are scored
# by `make accuracy`, never here.
set -u
TOOLS=$(dirname "${DYAD:-build-asan/dyad}")/tools
ECB=${DYAD_SHARED:-../shared}/gold/ecbplus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$ECB/ECB+_xml.tar.gz" -C "$tmp" || { echo "cannot unpack $ECB/ECB+_xml.tar.gz"; exit 1; }
out=$("$TOOLS/score_merge" "$tmp/ECB+" "$ECB/ECBplus_coreference_sentences.csv" 2,5,12,18,21,23,34,35 data/dict) ||
    { echo "score_merge failed"; exit 1; }
echo "$out"
fail=0
. tests/e2e/lib/scores.sh
check_scores "ECB+ dev merging" "$out" tests/accuracy/merge_dev.floor pair_p b3_p b3_f1 || fail=1
echo "$out" | grep -q 'topics=8 articles=197 ' || { echo "expected 197 articles in 8 dev topics"; fail=1; }
# a file that is not XML is named and skipped; the others are still scored
mkdir -p "$tmp/bad/12"
cp "$tmp/ECB+/12/"*.xml "$tmp/bad/12/"
printf '<Document><token t_id="1"' >"$tmp/bad/12/12_99ecb.xml"
"$TOOLS/score_merge" "$tmp/bad" "$ECB/ECBplus_coreference_sentences.csv" 12 data/dict >"$tmp/out" 2>"$tmp/err" ||
    { cat "$tmp/err"; fail=1; }
grep -q "12_99ecb.xml: not XML, skipped" "$tmp/err" || { echo "no message naming the broken file"; fail=1; }
grep -q "topics=1 articles=30 " "$tmp/out" || { echo "broken file: unexpected $(cat "$tmp/out")"; fail=1; }
exit $fail
