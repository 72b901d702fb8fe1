#!/bin/sh
# /api/openapi.json against the code: every route the API's router names
# (src/api/http_api.c) is described and every described path is a route;
# each described operation answers (not 404/405), takes each parameter it
# describes and refuses one it does not; a method a path does not describe
# is a 405 whose Allow lists the described ones; the records of the
# answers (events, mentions, figures, articles) have the fields its schemas
# describe, in their order, of their types.
set -u
. tests/e2e/lib/serve.sh
serve_setup
"$FAST" ingest --db "$tmp/s.db" tests/fixtures/news.jsonl examples/*.txt 2>/dev/null || { echo "ingest failed"; exit 1; }
serve_start "$DYAD" "$tmp/s.db" "$tmp/log" --token t || exit 1
# the router's paths: "/x" compared whole, "/x/" a prefix followed by an id
sed -n '/^void http_api_handle/,/^}/p' src/api/http_api.c | grep -o '(rest, "/[a-z./]*"' | sed 's/^(rest, //' | tr -d '"' | sort -u >"$tmp/code"
[ -s "$tmp/code" ] || { echo "no routes found in src/api/http_api.c"; exit 1; }
node - "$URL" "$tmp/code" <<'JS'
const [url, codeFile] = process.argv.slice(2);
const fs = require("fs");
let fail = 0;
const bad = (m) => { console.log("FAIL " + m); fail = 1; };
(async () => {
  const r = await fetch(url + "/api/openapi.json");
  const doc = await r.json();
  if (r.status !== 200 || doc.openapi !== "3.1.0") bad("openapi.json: status " + r.status + ", openapi " + doc.openapi);
  const described = Object.keys(doc.paths);
  const code = fs.readFileSync(codeFile, "utf8").split("\n").filter(Boolean)
    .map((p) => "/api" + (p.endsWith("/") ? p + "{id}" : p));
  for (const p of code) if (!described.includes(p)) bad(`route ${p} in the code is not described`);
  for (const p of described) if (!code.includes(p)) bad(`described path ${p} is not a route of the code`);
  const ev = await (await fetch(url + "/api/events?limit=1")).json();
  const ar = await (await fetch(url + "/api/articles?q=Doha&limit=1")).json();
  const ids = { "/api/events/{id}": String(ev.events[0].id), "/api/articles/{id}": encodeURIComponent(ar.articles[0].id) };
  const sample = { q: "Doha", by: "root", kind: "killed", one_a_day: "1", from: "2024-01-01", to: "2024-12-31",
                   limit: "5", min_confidence: "0.5", actor: "ISR", code: "0", place: "Gaza", text: "Doha",
                   source: "ISR", target: "PSE", country: "ISR,QAT", quad: "3,4", goldstein_min: "-10",
                   goldstein_max: "0", sort: "mentions", order: "desc", cursor: "da2024-01-01~1" };
  const deref = (x) => x.$ref ? x.$ref.split("/").slice(1).reduce((o, k) => o[k], doc) : x;
  for (const [p, item] of Object.entries(doc.paths)) {
    const path = ids[p] ? p.replace("{id}", ids[p]) : p;
    const methods = Object.keys(item).map((m) => m.toUpperCase());
    if (item.get) {
      const params = (item.get.parameters || []).map(deref).filter((x) => x.in === "query");
      const required = params.filter((x) => x.required).map((x) => `${x.name}=${sample[x.name]}`);
      for (const x of params) {
        if (!(x.name in sample)) { bad(`${p}: no sample value for ${x.name}`); continue; }
        const qs = [...new Set([...required, `${x.name}=${sample[x.name]}`])].join("&");
        const res = await fetch(`${url}${path}?${qs}`);
        const body = await res.text();
        if (res.status !== 200) bad(`${p}?${qs}: status ${res.status} ${body.slice(0, 200)}`);
      }
      const base = `${url}${path}${required.length ? "?" + required.join("&") : ""}`;
      const ok = await fetch(base);
      if (ok.status !== 200) bad(`${p}: status ${ok.status}`);
      const sep = required.length ? "&" : "?";
      const un = await fetch(base + sep + "zzz=1");
      const ub = await un.json().catch(() => ({}));
      if (un.status !== 400 || !String(ub.error).includes("zzz")) bad(`${p}: an undescribed argument gave ${un.status} ${JSON.stringify(ub)}`);
    }
    for (const m of ["PUT", "DELETE", "PATCH"]) {
      if (methods.includes(m)) continue;
      const res = await fetch(url + path, { method: m, headers: { Authorization: "Bearer t" } });
      const allow = (res.headers.get("allow") || "").split(/, */).filter((x) => x !== "HEAD");
      if (res.status !== 405) bad(`${m} ${p}: status ${res.status}, want 405`);
      else if (allow.sort().join() !== methods.sort().join()) bad(`${m} ${p}: Allow ${allow} but described ${methods}`);
    }
  }
  // the records of the answers: the fields components.schemas describes, in
  // its order, each of a described type (docs/formats.md)
  let records = 0;
  const record = (what, obj, name, extra = []) => {
    const s = doc.components.schemas[name];
    const want = [...Object.keys(s.properties), ...extra], got = Object.keys(obj);
    if (want.join() !== got.join()) bad(`${what}: fields ${got} where ${name} describes ${want}`);
    for (const [k, p] of Object.entries(s.properties)) {
      const v = obj[k];
      if ("const" in p) { if (v !== p.const) bad(`${what}.${k} is ${JSON.stringify(v)}, not ${p.const}`); continue; }
      const types = [].concat(p.type);
      const t = v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v;
      if (!types.includes(t) && !(t === "integer" && types.includes("number")))
        bad(`${what}.${k} is ${JSON.stringify(v)}, not ${types.join(" or ")}`);
    }
    records++;
  };
  const get = async (p) => (await fetch(url + p)).json();
  const all = await get("/api/events?limit=10000");
  all.events.forEach((e, i) => record(`/api/events: event ${i}`, e, "Event"));
  const one = await get("/api/events/" + ids["/api/events/{id}"]);
  record("/api/events/{id}", one, "Event", ["mentions"]);
  one.mentions.forEach((m, i) => record(`/api/events/{id}: mention ${i}`, m, "Mention"));
  (await get("/api/figures")).figures.forEach((f, i) => record(`/api/figures: figure ${i}`, f, "Figure"));
  (await get("/api/articles?q=Doha")).articles.forEach((a, i) => record(`/api/articles: article ${i}`, a, "ArticleRecord"));
  const art = await get("/api/articles/" + ids["/api/articles/{id}"]);
  record("/api/articles/{id}", art, "ArticleRecord", ["mentions"]);
  if (records < 20) bad(`only ${records} records checked`);
  console.log(fail ? "openapi: FAILED" : `openapi: ${described.length} paths described, each answering as described; ${records} records as components.schemas describes them`);
  process.exit(fail);
})().catch((e) => { console.log("FAIL " + e); process.exit(1); });
JS
rc=$?
serve_stop || true
SERVE_PID=""
exit $rc
