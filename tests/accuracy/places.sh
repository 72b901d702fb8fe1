#!/bin/sh
# places.sh BUILD --train|--test -- scores the place Dyad attaches to each
# event of the event-location gold data (../shared/gold/event-location)
# with BUILD's score_places, Dyad's dictionaries and gazetteer. --train
# scores the records rules may be tuned on (source not RELABEL), --test the
# held-out RELABEL records (make accuracy; for reporting only).
set -u
B=${1:-build}
MODE=${2:---train}
ZIP=${DYAD_SHARED:-../shared}/gold/event-location/labeled_text.jsonl.zip
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unzip -q -o "$ZIP" labeled_text.jsonl -d "$tmp" || { echo "cannot unzip $ZIP"; exit 1; }
"$B/tools/score_places" "$MODE" "$tmp/labeled_text.jsonl" data/dict "$B/gazetteer.gaz"
