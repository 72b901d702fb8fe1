#!/bin/sh
# run.sh report|check [BUILD] -- Dyad's accuracy on human-coded data that
# lives outside the repository:
#   $DYAD_GOLD     gold data sets          (default ../shared/gold)
#   $DYAD_SAMPLES  the two sample articles (default ../shared/samples)
#   $DYAD_ANCHORS  PETRARCH2's files       (default ../shared/anchors)
# Every figure is printed beside trivial baselines scored on the same
# records with the same matching.
#   report  (make accuracy) every split, held-out test splits included;
#           exits non-zero only when data or a tool is missing or fails.
#   check   (make accuracy-check) the development and training splits
#           against the floors in tests/accuracy/*.floor, and PETRARCH2
#           compatibility; test splits are never scored here.
# A missing data folder is named in one line and fails: never a pass.
set -u
MODE=${1:-report}
B=${2:-build}
case $MODE in report | check) ;; *)
    echo "usage: run.sh report|check [BUILD]" >&2
    exit 2
    ;;
esac
GOLD=${DYAD_GOLD:-../shared/gold}
SAMPLES=${DYAD_SAMPLES:-../shared/samples}
ANCHORS=${DYAD_ANCHORS:-../shared/anchors}
for d in "$GOLD" "$SAMPLES" "$ANCHORS"; do
    [ -d "$d" ] || {
        echo "accuracy: no data folder $d (set DYAD_GOLD, DYAD_SAMPLES, DYAD_ANCHORS); nothing scored"
        exit 1
    }
done
DYAD=$B/dyad
T=$B/tools
P2=$ANCHORS/petrarch2/dictionaries
P2DICTS="--dict $P2/CAMEO.2.0.txt --dict $P2/Phoenix.Countries.actors.txt --dict $P2/Phoenix.International.actors.txt
 --dict $P2/Phoenix.MilNonState.actors.txt --dict $P2/Phoenix.agents.txt --dict $P2/Phoenix.discards.txt"
. tests/accuracy/scores.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() {
    echo "FAIL: $*"
    fail=1
}

# --- real news, scored by the gold set's own scorer ----------------------
# realnews SET_LABEL ARTICLES GOLD FLOORFILE: Dyad with its dictionaries
# against the same coder with the PETRARCH2 dictionaries.
realnews() {
    _label=$1 _art=$2 _gold=$3 _floors=$4
    [ -f "$_art" ] && [ -f "$_gold" ] || { bad "$_label: no $_art or $_gold"; return; }
    echo "== $_label (root level, both countries; score.py)"
    "$DYAD" code -q --format jsonl "$_art" >"$tmp/rn.dyad" || { bad "$_label: dyad code failed"; return; }
    # shellcheck disable=SC2086
    "$DYAD" code -q --format jsonl $P2DICTS "$_art" >"$tmp/rn.p2" 2>/dev/null ||
        { bad "$_label: dyad code with the PETRARCH2 dictionaries failed"; return; }
    python3 "$GOLD/realnews-dev/score.py" --gold "$_gold" --articles "$_art" "$tmp/rn.dyad" >"$tmp/rn.s1"
    python3 "$GOLD/realnews-dev/score.py" --gold "$_gold" --articles "$_art" "$tmp/rn.p2" >"$tmp/rn.s2"
    _s1=$(realnews_summary "$tmp/rn.s1")
    _s2=$(realnews_summary "$tmp/rn.s2")
    [ -n "$_s1" ] && [ -n "$_s2" ] || { bad "$_label: score.py gave no summary"; return; }
    printf '%s\n%s\n' "SUMMARY $_s1" "BASELINE petrarch2-dictionaries $_s2" >"$tmp/out"
    show "$tmp/out" precision recall code_exact date_acc no_country events gold
    [ "$MODE" = check ] && floor "$_label" "$_floors" precision recall
    # what the dates of Dyad's events say (date_precision), counted
    python3 - "$tmp/rn.dyad" <<'PY'
import collections, json, sys
c = collections.Counter(json.loads(l).get("date_precision") or "missing" for l in open(sys.argv[1]))
kinds = ("day", "week", "month", "publication", "none", "missing")
print("  date precision of Dyad's events: " + ", ".join("%s %d" % (k, c[k]) for k in kinds if c[k]))
PY
    # the roles of the matched events (their countries match by definition)
    "$T/score_actors" --realnews "$_gold" "$tmp/rn.dyad" >"$tmp/roles" ||
        { bad "$_label: score_actors failed"; return; }
    echo "  roles of the matched events where the gold names one (USAGOV: GOV)"
    show "$tmp/roles" matched source_roles source_role_acc target_roles target_role_acc
}

