#!/bin/sh
# places.sh BUILD --train|--test [GOLD] -- scores the place Dyad attaches to
# each event of the event-location gold data (GOLD/event-location, GOLD
# by default $DYAD_GOLD or ../shared/gold)
# with BUILD's score_places, Dyad's dictionaries and gazetteer. --train
# scores the records rules may be tuned on (source not RELABEL), --test the
# held-out RELABEL records (make accuracy; for reporting only).
set -u
B=${1:-build}
MODE=${2:---train}
GOLD=${3:-${DYAD_GOLD:-../shared/gold}}
ZIP=$GOLD/event-location/labeled_text.jsonl.zip
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unzip -q -o "$ZIP" labeled_text.jsonl -d "$tmp" || { echo "cannot unzip $ZIP"; exit 1; }
"$B/tools/score_places" "$MODE" "$tmp/labeled_text.jsonl" data/dict "$B/gazetteer.gaz"
