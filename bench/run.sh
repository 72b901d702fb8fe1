#!/bin/sh
# run.sh -- `make bench`: coder throughput on the PETRARCH GigaWord sample,
# the example articles and the GVDB news articles, replicated to at least
# 100,000 sentences, with the Phoenix + CAMEO 2.0 dictionaries and with
# Dyad's own; then dyad ingest and dyad serve under a wrk load run on
# loopback.
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
GAZ=${1:-build}/gazetteer.gaz
if [ -d data/dict ] && ls data/dict/* >/dev/null 2>&1; then
    set -- "$@" # keep $1 (the build directory) for what follows
    gaz=""
    [ -f "$GAZ" ] && gaz="--dict $GAZ"
    if [ -d "$S" ]; then
        echo "== Dyad's dictionaries and gazetteer, GigaWord sample"
        # shellcheck disable=SC2086
        "$B" --sentences "$N" --dict data/dict/ $gaz -- "$S/text/GigaWord.sample.PETR.xml"
    fi
    echo "== Dyad's dictionaries and gazetteer, examples"
    # shellcheck disable=SC2086
    "$B" --sentences "$N" --dict data/dict/ $gaz -- examples/*.txt
    # whole news articles: the 900 of the Gun Violence Database (US local
    # news, 2.5 MB), one text file each
    GVDB=${DYAD_SHARED:-../shared}/gold/gvdb
    if [ -f "$GVDB/dev.tsv" ] && [ -f "$GVDB/test.tsv" ]; then
        gt=$(mktemp -d)
        awk -F'\t' -v d="$gt" 'FNR > 1 && NF >= 4 { f = sprintf("%s/%05d.txt", d, ++n); print $4 > f; close(f) }' \
            "$GVDB/dev.tsv" "$GVDB/test.tsv"
        echo "== Dyad's dictionaries and gazetteer, GVDB news articles"
        # shellcheck disable=SC2086
        "$B" --sentences "$N" --dict data/dict/ $gaz -- "$gt"/*.txt
        if [ -d "$S" ]; then
            echo "== Phoenix actors/agents + CAMEO 2.0 verbs, GVDB news articles"
            "$B" --sentences "$N" --dict "$D/CAMEO.2.0.txt" --dict "$D/Phoenix.Countries.actors.txt" \
                --dict "$D/Phoenix.International.actors.txt" --dict "$D/Phoenix.MilNonState.actors.txt" \
                --dict "$D/Phoenix.agents.txt" --dict "$D/Phoenix.discards.txt" -- "$gt"/*.txt
        fi
        rm -rf "$gt"
    fi
fi
# dyad code with 1 and 2 threads (--jobs; and one per processor when there
# are more): the GVDB news articles (else the sample articles) as one
# JSON Lines file, copied BENCH_JOBS_COPIES times under new ids; articles/s,
# sentences/s (the sentences of one copy as bench_code counts them), the
# speed-up over one thread and a checksum of the output, which must not
# change with the threads.
BIN=${1:-build}/dyad
if [ -x "$BIN" ]; then
    jt=$(mktemp -d)
    GVDB=${DYAD_SHARED:-../shared}/gold/gvdb
    if [ -f "$GVDB/dev.tsv" ] && [ -f "$GVDB/test.tsv" ]; then
        what="GVDB news articles"
        awk -F'\t' 'FNR > 1 && NF >= 4 { t = $4; gsub(/\\/, "\\\\", t); gsub(/"/, "\\\"", t); gsub(/\r/, "", t)
            printf "{\"id\": \"gvdb-%d\", \"text\": \"%s\"}\n", ++n, t }' "$GVDB/dev.tsv" "$GVDB/test.tsv" >"$jt/one.jsonl"
        copies=${BENCH_JOBS_COPIES:-30}
    else
        what="sample articles"
        cp "${DYAD_SHARED:-../shared}/samples/seeds.jsonl" "$jt/one.jsonl" 2>/dev/null || : >"$jt/one.jsonl"
        copies=${BENCH_JOBS_COPIES:-2000}
    fi
    if [ -s "$jt/one.jsonl" ]; then
        awk -v n="$copies" '{ l[NR] = $0 } END { for (i = 0; i < n; i++) for (k = 1; k <= NR; k++) {
            s = l[k]; sub(/"id": *"/, "&" i "-", s); print s } }' "$jt/one.jsonl" >"$jt/in.jsonl"
        gaz=""
        [ -f "$GAZ" ] && gaz="--dict $GAZ"
        # shellcheck disable=SC2086
        sents=$("$B" --sentences 1 --dict data/dict/ $gaz -- "$jt/one.jsonl" | sed -n 's/^coded \([0-9]*\) sentences.*/\1/p')
        arts=$(wc -l <"$jt/in.jsonl")
        cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
        jobs="1 2"
        [ "$cpus" -gt 2 ] && jobs="$jobs $cpus"
        echo "== dyad code --jobs N, $what x $copies ($arts articles, $((${sents:-0} * copies)) sentences, $cpus processors)"
        for j in $jobs; do
            t0=$(date +%s.%N)
            "$BIN" code -q --jobs "$j" "$jt/in.jsonl" >"$jt/out"
            t1=$(date +%s.%N)
            sum=$(cksum <"$jt/out" | cut -d' ' -f1)
            [ "$j" = 1 ] && { b0=$t0 b1=$t1 sum1=$sum; }
            awk -v j="$j" -v a="$arts" -v s="$((${sents:-0} * copies))" -v t0="$t0" -v t1="$t1" -v b0="$b0" -v b1="$b1" \
                -v c="$sum" -v same="$([ "$sum" = "$sum1" ] && echo same || echo DIFFERENT)" \
                'BEGIN { t = t1 - t0; printf "--jobs %-2d %6.2f s: %6.0f articles/s, %7.0f sentences/s, speed-up %.2f, output checksum %s (%s)\n", j, t, a / t, s / t, (b1 - b0) / t, c, same }'
        done
    fi
    rm -rf "$jt"