# The metrics of one score.py report as key=value pairs: precision over
# Dyad's events (one-to-one), root recall, code-exact recall, date accuracy
# on matched events, share of events with no country on a side.
realnews_summary() {
    awk '
    /^root recall \(article/ { split($0, a, "= "); split(a[2], b, " "); rec = b[1] }
    /^code-exact recall/ { split($0, a, "= "); cx = a[2] }
    /^precision \(Dyad events/ { n = split($0, a, "= "); prec = a[n] }
    /^Dyad events with no-country/ { ev = $NF; e = $(NF - 2); sub(",", "", e) }
    /^date accuracy/ { split($0, a, "= "); split(a[2], b, " "); da = b[1] }
    /^gold events:/ { g = $3 }
    END { if (rec != "") printf "precision=%.3f recall=%.3f code_exact=%.3f date_acc=%.3f no_country=%.3f events=%d gold=%d\n",
          prec, rec, cx, da, ev ? e / ev : 0, ev, g }' "$1"
}

# show FILE KEY... -- the SUMMARY, SUBSET and BASELINE lines of a scorer
# as a table: one row per line, one column per key.
show() {
    _f=$1
    shift
    awk -v keys="$*" '
    BEGIN { nk = split(keys, K, " "); printf "  %-44s", ""; for (i = 1; i <= nk; i++) printf " %12s", K[i]; print "" }
    /^(SUMMARY|SUBSET|ALSO|BASELINE)( |$)/ {
        name = "Dyad"
        if ($1 == "SUBSET") name = "Dyad, " $2 " sentences"
        if ($1 == "ALSO") name = "Dyad, " $2
        if ($1 == "BASELINE") { name = "baseline: " $2; for (i = 3; i <= NF; i++) if ($i ~ /^subset=/) { s = $i; sub("subset=", "", s); name = name ", " s } }
        delete v
        for (i = 2; i <= NF; i++) if (split($i, kv, "=") == 2) v[kv[1]] = kv[2]
        if (("sentences" in v) && v["sentences"] == 0) next # an empty subset
        if (v["in_sample"] == 1) name = name " (in-sample)"
        printf "  %-44s", name
        for (i = 1; i <= nk; i++) printf " %12s", (K[i] in v) ? v[K[i]] : "-"
        print ""
    }' "$_f"
}

summary_of() { grep '^SUMMARY ' "$1"; }

# score TITLE "KEY..." COMMAND... -- runs a scorer into $tmp/out and prints
# its table; returns 1 when it fails
score() {
    _title=$1 _keys=$2
    shift 2
    echo "== $_title"
    "$@" >"$tmp/out" || { tail -5 "$tmp/out"; bad "$_title: $1 failed"; return 1; }
    # shellcheck disable=SC2086
    show "$tmp/out" $_keys
}

# floor LABEL FLOORFILE METRIC... -- the SUMMARY of $tmp/out against its floors
floor() {
    _l=$1 _f=$2
    shift 2
    check_scores "$_l" "$(summary_of "$tmp/out")" "$_f" "$@" || fail=1
}

# counted FIELDS WHAT -- the SUMMARY of $tmp/out begins with FIELDS
counted() {
    grep -q "^SUMMARY $1 " "$tmp/out" || bad "expected $2"
}

realnews "realnews-dev: 30 real wire articles 2023-2025" "$GOLD/realnews-dev/articles.jsonl" \
    "$GOLD/realnews-dev/gold.jsonl" tests/accuracy/realnews_dev.floor
realnews "the two sample articles" "$SAMPLES/seeds.jsonl" "$SAMPLES/seeds-gold.jsonl" tests/accuracy/seeds.floor

# --- who: source and target countries on PLOVER's gold records -------------
# The CAMEO manual's examples (the verb dictionary was written from the
# manual's definitions; the actors are not tuned on them), one sentence and
# event each; beside the same coder with the PETRARCH2 dictionaries and a
# majority-code baseline.
PL=$GOLD/plover-gsr-cameo/PLOVER_GSR_CAMEO.json
if [ -f "$PL" ]; then
    echo "== PLOVER gold records (CAMEO manual examples): source and target countries"
    _gaz=""
    [ -f "$B/gazetteer.gaz" ] && _gaz="$B/gazetteer.gaz" # as `dyad code` reads them
    # shellcheck disable=SC2086
    if "$T/score_actors" --plover "$PL" data/dict $_gaz >"$tmp/pl1" &&
        "$T/score_actors" --plover "$PL" $(echo "$P2DICTS" | sed 's/--dict //g') >"$tmp/pl2"; then
        { summary_of "$tmp/pl1"; sed -n 's/^SUMMARY /BASELINE petrarch2-dictionaries /p' "$tmp/pl2"
          grep '^BASELINE' "$tmp/pl1"; } >"$tmp/out"
        show "$tmp/out" records coverage source_acc target_acc dyad_acc coded_source_acc coded_target_acc
        [ "$MODE" = check ] && floor "PLOVER gold records" tests/accuracy/plover.floor source_acc target_acc
    else
        bad "PLOVER gold records: score_actors failed"
    fi
else
    bad "no $PL"
fi

# --- event classes: CAMEO penta-class on ConfliBERT ----------------------
CB=$GOLD/conflibert-cameo
MANUAL=$GOLD/plover-gsr-cameo/PLOVER_GSR_CAMEO.json
penta() { # SPLIT
    score "ConfliBERT CAMEO $1: penta-class of each sentence's first event" \
        "accuracy coded_accuracy coverage macro_f1 sentences" \
        "$T/score_penta" --manual "$MANUAL" --train "$CB/cameo_class/train.tsv" "$CB/cameo_class/$1.tsv" data/dict
}
if [ "$MODE" = check ]; then
    penta train && floor "ConfliBERT classes train" tests/accuracy/penta_train.floor accuracy coded_accuracy macro_f1
    counted sentences=1349 "1349 class train sentences scored"
else
    penta train
    penta test && echo "  (the headline is 'other': the manual sentences are examples from the CAMEO manual," \
        "from which the verb dictionary was written)"
fi

# --- source and target spans on ConfliBERT ------------------------------
spans() { # SPLIT
    score "ConfliBERT CAMEO $1: source and target spans (head word or half the gold tokens)" \
        "source_f1 target_f1 dyad sentences" "$T/score_spans" "$CB/cameo_ner/$1.txt" data/dict
}
if [ "$MODE" = check ]; then
    spans train && floor "ConfliBERT spans train" tests/accuracy/spans_train.floor source_f1 target_f1 dyad
    counted sentences=1153 "1153 span train sentences scored"
else
    spans train
    spans test
fi

# --- casualty figures on GVDB --------------------------------------------
gvdb() { # SPLIT
    score "GVDB $1: killed and injured per article" "killed_exact killed_mae injured_exact injured_mae articles" \
        "$T/score_figures" "$GOLD/gvdb/$1.tsv" data/dict
}
if [ "$MODE" = check ]; then
    gvdb dev && floor "GVDB dev" tests/accuracy/gvdb_dev.floor killed_exact killed_mae injured_exact injured_mae
    counted articles=400 "400 GVDB dev articles scored"
else
    gvdb dev
    gvdb test
fi

# --- cross-article merging on ECB+ ---------------------------------------
ECB=$GOLD/ecbplus
mkdir -p "$tmp/ecb"
if tar -xzf "$ECB/ECB+_xml.tar.gz" -C "$tmp/ecb"; then
    merge() { # LABEL TOPICS
        score "ECB+ $1 topics: cross-article merging, every gold action mention" "b3_p b3_r b3_f1 pair_p pair_r gold" \
            "$T/score_merge" "$tmp/ecb/ECB+" "$ECB/ECBplus_coreference_sentences.csv" "$2" data/dict
    }
    if [ "$MODE" = check ]; then
        merge dev 2,5,12,18,21,23,34,35 && floor "ECB+ dev merging" tests/accuracy/merge_dev.floor b3_p b3_f1
        counted "topics=8 articles=197" "197 articles in 8 ECB+ dev topics"
        # a file that is not XML is named and skipped; the others are still scored
        mkdir -p "$tmp/bad/12"
        cp "$tmp/ecb/ECB+/12/"*.xml "$tmp/bad/12/"
        printf '<Document><token t_id="1"' >"$tmp/bad/12/12_99ecb.xml"
        "$T/score_merge" "$tmp/bad" "$ECB/ECBplus_coreference_sentences.csv" 12 data/dict >"$tmp/out" 2>"$tmp/err" ||
            bad "score_merge on a broken topic: $(cat "$tmp/err")"
        grep -q "12_99ecb.xml: not XML, skipped" "$tmp/err" || bad "no message naming the broken ECB+ file"
        grep -q "topics=1 articles=30 " "$tmp/out" || bad "broken ECB+ file: unexpected $(cat "$tmp/out")"
    else
        merge dev 2,5,12,18,21,23,34,35
        merge "test (36-45)" 36,37,38,39,40,41,42,43,44,45
    fi
else
    bad "cannot unpack $ECB/ECB+_xml.tar.gz"
fi

# --- copies of one story (near-duplicates), on ECB+ -----------------------
# The ECB+ articles of the split (reports of one event from many sites are
# not copies) and two syndicated copies of each, made as wire copies
# differ (a dateline, a headline, the last paragraph cut): pairs found as
# the stores find them, beside the exact text hash and the first 200
# characters. "different-reports merged" must stay 0.
dups() { # LABEL dev|test
    python3 tests/accuracy/dups_set.py "$ECB/ECB+_xml.tar.gz" "$2" >"$tmp/dups.jsonl" ||
        { bad "dups_set.py $2 failed"; return 1; }
    score "copies of one story, ECB+ $1 topics and copies of their articles" "P R F1 tp fp" \
        "$T/score_dups" "$tmp/dups.jsonl"
    grep -q "^ALSO different-reports merged=0 " "$tmp/out" || bad "copies: different reports merged ($1)"
}
if [ "$MODE" = check ]; then
    dups dev dev && floor "copies of one story (ECB+ dev)" tests/accuracy/dups_dev.floor P R
else
    dups dev dev
    dups "test (36-45)" test
fi

# --- event places ---------------------------------------------------------
places() { # --train|--test LABEL
    score "event-location $2: the place of each record's event" "P R F1 none_acc records coded" \
        sh tests/accuracy/places.sh "$B" "$1" "$GOLD"
}
if [ "$MODE" = check ]; then
    places --train "training records (not RELABEL)" && floor "event places" tests/accuracy/places.floor F1 none_acc
    n=$(summary_of "$tmp/out" | sed -n 's/.* records=\([0-9]*\).*/\1/p')
    [ "${n:-0}" -gt 9000 ] || bad "expected over 9000 event-location records scored, got ${n:-none}"
else
    places --train "training records (not RELABEL)"
    places --test "held-out RELABEL records"
fi

# --- ambiguous place names, on sentences written for them ----------------
# tests/accuracy/disambiguation.jsonl (inside the repository) is the set
# the place rules were developed on: a regression floor in check mode, not
# accuracy. tests/accuracy/disambiguation-heldout.jsonl was written apart
# from the rules and never tuned on: reported only (make accuracy).
disambiguation() { # SET LABEL MISSES (the misses listed: none for the held-out set)
    if [ -f "$B/gazetteer.gaz" ] && "$DYAD" code -q --format places "$1" >"$tmp/dis.places"; then
        score "$2" "records right acc" python3 tests/accuracy/score_disambiguation.py "$1" \
            "$tmp/dis.places" "$B/gazetteer.gaz" && sed -n 's/^MISS /  miss: /p' "$tmp/out" | head -"$3"
    else
        bad "disambiguation: no gazetteer or dyad code failed on $1"
    fi
}
disambiguation tests/accuracy/disambiguation.jsonl \
    "place names with several places: 280 sentences the rules were developed on (a regression floor)" 20
if [ "$MODE" = check ]; then
    floor "place names with several places" tests/accuracy/disambiguation.floor acc
else
    disambiguation tests/accuracy/disambiguation-heldout.jsonl \
        "place names with several places: 80 held-out sentences, never tuned on" 0
fi

# --- PETRARCH2 compatibility ----------------------------------------------
# Its validation records were written with the coder's development in view:
# a regression floor, not a measure of accuracy.
PV=$ANCHORS/petrarch2
echo "== PETRARCH validation records (developed on: a regression floor, not accuracy)"
out=$("$T/score_petr" "$PV/text/PETR.UnitTest.records.xml" "$P2/PETR.Validate.verbs.txt" "$P2/PETR.Validate.actors.txt" \
    "$P2/PETR.Validate.agents.txt" "$P2/PETR.Validate.discards.txt") || bad "score_petr failed"
echo "  $out"
exact=$(echo "$out" | sed -n 's/.*exact=\([0-9]*\).*/\1/p')
scored=$(echo "$out" | sed -n 's/.*scored=\([0-9]*\).*/\1/p')
if [ "$MODE" = check ]; then
    floor=$(cat tests/accuracy/petr_validation.floor)
    [ "$scored" = 277 ] || bad "expected 277 scored validation records, got $scored"
    [ "${exact:-0}" -ge "$floor" ] || bad "validation records exact $exact below the floor $floor"
    echo "== PETRARCH2 files read as they are"
    # the public dictionaries load, their few real errors reported by line
    "$DYAD" dict check "$P2/CAMEO.2.0.txt" "$P2/Phoenix.Countries.actors.txt" "$P2/Phoenix.International.actors.txt" \
        "$P2/Phoenix.MilNonState.actors.txt" "$P2/Phoenix.agents.txt" "$P2/Phoenix.discards.txt" >"$tmp/dc" 2>"$tmp/dce"
    cat "$tmp/dc"
    n=$(sed -n 's/^actors \([0-9]*\).*/\1/p' "$tmp/dc")
    [ "${n:-0}" -gt 20000 ] || bad "PETRARCH2 actors: ${n:-none}, want over 20,000"
    n=$(sed -n 's/^bad lines \([0-9]*\).*/\1/p' "$tmp/dc")
    [ "${n:-0}" -gt 0 ] && [ "${n:-0}" -lt 40 ] || bad "PETRARCH2 dictionaries: ${n:-no} bad lines, want 1-39"
    grep -q "CAMEO.2.0.txt:[0-9]*:" "$tmp/dce" || bad "no bad line of CAMEO.2.0.txt named with its line"
    # its sentence records and the GigaWord sample are read whole and coded
    # (events of every confidence: the count says the files were coded, not
    # how well), under the sanitizers when make check has built them
    SAN=$B/dyad
    [ -x build-asan/dyad ] && SAN=build-asan/dyad
    for f in PETR.UnitTest.records.xml:284 GigaWord.sample.PETR.xml:76; do
        # shellcheck disable=SC2086
        "$SAN" code --min-confidence 0 --format petrarch $P2DICTS "$PV/text/${f%%:*}" >"$tmp/pc" 2>"$tmp/pce" || bad "coding ${f%%:*} failed"
        grep -q "ERROR: \(Address\|Leak\)Sanitizer\|runtime error" "$tmp/pce" && { cat "$tmp/pce"; bad "${f%%:*}: sanitizer error"; }
        n=$(sed -n 's/^dyad: \([0-9]*\) articles.*/\1/p' "$tmp/pce")
        echo "  ${f%%:*}: ${n:-0} records, $(wc -l <"$tmp/pc") events"
        [ "${n:-0}" = "${f##*:}" ] || bad "${f%%:*}: ${n:-0} records read, want ${f##*:}"
        [ "$(wc -l <"$tmp/pc")" -gt 20 ] || bad "${f%%:*}: too few events"
    done
fi

[ "$MODE" = check ] && { [ $fail = 0 ] && echo "accuracy-check: every floor held" || echo "accuracy-check: FAILED"; }
exit $fail
