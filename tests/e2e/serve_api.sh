#!/bin/sh
# dyad serve: every API route on the ingested test articles, checked with curl and
# node, then each class of bad request (malformed JSON, huge bodies, unknown
# routes, path traversal, SQL-like strings, bad filters, writes without the
# token, as a form, from another origin, a foreign Host) answered with a 4xx
# JSON error; the server is still alive at the end and exits cleanly.
set -u
SEEDS=tests/fixtures/news.jsonl
. tests/e2e/lib/serve.sh
serve_setup
fail=0
db="$tmp/s.db"
"$FAST" ingest --db "$db" "$SEEDS" examples/*.txt 2>/dev/null || { echo "ingest failed"; exit 1; }
mkdir -p "$tmp/web/sub"
echo '<!doctype html><title>dashboard-marker</title>' >"$tmp/web/index.html"
echo 'SECRET-OUTSIDE-WEB' >"$tmp/secret.txt"
AUTH="Authorization: Bearer test-token" JSON="Content-Type: application/json"
serve_start "$DYAD" "$db" "$tmp/log" --web "$tmp/web" --token test-token || exit 1

# req NAME EXPECTED-STATUS PATH [curl options]: body in $tmp/NAME.json
req() {
    _n=$1 _want=$2 _p=$3
    shift 3
    _got=$(curl -s --path-as-is -o "$tmp/$_n.json" -w '%{http_code}' "$@" "$URL$_p")
    if [ "$_got" != "$_want" ]; then
        echo "$_n: $_p: status $_got, want $_want: $(head -c 300 "$tmp/$_n.json")"
        fail=1
    fi
}
# check NAME JS-EXPRESSION: the expression over d (the parsed body) holds
check() {
    node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
             if (!(eval(process.argv[2]))) { console.error("failed: " + process.argv[2]); process.exit(1); }' \
        "$tmp/$1.json" "$2" || { echo "$1: $(head -c 300 "$tmp/$1.json")"; fail=1; }
}
# a 4xx with a JSON error message
bad() {
    req "$@"
    check "$1" 'typeof d.error === "string" && d.error.length > 0'
}

# against NAME ALL JS-EXPRESSION: the expression over d and all (the bodies
# of NAME and ALL) holds
against() {
    node -e 'const [d, all] = process.argv.slice(1, 3).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")));
             if (!(eval(process.argv[3]))) { console.error("failed: " + process.argv[3]); process.exit(1); }' \
        "$tmp/$1.json" "$tmp/$2.json" "$3" || { echo "$1: $(head -c 300 "$tmp/$1.json")"; fail=1; }
}

req health 200 /api/health
check health 'd.ok === true && d.coding === true'
req all 200 '/api/events?limit=10000'
check all 'd.count > 20 && d.events.length === d.count'
# numbers as analysts read them: Goldstein with one decimal, coordinates with four
grep -Eq '[0-9]\.[0-9]{5,}' "$tmp/all.json" && { echo "long decimals in /api/events"; fail=1; }
req usa 200 '/api/events?actor=USAGOV'
check usa 'd.count > 0 && d.events.every(e => (e.source || "").startsWith("USAGOV") || (e.target || "").startsWith("USAGOV"))'
req visit 200 '/api/events?actor=USAGOV&code=042&from=2024-08-20&to=2024-08-20'
check visit 'd.count === 1 && d.events[0].target === "QAT" && d.events[0].num_articles === 2'
id=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).events[0].id)' "$tmp/visit.json")
# one event: every mention's highlighted spans are the words stored for it
req event 200 "/api/events/$id"
check event 'd.id === '"$id"' && d.mentions.length === d.num_mentions && d.mentions.every(m => {
    const c = Array.from(m.sentence_text), cut = s => s ? c.slice(s[0], s[1]).join("") : "";
    return cut(m.verb_span) === m.verb_text && cut(m.source_span) === m.source_text &&
           cut(m.target_span) === m.target_text && m.verb_text.length > 0; })'
check event 'new Set(d.mentions.map(m => m.article)).size === 2'
# rules name the dictionary file and line, not the server's directories
check event 'd.mentions.every(m => /^[^/]+:[0-9]+$/.test(m.rule))'
# confidences: each mention's, the event's the highest; filtered on, checked
check event 'd.confidence === Math.max(...d.mentions.map(m => m.confidence)) && d.mentions.every(m =>
    m.confidence >= 0.6 && m.confidence <= 1 && m.source_basis === "dictionary" && m.target_basis !== "")'
# every mention names its actors (the Doha visit: Blinken and Qatar)
check event 'd.mentions.every(m => m.source_name === "ANTONY BLINKEN" && m.target_name === "QATAR")'
req sure 200 '/api/events?limit=10000&min_confidence=0.85'
check sure 'd.count > 0 && d.count < '"$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).count)' "$tmp/all.json")"' && d.events.every(e => e.confidence >= 0.85)'
bad badconf 400 '/api/events?min_confidence=2'
req actors 200 /api/actors
check actors 'd.actors.some(a => a.code === "USAGOV" && a.events > 0) && d.actors[0].events >= d.actors[d.actors.length - 1].events'
req dyads 200 '/api/dyads?actor=USAGOV'
check dyads 'd.dyads.some(x => x.source === "USAGOV" && x.target === "QAT")'
# Accept-Encoding: gzip gets the same answer gzip'd; q=0 and no header get it plain
curl -s -D "$tmp/gz.h" -o "$tmp/gz.body" -H 'Accept-Encoding: deflate, gzip' "$URL/api/events?limit=10000"
curl -s -D "$tmp/plain.h" -o "$tmp/plain.body" -H 'Accept-Encoding: gzip;q=0' "$URL/api/events?limit=10000"
grep -qi '^Content-Encoding: gzip' "$tmp/gz.h" || { echo "gzip not used: $(cat "$tmp/gz.h")"; fail=1; }
grep -qi '^Content-Encoding' "$tmp/plain.h" && { echo "gzip used with q=0"; fail=1; }
gzip -dc "$tmp/gz.body" | cmp -s - "$tmp/plain.body" || { echo "gzip'd answer differs from the plain one"; fail=1; }
cmp -s "$tmp/plain.body" "$tmp/all.json" || { echo "answer with q=0 differs from the one without the header"; fail=1; }
# every list is bounded: limit keeps the first, total says how many there were
check actors 'd.total === d.actors.length && d.limit === 1000'
req actors2 200 '/api/actors?limit=2'
check actors2 'd.actors.length === 2 && d.total > 2 && d.limit === 2 && d.actors[0].events >= d.actors[1].events'
req dyads1 200 '/api/dyads?limit=1'
check dyads1 'd.dyads.length === 1 && d.total > 1'
req series2 200 '/api/timeseries?limit=2'
check series2 'd.series.length === 2 && d.total > 2 && d.limit === 2'
req stats1 200 '/api/stats?by=root&limit=1'
check stats1 'd.groups.length === 1 && d.total > 1'
bad limit0 400 '/api/actors?limit=0'
# a query argument a route does not take is refused by name, not ignored
bad typo 400 '/api/events?actro=USAGOV'
check typo 'd.error.includes("actro") && d.error.includes("actor")'
bad typo2 400 '/api/articles?q=Blinken&actor=USAGOV'
check typo2 'd.error.includes("actor")'
bad typo3 400 '/api/events/1?x=1'
bad typo4 400 '/api/figures?code=19'
req series 200 /api/timeseries
all=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).count)' "$tmp/all.json")
check series 'd.series.reduce((n, s) => n + s.events, 0) === '"$all"' && d.series.every(s => /^\d{4}-\d\d-\d\d$/.test(s.day) && /^\d\d$/.test(s.root))'
req stats 200 '/api/stats?by=root'
check stats 'd.by === "root" && d.groups.reduce((n, g) => n + g.events, 0) === '"$all"
req figures 200 /api/figures
check figures 'd.figures.some(f => f.kind === "killed" && f.value === 1974 && f.place === "Lebanon" && f.place_country === "LBN" && f.perpetrator_code === "ISR" && f.article === "wire-a" && f.sentence_text.includes("1,974"))'
check figures 'd.figures.some(f => f.kind === "killed" && f.value === 38150) && d.figures.some(f => f.kind === "prisoner" && f.value === 210 && f.released)'
req killed 200 '/api/figures?kind=killed&place=LBN'
check killed 'd.figures.length === 1 && d.figures[0].value === 1974'
bad badkind 400 '/api/figures?kind=dead'
# events carry their place; the Doha visit is on the map
check visit 'd.events[0].place === "Doha" && d.events[0].place_country === "QAT" && Math.abs(d.events[0].place_lat - 25.29) < 0.1'
req inqatar 200 '/api/events?place=Qatar&actor=USAGOV&code=042'
check inqatar 'd.events.some(e => e.place === "Doha") && d.events.every(e => e.place_country === "QAT")'
req search 200 '/api/articles?q=Blinken'
check search 'd.articles.some(a => a.id === "wire-a" && a.snippet.includes("\u0002Blinken\u0003"))'
req article 200 /api/articles/wire-a
check article 'd.id === "wire-a" && d.text.length > 100 && d.mentions.length === d.mentions_count || d.mentions.length === d.mentions.length && d.mentions.every(m => {
    const t = Array.from(d.text), s = m.verb_span;
    return !s || t.slice(m.sentence_start + s[0], m.sentence_start + s[1]).join("") === m.verb_text; })'
req index 200 /
grep -q dashboard-marker "$tmp/index.json" || { echo "index.html not served"; fail=1; }

# POST: coded and stored at once, then found by the filters; again changes nothing
post='{"id":"posted-1","date":"2024-11-02","source":"test","title":"Posted","text":"Israeli forces attacked Hamas in Gaza on Friday."}'
req post 201 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary "$post"
check post 'd.articles[0].id === "posted-1" && d.articles[0].added === true && d.articles[0].events > 0'
req posted 200 '/api/events?text=posted&actor=ISR'
check posted 'd.count > 0 && d.events.some(e => e.root === "19")'
req again 201 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary "$post"
check again 'd.articles[0].added === false'
req many 201 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '[{"text":"Qatar praised Egypt."},{"text":"Egypt criticized Israel.","date":"2024-11-03"}]'
check many 'd.articles.length === 2 && d.articles.every(a => a.id.startsWith("web-"))'

# bad requests: 4xx, a JSON error, nothing stored
bad malformed 400 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '{"text": "unterminated'
bad trailing 400 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '{"text":"a"} x'
bad empty 400 /api/articles -X POST -H "$AUTH" -H "$JSON"
bad notobj 400 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '[1, 2]'
bad notext 400 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '{"title":"no text"}'
bad badtype 400 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '{"text":"Qatar praised Egypt.","date":20240101}'
bad baddate 400 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '{"text":"Qatar praised Egypt.","date":"2024-99-99"}'
check badtype 'd.error === "article 0: field \"date\" is not a string"'
check baddate 'd.error === "article 0: bad date \"2024-99-99\""'
bad feb31 400 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '{"text":"Qatar praised Egypt.","date":"2024-02-31"}'
bad year0 400 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '{"text":"Qatar praised Egypt.","date":"0000-01-01"}'
bad nultext 400 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '{"text":"Qatar praised Egypt.\u0000 And more."}'
check nultext 'd.error.includes("NUL")'
# a POST is read by the same reader as a file: the second article of a
# batch is named, and the CLI says the same of the same record
bad second 400 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '[{"text":"Qatar praised Egypt."},{"text":"Egypt criticized Israel.","source":7}]'
check second 'd.error === "article 1: field \"source\" is not a string"'
printf '%s\n' '{"text":"Egypt criticized Israel.","source":7}' >"$tmp/same.jsonl"
"$DYAD" code "$tmp/same.jsonl" 2>&1 >/dev/null | grep -q 'same.jsonl:1: field "source" is not a string; record skipped' ||
    { echo "the CLI reader does not say what the API says"; fail=1; }
bad badutf8 400 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary "$(printf '{"text":"Qatar \377 praised"}')"
head -c 3000000 /dev/zero | tr '\0' a >"$tmp/huge"
bad huge 413 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary @"$tmp/huge"
bad chunked 413 /api/articles -X POST -H "$AUTH" -H "$JSON" -H 'Transfer-Encoding: chunked' --data-binary @"$tmp/huge"
bad noroute 404 /api/nothing
bad noroute2 404 /api/events/1/more
bad nofile 404 /missing.js
bad method 405 /api/events -X DELETE
curl -s -o /dev/null -D "$tmp/allow.h" -X DELETE "$URL/api/events"
grep -qi '^Allow: GET, HEAD' "$tmp/allow.h" || { echo "405 without Allow: $(cat "$tmp/allow.h")"; fail=1; }
curl -s -o /dev/null -D "$tmp/allow2.h" -X PUT "$URL/api/articles"
grep -qi '^Allow: GET, HEAD, POST' "$tmp/allow2.h" || { echo "405 on /api/articles without Allow: $(cat "$tmp/allow2.h")"; fail=1; }
bad method2 405 /api/events/1 -X PUT --data-binary '{}'
for p in '/../secret.txt' '/%2e%2e/secret.txt' '/sub/../../secret.txt' '/..%2fsecret.txt' '/.%2e/secret.txt' '/api/../../secret.txt'; do
    _got=$(curl -s --path-as-is -o "$tmp/trav.json" -w '%{http_code}' "$URL$p")
    case $_got in 4??) ;; *) echo "traversal $p: status $_got"; fail=1 ;; esac
    grep -q SECRET "$tmp/trav.json" && { echo "traversal $p: leaked the file"; fail=1; }
done
curl -s --path-as-is "$URL/%00/../../../../etc/passwd" | grep -q 'root:' && { echo "NUL path leaked /etc/passwd"; fail=1; }
bad sqlish 400 "/api/events?actor=%27%3B%20DROP%20TABLE%20events%3B%20--"
check sqlish 'd.error.startsWith("actor: ")'
bad sqlish2 400 "/api/events?code=%25"
check sqlish2 'd.error.startsWith("code: ")'
# the list and range filters and the sorts, each against the same
# filter applied to every event
has() { printf '%s' "all.events.filter((e) => $1)"; }
req every 200 '/api/events?limit=10000'
req lists 200 '/api/events?limit=10000&source=ISR,USA&code=04,19'
against lists every "d.count > 0 && d.count === $(has '/^(ISR|USA)/.test(e.source) && /^(04|19)/.test(e.code)').length"
req tgt 200 '/api/events?limit=10000&target=isr'
against tgt every "d.count > 0 && d.count === $(has 'e.target.startsWith("ISR")').length"
req either 200 '/api/events?limit=10000&actor=QAT,EGY'
against either every "d.count > 0 && d.count === $(has '/^(QAT|EGY)/.test(e.source) || /^(QAT|EGY)/.test(e.target)').length"
req ctry 200 '/api/events?limit=10000&country=usa,QAT'
against ctry every "d.count > 0 && d.count === $(has '["USA", "QAT"].includes(e.source.slice(0, 3)) || ["USA", "QAT"].includes(e.target.slice(0, 3))').length"
req quads 200 '/api/events?limit=10000&quad=3,4'
against quads every "d.count > 0 && d.count === $(has 'e.quad >= 3').length"
req gold 200 '/api/events?limit=10000&goldstein_min=-9&goldstein_max=-4'
against gold every "d.count > 0 && d.count === $(has 'e.goldstein >= -9 && e.goldstein <= -4').length"
req bymentions 200 '/api/events?limit=10000&sort=mentions&order=desc'
against bymentions every "d.count === all.count && d.events[0].num_mentions > d.events[d.count - 1].num_mentions &&
    d.events.every((e, i) => i === 0 || e.num_mentions < d.events[i - 1].num_mentions ||
                   (e.num_mentions === d.events[i - 1].num_mentions && e.id < d.events[i - 1].id))"
req bygold 200 '/api/events?limit=10000&sort=goldstein'
check bygold 'd.events.every((e, i) => i === 0 || e.goldstein >= d.events[i - 1].goldstein)'
req newest 200 '/api/events?limit=3&order=desc'
against newest every "JSON.stringify(d.events.map((e) => e.id)) === JSON.stringify(all.events.slice(-3).reverse().map((e) => e.id))"
req dyadcount 200 '/api/dyads?source=ISR'
check dyadcount 'd.dyads.length > 0 && d.dyads.every((x) => x.source.startsWith("ISR"))'
# paging: following next (and the Link header) page by page gives every
# event of the filter once, in its order, and total counts them all
for args in "limit=4" "limit=3&sort=mentions&order=desc" "limit=2&sort=goldstein&source=ISR,USA"; do
    node -e '
const [url, args] = process.argv.slice(1);
(async () => {
  const whole = await (await fetch(`${url}/api/events?${args.replace(/limit=[0-9]+/, "limit=10000")}`)).json();
  let ids = [], next = null, pages = 0, path = `/api/events?${args}`;
  for (;;) {
    const r = await fetch(url + path);
    const d = await r.json();
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(d)}`);
    if (d.total !== whole.count) throw new Error(`${path}: total ${d.total}, want ${whole.count}`);
    ids.push(...d.events.map((e) => e.id));
    pages++;
    const link = r.headers.get("link");
    if (d.next === null) { if (link) throw new Error(`${path}: a Link without next`); break; }
    if (d.count !== d.limit) throw new Error(`${path}: a page of ${d.count} before the last`);
    const m = /^<([^>]*)>; rel="next"$/.exec(link || "");
    if (!m || !m[1].endsWith("cursor=" + encodeURIComponent(d.next))) throw new Error(`${path}: Link ${link} for next ${d.next}`);
    path = m[1];
    if (pages > 100) throw new Error("no end");
  }
  const want = whole.events.map((e) => e.id);
  if (pages < 2 || JSON.stringify(ids) !== JSON.stringify(want))
    throw new Error(`${args}: ${pages} pages gave ${ids}, want ${want}`);
})().catch((e) => { console.error(e.message); process.exit(1); });' "$URL" "$args" || { echo "paging $args failed"; fail=1; }
done
# downloads: NDJSON is every event of the filter as /api/events gives
# them; CSV is what dyad query --format csv writes for the same filter
req every2 200 '/api/events?limit=10000&source=ISR,USA&sort=goldstein'
curl -s -D "$tmp/dl.head" -o "$tmp/dl.ndjson" "$URL/api/events.ndjson?source=ISR,USA&sort=goldstein"
node -e 'const fs = require("fs");
const lines = fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const d = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
if (lines.length < 2 || JSON.stringify(lines) !== JSON.stringify(d.events)) process.exit(1);' "$tmp/dl.ndjson" "$tmp/every2.json" ||
    { echo "events.ndjson differs from /api/events"; fail=1; }
grep -qi '^content-type: application/x-ndjson' "$tmp/dl.head" || { echo "events.ndjson: $(cat "$tmp/dl.head")"; fail=1; }
grep -qi '^content-disposition: attachment; filename="events.ndjson"' "$tmp/dl.head" || { echo "events.ndjson: no attachment name"; fail=1; }
curl -s -o "$tmp/dl.csv" "$URL/api/events.csv?actor=ISR&code=1,04&limit=4"
"$FAST" query --db "$db" --actor ISR --code 1,04 --limit 4 --format csv >"$tmp/cli.csv" 2>/dev/null
[ "$(wc -l <"$tmp/dl.csv")" = 5 ] && cmp -s "$tmp/dl.csv" "$tmp/cli.csv" ||
    { diff "$tmp/dl.csv" "$tmp/cli.csv" | head -5; echo "events.csv differs from dyad query --format csv"; fail=1; }
bad dlbad 400 '/api/events.csv?code=x'
bad dlcursor 400 '/api/events.ndjson?cursor=da2024-01-01~1'
# one a day: two attacks of one day, dyad and code in two towns are one,
# and total counts what one a day keeps
req twotowns 201 /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary \
    '[{"id":"o1","date":"2024-05-02","text":"Israeli forces attacked Hamas in Rafah."},{"id":"o2","date":"2024-05-02","text":"Israeli forces attacked Hamas in Khan Younis."}]'
req towns 200 '/api/events?limit=10000&from=2024-05-02&to=2024-05-02&code=19'
req daily 200 '/api/events?limit=10000&from=2024-05-02&to=2024-05-02&code=19&one_a_day=1'
check towns 'd.total === 2 && d.count === 2'
check daily 'd.total === 1 && d.count === 1 && d.next === null'
bad cursorbad 400 '/api/events?cursor=da2024~1%20OR%201'
bad cursorsort 400 '/api/events?sort=mentions&cursor=da2024-01-01~3'
bad quadbad 400 '/api/events?quad=5'
bad sortbad 400 '/api/events?sort=size'
bad orderbad 400 '/api/events?order=up'
bad codebad 400 '/api/events?code=19,x'
bad goldbad 400 '/api/events?goldstein_min=-11'
bad rangebad 400 '/api/events?goldstein_min=3&goldstein_max=1'
bad figsource 400 '/api/figures?source=ISR'
bad sqlid 400 "/api/events/1%20OR%201%3D1"
bad fts 400 "/api/events?text=%22unbalanced"
bad fts2 400 "/api/articles?q=%29%20OR%20%28"
bad noq 400 "/api/articles"
bad baddatefilter 400 "/api/events?from=2024-13-45x"
bad badlimit 400 "/api/events?limit=-5"
bad badby 400 "/api/stats?by=fortnight"
req byweek 200 '/api/stats?by=week'
# ISO weeks: as many events as the days, each key a week
days=$(curl -s "$URL/api/stats?by=day" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0, "utf8")).groups.reduce((n, g) => n + g.events, 0))')
check byweek 'd.by === "week" && d.groups.reduce((n, g) => n + g.events, 0) === '"$days"' && d.groups.every(g => g.key === null || /^\d{4}-W\d\d$/.test(g.key))'
bad longactor 400 "/api/events?actor=$(head -c 400 /dev/zero | tr '\0' A)"
bad longurl 414 "/api/events?actor=$(head -c 20000 /dev/zero | tr '\0' A)"
bad bigheaders 431 /api/health -H "X-Filler: $(head -c 40000 /dev/zero | tr '\0' b)"
bad noevent 404 /api/events/999999999
bad noarticle 404 /api/articles/no-such-article

# writes need the token, JSON and no foreign origin; a foreign Host
# (DNS rebinding) reads nothing; the dashboard may not be framed
hello='{"id":"guarded","text":"Qatar praised Egypt."}'
bad notoken 401 /api/articles -X POST -H "$JSON" --data-binary "$hello"
bad badtoken 401 /api/articles -X POST -H "Authorization: Bearer test-tokeN" -H "$JSON" --data-binary "$hello"
bad formpost 415 /api/articles -X POST -H "$AUTH" -H 'Content-Type: text/plain' --data-binary "$hello"
bad noform 415 /api/articles -X POST -H "$AUTH" --data-binary "$hello"
bad foreign 403 /api/articles -X POST -H "$AUTH" -H "$JSON" -H 'Origin: http://evil.example' --data-binary "$hello"
req own 201 /api/articles -X POST -H "$AUTH" -H "$JSON" -H "Origin: $URL" --data-binary "$hello"
bad rebound 403 /api/events -H 'Host: evil.example'
bad rebound2 403 /api/health -H "Host: evil.example:${URL##*:}"
req localname 200 /api/health -H "Host: localhost:${URL##*:}"
curl -s -D "$tmp/hdr" -o /dev/null "$URL/"
for h in "Content-Security-Policy: default-src 'self'" "X-Frame-Options: DENY" "Referrer-Policy: no-referrer"; do
    grep -qiF "$h" "$tmp/hdr" || { echo "the dashboard lacks $h"; fail=1; }
done

# still alive, nothing lost, clean exit (the sanitizers check the shutdown)
req health2 200 /api/health
req all2 200 '/api/events?limit=10000'
check all2 'd.count >= '"$all"
serve_stop || { echo "dyad serve exited with $?"; cat "$tmp/log"; fail=1; }
grep -q "warning" "$tmp/log" && { echo "a warning serving on loopback with a token:"; cat "$tmp/log"; fail=1; }
# no token: writing is off unless --allow-post; beyond loopback with no
# token, a warning
serve_start "$DYAD" "$db" "$tmp/log2" || exit 1
bad writeoff 403 /api/articles -X POST -H "$JSON" --data-binary "$hello"
check writeoff 'd.error.includes("--token")'
serve_stop || { echo "dyad serve exited with $?"; cat "$tmp/log2"; fail=1; }
"$DYAD" serve --db "$db" --port 0 --host 0.0.0.0 2>"$tmp/log3" &
SERVE_PID=$!
i=0
while ! grep -q "serving" "$tmp/log3" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
serve_stop
grep -q "warning: listening on 0.0.0.0, beyond this machine, with no --token" "$tmp/log3" ||
    { echo "no warning serving beyond loopback without a token:"; cat "$tmp/log3"; fail=1; }
SERVE_PID=""
exit $fail