fi
# one whole run against TABARI 0.8.4b2's, per record: the GigaWord sample
# copied 100 times (7,600 records), as in the reference timing kept with
# the PETRARCH anchors (TABARI's own dictionaries, its user time and wall
# clock); dyad code with its default dictionaries and gazetteer, start-up
# and output included, the median of three runs
TT=$S/outputs/tabari_reference/GigaWord.sample.x100.TABARI.timing.txt
if [ -x "$BIN" ] && [ -f "$TT" ] && [ -x /usr/bin/time ]; then
    xt=$(mktemp -d)
    awk '/<Sentence /,/<\/Sentence>/ { b = b $0 "\n" } END { printf "<Sentences>\n"
        for (k = 0; k < 100; k++) { s = b; gsub(/id="/, "id=\"" k "-", s); printf "%s", s }
        printf "</Sentences>\n" }' "$S/text/GigaWord.sample.PETR.xml" >"$xt/x100.xml"
    recs=$(grep -c '<Sentence ' "$xt/x100.xml")
    tw=$(sed -n 's/.*Elapsed (wall clock) time[^:]*: *//p' "$TT" | awk -F: '{ print $(NF - 1) * 60 + $NF }')
    tu=$(sed -n 's/.*User time (seconds): *//p' "$TT")
    echo "== one run per record against TABARI 0.8.4b2, GigaWord sample x 100 ($recs records)"
    awk -v r="$recs" -v w="$tw" -v u="$tu" 'BEGIN { printf "TABARI (reference timing): %.2f s wall, %.2f s user: %6.0f records/s\n", w, u, r / w }'
    for j in 1 default; do
        opt=""
        [ "$j" = 1 ] && opt="--jobs 1"
        for k in 1 2 3; do
            t0=$(date +%s.%N)
            # shellcheck disable=SC2086
            /usr/bin/time -f "%U %S" -o "$xt/cpu" "$BIN" code -q $opt "$xt/x100.xml" >"$xt/out"
            t1=$(date +%s.%N)
            echo "$(awk -v t0="$t0" -v t1="$t1" 'BEGIN { print t1 - t0 }') $(cat "$xt/cpu")"
        done | sort -n | sed -n 2p >"$xt/median"
        awk -v j="$j" -v r="$recs" -v w="$tw" -v u="$tu" -v e="$(grep -c . "$xt/out")" \
            '{ printf "dyad code --jobs %-7s %.2f s wall, %.2f s cpu: %6.0f records/s, %d events; %.1fx TABARI wall, %.1fx its cpu\n", j, $1, $2 + $3, r / $1, e, w / $1, u / ($2 + $3) }' "$xt/median"
    done
    rm -rf "$xt"
