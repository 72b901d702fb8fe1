#!/bin/sh
# run.sh -- `make bench`: coder throughput on the PETRARCH GigaWord sample
# and the example articles, replicated to at least 100,000 sentences, with the
# Phoenix + CAMEO 2.0 dictionaries and with Dyad's own.
set -eu
B=${1:-build}/tools/bench_code
S=${DYAD_SHARED:-../shared}/anchors/petrarch2
D=$S/dictionaries
N=${BENCH_SENTENCES:-100000}
if [ -d "$S" ]; then
    echo "== Phoenix actors/agents + CAMEO 2.0 verbs, GigaWord sample"
    "$B" --sentences "$N" --dict "$D/CAMEO.2.0.txt" --dict "$D/Phoenix.Countries.actors.txt" \
        --dict "$D/Phoenix.International.actors.txt" --dict "$D/Phoenix.MilNonState.actors.txt" \
        --dict "$D/Phoenix.agents.txt" --dict "$D/Phoenix.discards.txt" -- "$S/text/GigaWord.sample.PETR.xml"
fi
if [ -d data/dict ] && ls data/dict/* >/dev/null 2>&1; then
    echo "== Dyad's dictionaries, examples"
    "$B" --sentences "$N" --dict data/dict/ -- examples/*.txt
fi