fi
# cost growth: dyad code --jobs 1 on 10^3, 10^4 and 10^5 articles (the
# GVDB articles, else the samples, copied under new ids): throughput and
# peak memory must stay flat as the input grows
if [ -x "$BIN" ] && [ -x /usr/bin/time ]; then
    gt=$(mktemp -d)
    GVDB=${DYAD_SHARED:-../shared}/gold/gvdb
    if [ -f "$GVDB/dev.tsv" ]; then
        awk -F'\t' 'FNR > 1 && NF >= 4 { t = $4; gsub(/\\/, "\\\\", t); gsub(/"/, "\\\"", t); gsub(/\r/, "", t)
            printf "{\"id\": \"g-%d\", \"text\": \"%s\"}\n", ++n, t }' "$GVDB/dev.tsv" "$GVDB/test.tsv" >"$gt/one.jsonl"
    else
        cp "${DYAD_SHARED:-../shared}/samples/seeds.jsonl" "$gt/one.jsonl" 2>/dev/null || : >"$gt/one.jsonl"
    fi
    if [ -s "$gt/one.jsonl" ]; then
        echo "== cost growth: dyad code --jobs 1 on 10^3 to 10^5 articles"
        for n in 1000 10000 100000; do
            awk -v n="$n" '{ l[NR] = $0 } END { for (i = 0; i < n; i++) { s = l[i % NR + 1]; sub(/"id": *"/, "&" i "-", s); print s } }' \
                "$gt/one.jsonl" >"$gt/in.jsonl"
            t0=$(date +%s.%N)
            /usr/bin/time -f %M -o "$gt/rss" "$BIN" code -q --jobs 1 "$gt/in.jsonl" >/dev/null
            t1=$(date +%s.%N)
            awk -v n="$n" -v b="$(wc -c <"$gt/in.jsonl")" -v t0="$t0" -v t1="$t1" -v r="$(cat "$gt/rss")" \
                'BEGIN { t = t1 - t0; printf "%7d articles (%6.1f MB): %7.2f s, %5.0f articles/s, %5.2f MB/s, peak RSS %.0f MB\n", n, b / 1e6, t, n / t, b / t / 1e6, r / 1024 }'
            [ "$n" = 100000 ] && code_rate=$(awk -v n="$n" -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.0f", n / (t1 - t0) }')
        done
    fi
    rm -rf "$gt"
fi
# dyad ingest into SQLite and into PostgreSQL, coding on 1 and 2 threads:
# the sample articles copied under new ids and dates over two years, as
# news comes (events, places and figures stored, merged and indexed),
# beside dyad code on the same input and threads
BIN=${1:-build}/dyad
SEEDS=${DYAD_SHARED:-../shared}/samples/seeds.jsonl
. tests/e2e/lib/pg.sh # a PostgreSQL server of the bench's own (pg_start), once
if [ -x "$BIN" ] && [ -f "$SEEDS" ]; then
    COPIES=${BENCH_COPIES:-1000}
    it=$(mktemp -d)
    awk -v n="$COPIES" '{ for (i = 0; i < n; i++) { l = $0; sub(/"id": *"/, "&" i "-", l);
        sub(/"date": *"[0-9]+-[0-9]+-/, "\"date\": \"" (2023 + int(i / 12) % 2) "-" sprintf("%02d", i % 12 + 1) "-", l);
        sub(/"text": *"/, "&Copy " i ". ", l); print l } }' \
        "$SEEDS" >"$it/in.jsonl"
    bytes=$(wc -c <"$it/in.jsonl") articles=$(wc -l <"$it/in.jsonl")
    # ingest_beside KIND J DB: dyad code, then dyad ingest into DB, on J
    # threads; prints both, and sets rate (articles/s of the ingest)
    ingest_beside() {
        c0=$(date +%s.%N)
        "$BIN" code -q --jobs "$2" "$it/in.jsonl" >/dev/null
        t0=$(date +%s.%N)
        "$BIN" ingest --jobs "$2" --db "$3" "$it/in.jsonl" 2>"$it/err"
        t1=$(date +%s.%N)
        echo "== dyad ingest --jobs $2, $1: $(tail -1 "$it/err" | sed 's/^dyad: //')"
        awk -v a="$articles" -v b="$bytes" -v c0="$c0" -v t0="$t0" -v t1="$t1" \
            'BEGIN { t = t1 - t0; c = t0 - c0; printf "%d articles in %.2f s: %.0f articles/s, %.2f MB/s;", a, t, a / t, b / t / 1e6
                     printf " dyad code: %.2f s, %.0f articles/s (ingest at %.0f%% of it)\n", c, a / c, 100 * c / t }'
        rate=$(awk -v a="$articles" -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.0f", a / (t1 - t0) }')
    }
    for j in 1 2; do
        ingest_beside SQLite "$j" "$it/i$j.db"
        store_rate=$rate
    done
    # the same into PostgreSQL (a server of the bench's own, kept for the
    # wrk runs below), a new database each time
    pgt=$(mktemp -d)
    trap 'pg_stop; rm -rf "$pgt"' EXIT
    if pg_start "$pgt" >/dev/null; then
        for j in 1 2; do
            pgi=$(pg_createdb "ingest$j") || break
            ingest_beside PostgreSQL "$j" "$pgi"
            pg_store_rate=$rate
        done
    fi
    rm -rf "$it"
fi
# 100 million articles on a 16-core machine, from the figures above:
# coding scales with the cores, storing is one writer at a time
if [ -n "${code_rate:-}" ] && [ -n "${store_rate:-}" ]; then
    awk -v c="$code_rate" -v s="$store_rate" -v p="${pg_store_rate:-0}" 'BEGIN {
        printf "== projection, 100,000,000 articles on 16 cores: coding %.1f h (%d articles/s a core),", 1e8 / (16 * c) / 3600, c
        printf " storing into SQLite %.1f h (one writer, %d articles/s)", 1e8 / s / 3600, s
        if (p > 0) printf ", into PostgreSQL %.1f h (one writer, %d articles/s)", 1e8 / p / 3600, p
        printf "; see docs/scaling.md\n" }'
fi
# one long article: the examples repeated to 10 MB as a single article,
# and a single 10 MB word: time and peak memory (linear, bounded)
if [ -x "$BIN" ] && command -v python3 >/dev/null; then
    lt=$(mktemp -d)
    python3 - "$lt" examples/*.txt <<'PY'
import json, sys
text = " ".join(open(f, encoding="utf-8").read() for f in sys.argv[2:])
with open(sys.argv[1] + "/long.jsonl", "w") as f:
    f.write(json.dumps({"id": "long", "date": "2024-01-02", "text": (text + " ") * (10**7 // len(text) + 1)}) + "\n")
with open(sys.argv[1] + "/word.jsonl", "w") as f:
    f.write(json.dumps({"id": "word", "text": "A" * 10**7}) + "\n")
PY
    for a in long word; do
        t0=$(date +%s.%N)
        if [ -x /usr/bin/time ]; then
            /usr/bin/time -f %M -o "$lt/rss" "$BIN" code -q "$lt/$a.jsonl" >/dev/null
        else
            "$BIN" code -q "$lt/$a.jsonl" >/dev/null
            echo "?" >"$lt/rss"
        fi
        t1=$(date +%s.%N)
        awk -v a="$a" -v b="$(wc -c <"$lt/$a.jsonl")" -v t0="$t0" -v t1="$t1" -v r="$(cat "$lt/rss")" \
            'BEGIN { printf "== one %s article of %.1f MB: %.2f s, peak RSS %s MB\n", a, b / 1e6, t1 - t0, r == "?" ? "?" : sprintf("%.0f", r / 1024) }'
    done
    rm -rf "$lt"
fi
# dyad serve under load: wrk on loopback against the JSON API, the samples
# and examples ingested into SQLite, then into PostgreSQL (a server of the
# bench's own, as in tests/e2e/lib/pg.sh); prints requests/s for each route.
# wrk_routes DB: serves DB and loads each route for WRK_SECONDS
wrk_routes() {
    "$BIN" ingest -q --db "$1" "$wt/store.jsonl"
    echo "$("$BIN" query --db "$1" --format jsonl --limit 1000000 | wc -l) events stored"
    serve_start "$BIN" "$1" "$wt/log"
    for route in /api/events?limit=100 /api/events?actor=USAGOV /api/events/1 /api/timeseries /api/articles?q=Blinken; do
        rps=$(wrk -t2 -c32 -d"${WRK_SECONDS:-5}"s "$URL$route" | sed -n 's/^Requests\/sec: *//p')
        printf '%-28s %s requests/s\n' "$route" "$rps"
    done
    serve_stop || true
}
if command -v wrk >/dev/null 2>&1 && [ -x "$BIN" ] && [ -f "$SEEDS" ]; then
    . tests/e2e/lib/serve.sh
    wt=$(mktemp -d) pgt=${pgt:-$(mktemp -d)}
    trap 'pg_stop; rm -rf "$wt" "$pgt"' EXIT
    # a store of over 100,000 events: the samples and examples, each copy
    # led by three sentences of its own (other actors, another verb, other
    # days) and dated a day of its own over 2010-2024
    python3 - "$wt/store.jsonl" "$SEEDS" examples/*.txt <<'PY'
import datetime, json, os, sys
out, seeds, examples = sys.argv[1], sys.argv[2], sys.argv[3:]
texts = [json.loads(l)["text"] for l in open(seeds, encoding="utf-8")]
texts += [open(p, encoding="utf-8").read().partition("\n\n")[2] for p in examples]
who = ["Turkey", "Jordan", "Egypt", "Qatar", "Iran", "Russia", "France", "China", "India", "Brazil"]
did = ["condemned", "praised", "threatened", "met", "accused", "visited", "criticised", "thanked"]
whom = ["Israel", "Hamas", "Lebanon", "Syria", "Ukraine", "Germany", "Japan"]
day0 = datetime.date(2010, 1, 1)
with open(out, "w") as f:
    for i in range(int(os.environ.get("BENCH_STORE_ARTICLES", "30000"))):
        lead = "".join("%s %s %s on %s, statement %d said. " % (who[(i + k) % 10], did[(i // 10 + k) % 8],
                                                                 whom[(i // 80 + k) % 7], day_name, i)
                       for k, day_name in enumerate(("Monday", "Tuesday", "Wednesday")))
        day = day0 + datetime.timedelta(days=i % 5400)
        f.write(json.dumps({"id": "s%d" % i, "date": day.isoformat(), "source": "wire-%d" % (i % 7),
                            "text": lead + texts[i % len(texts)]}) + "\n")
PY
    echo "== dyad serve on SQLite, wrk (2 threads, 32 connections, ${WRK_SECONDS:-5} s a route)"
    wrk_routes "$wt/b.db"
    if { [ -n "${PG_PORT:-}" ] || pg_start "$pgt" >/dev/null; } && pg=$(pg_createdb dyad); then
        echo "== dyad serve on PostgreSQL, wrk (2 threads, 32 connections, ${WRK_SECONDS:-5} s a route)"
        wrk_routes "$pg"
    fi
fi
