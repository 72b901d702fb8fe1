// main.js -- the Dyad dashboard: filters, key figures, timeline (uPlot),
// map of country outlines (Leaflet + world-atlas, no tiles), event table,
// dyad network, and a drawer with one event's mentions or one article, the
// source, verb and target highlighted from the API's character offsets.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import "./style.css";
import { linkable } from "./links.js";

const ISO3 = __ISO3__; // alpha-3 -> {n: numeric, name}
const QUADS = [
  { name: "Verbal cooperation", color: "#4e9af1" },
  { name: "Material cooperation", color: "#35b37e" },
  { name: "Verbal conflict", color: "#f0a33a" },
  { name: "Material conflict", color: "#e5484d" },
];
const ROOTS = {
  "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
  "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
  "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
  "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
  "19": "Fight", "20": "Use unconventional mass violence",
};
const quadOfRoot = (r) => { const n = +r; return n <= 5 ? 1 : n <= 8 ? 2 : n <= 13 ? 3 : 4; };

const $ = (s) => document.querySelector(s);
function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k.nodeType ? k : String(k));
  return e;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

// ---------------------------------------------------------------- filters

const FIELDS = ["actor", "code", "from", "to", "text"];
function readFilters() {
  const f = {};
  for (const k of FIELDS) { const v = $(`#f-${k}`).value.trim(); if (v) f[k] = v; }
  return f;
}
function writeFilters(f) { for (const k of FIELDS) $(`#f-${k}`).value = f[k] || ""; }
const qs = (f, extra = {}) => new URLSearchParams({ ...f, ...extra }).toString();
function filtersFromHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const f = {};
  for (const k of FIELDS) if (p.get(k)) f[k] = p.get(k);
  return f;
}

function showError(msg) {
  let bar = $("#error");
  if (!bar) { bar = el("div", { id: "error", class: "error" }); document.body.prepend(bar); }
  bar.textContent = msg;
  bar.hidden = !msg;
}

// ---------------------------------------------------------------- key figures

function kpis(events, actors, series) {
  const mentions = events.reduce((n, e) => n + e.num_mentions, 0);
  const days = new Set(series.map((s) => s.day)).size;
  const conflict = events.filter((e) => e.quad >= 3).length;
  const gold = events.length ? events.reduce((n, e) => n + e.goldstein, 0) / events.length : 0;
  const box = $("#kpis");
  box.replaceChildren(
    ...[
      ["Events", events.length], ["Mentions", mentions], ["Actors", actors.length], ["Days", days],
      ["Conflict share", events.length ? `${Math.round((100 * conflict) / events.length)}%` : "–"],
      ["Mean Goldstein", gold.toFixed(1)],
    ].map(([k, v]) => el("div", { class: "kpi" }, el("b", {}, v), el("span", {}, k))),
  );
}

// ---------------------------------------------------------------- timeline

let plot = null;
function timeline(series) {
  const days = [...new Set(series.map((s) => s.day))].sort();
  const box = $("#timeline");
  if (plot) { plot.destroy(); plot = null; }
  box.replaceChildren();
  if (!days.length) { box.append(el("p", { class: "muted" }, "No events.")); return; }
  const idx = new Map(days.map((d, i) => [d, i]));
  const ys = QUADS.map(() => new Array(days.length).fill(0));
  for (const s of series) ys[quadOfRoot(s.root) - 1][idx.get(s.day)] += s.events;
  // stacked: each series is the sum of itself and those below
  const stacked = ys.map((_, q) => days.map((__, i) => ys.slice(0, q + 1).reduce((n, y) => n + y[i], 0)));
  const xs = days.map((d) => Date.parse(d + "T00:00:00Z") / 1000);
  // stacked bars: the tallest (all quads) is drawn first, each lower
  // stack over it, so every band shows its own colour
  const order = [3, 2, 1, 0];
  const bars = uPlot.paths.bars({ size: [0.8, 14], gap: 1 });
  const opts = {
    width: box.clientWidth || 600, height: 210,
    scales: { x: { time: true, range: (u, lo, hi) => [lo - 86400 * 2, hi + 86400 * 2] }, y: { range: (u, lo, hi) => [0, Math.max(1, hi)] } },
    series: [
      { value: (u, v) => (v == null ? "–" : new Date(v * 1000).toISOString().slice(0, 10)) },
      ...order.map((q) => ({
        label: QUADS[q].name, stroke: QUADS[q].color, fill: QUADS[q].color, width: 0, paths: bars,
        value: (u, v, si, di) => (di == null ? "–" : ys[q][di]), points: { show: false },
      })),
    ],
    axes: [{ stroke: "#9aa4b2", grid: { stroke: "#2a3140" }, ticks: { stroke: "#2a3140" } },
           { stroke: "#9aa4b2", grid: { stroke: "#2a3140" }, ticks: { stroke: "#2a3140" } }],
    legend: { live: true },
  };
  plot = new uPlot(opts, [xs, ...order.map((q) => stacked[q])], box);
}

// ---------------------------------------------------------------- map

let map = null, countryLayer = null, pointLayer = null;
function initMap() {
  map = L.map("map", { worldCopyJump: true, attributionControl: false, minZoom: 1, maxZoom: 7 }).setView([28, 30], 2);
  const countries = feature(world, world.objects.countries);
  // rings that cross the antimeridian (Russia, Fiji, the Aleutians) would be
  // drawn across the whole plane: move their western part east of 180
  const unwrap = (ring) => {
    const lons = ring.map((p) => p[0]);
    if (Math.max(...lons) - Math.min(...lons) <= 180) return ring;
    return ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]);
  };
  for (const f of countries.features) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
    else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((poly) => poly.map(unwrap));
  }
  countryLayer = L.geoJSON(countries, {
    style: () => ({ color: "#3b4558", weight: 0.6, fillColor: "#1c2230", fillOpacity: 1 }),
  }).addTo(map);
  pointLayer = L.layerGroup().addTo(map);
}

function plotMap(events) {
  const counts = new Map();
  for (const e of events)
    for (const code of new Set([(e.source || "").slice(0, 3), (e.target || "").slice(0, 3)])) {
      const c = ISO3[code];
      if (c) counts.set(c.n, (counts.get(c.n) || 0) + 1);
    }
  const max = Math.max(1, ...counts.values());
  let bounds = null;
  countryLayer.eachLayer((layer) => {
    const n = counts.get(String(layer.feature.id).padStart(3, "0")) || 0;
    if (n) bounds = bounds ? bounds.extend(layer.getBounds()) : L.latLngBounds(layer.getBounds().getSouthWest(), layer.getBounds().getNorthEast());
    const t = n ? 0.25 + 0.75 * Math.sqrt(n / max) : 0;
    layer.setStyle({ fillColor: n ? `rgba(240, 163, 58, ${t})` : "#1c2230" });
    layer.unbindTooltip();
    if (n) layer.bindTooltip(`${layer.feature.properties.name}: ${n} event${n > 1 ? "s" : ""}`, { sticky: true });
  });
  // events that carry coordinates (places) become points
  pointLayer.clearLayers();
  for (const e of events)
    if (typeof e.place_lat === "number" && typeof e.place_lon === "number") {
      const at = [e.place_lat, e.place_lon];
      bounds = bounds ? bounds.extend(at) : L.latLngBounds(at, at);
      L.circleMarker(at, { className: "event-point", radius: 4 + Math.min(8, e.num_mentions), color: QUADS[e.quad - 1]?.color || "#fff", weight: 1, fillOpacity: 0.7 })
        .bindTooltip(`${e.date || "undated"} ${e.source || "–"} ${e.code} ${e.target || "–"} · ${e.place}`)
        .on("click", () => openEvent(e.id))
        .addTo(pointLayer);
    }
  if (bounds) map.fitBounds(bounds, { padding: [12, 12], maxZoom: 5 });
}

// ---------------------------------------------------------------- event table

function actorCell(code, text) {
  return el("td", { class: "actor", title: text || "" },
    code ? el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); filterActor(code); } }, code) : el("span", { class: "muted" }, "–"));
}

function table(events, limit) {
  $("#events-count").textContent = events.length >= limit ? `first ${events.length}` : `${events.length}`;
  const body = $("#events-table tbody");
  body.replaceChildren(...events.map((e) =>
    el("tr", { "data-id": e.id, class: `q${e.quad}`, onclick: () => openEvent(e.id) },
      el("td", { class: "date" }, e.date || "–"),
      actorCell(e.source, e.source_text),
      el("td", { class: "code" }, el("span", { class: `pill q${e.quad}` }, e.code), " ", e.code_name || ""),
      actorCell(e.target, e.target_text),
      el("td", { class: "num" }, e.num_mentions),
      el("td", { class: "num" }, e.num_articles),
      el("td", { class: "sentence" }, e.sentence_text || ""),
    )));
}

// ---------------------------------------------------------------- network

function network(dyads) {
  const svg = $("#network");
  const NS = "http://www.w3.org/2000/svg";
  const s = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text) e.textContent = text;
    return e;
  };
  svg.replaceChildren();
  const top = dyads.filter((d) => d.source && d.target).slice(0, 40);
  const names = [...new Set(top.flatMap((d) => [d.source, d.target]))];
  if (!names.length) { svg.append(s("text", { x: 300, y: 210, "text-anchor": "middle", class: "muted" }, "No dyads.")); return; }
  const W = 600, H = 420;
  const deg = new Map(names.map((n) => [n, 0]));
  for (const d of top) { deg.set(d.source, deg.get(d.source) + d.events); deg.set(d.target, deg.get(d.target) + d.events); }
  // a small force layout: start on a circle, repel all pairs, pull along edges
  const nodes = names.map((n, i) => ({ n, x: W / 2 + 150 * Math.cos((2 * Math.PI * i) / names.length), y: H / 2 + 150 * Math.sin((2 * Math.PI * i) / names.length) }));
  const at = new Map(nodes.map((p) => [p.n, p]));
  for (let it = 0; it < 300; it++) {
    for (const a of nodes) { a.dx = (W / 2 - a.x) * 0.01; a.dy = (H / 2 - a.y) * 0.01; }
    for (const a of nodes) for (const b of nodes) {
      if (a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(dx * dx + dy * dy, 25);
      a.dx += (dx / d2) * 1800; a.dy += (dy / d2) * 1800;
    }
    for (const d of top) {
      const a = at.get(d.source), b = at.get(d.target);
      if (a === b) continue;
      const dx = b.x - a.x, dy = b.y - a.y;
      a.dx += dx * 0.02; a.dy += dy * 0.02; b.dx -= dx * 0.02; b.dy -= dy * 0.02;
    }
    const step = 1 - it / 300;
    for (const a of nodes) {
      a.x = Math.min(W - 90, Math.max(30, a.x + Math.max(-20, Math.min(20, a.dx)) * step));
      a.y = Math.min(H - 20, Math.max(20, a.y + Math.max(-20, Math.min(20, a.dy)) * step));
    }
  }
  const maxE = Math.max(...top.map((d) => d.events));
  svg.append(s("defs", {}), s("g", { id: "edges" }), s("g", { id: "nodes" }));
  svg.querySelector("defs").innerHTML = '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#6b7789"/></marker>';
  for (const d of top) {
    const a = at.get(d.source), b = at.get(d.target);
    const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1, r = 9;
    const line = s("line", { x1: a.x + (dx / len) * r, y1: a.y + (dy / len) * r, x2: b.x - (dx / len) * r, y2: b.y - (dy / len) * r,
      "stroke-width": 1 + (3 * d.events) / maxE, class: "edge", "marker-end": "url(#arrow)" });
    line.append(s("title", {}, `${d.source} → ${d.target}: ${d.events} events`));
    svg.querySelector("#edges").append(line);
  }
  const maxD = Math.max(...deg.values());
  for (const p of nodes) {
    const g = s("g", { class: "node", transform: `translate(${p.x},${p.y})` });
    g.append(s("circle", { r: 4 + (6 * deg.get(p.n)) / maxD }), s("text", { x: 10, y: 4 }, p.n), s("title", {}, `${p.n}: ${deg.get(p.n)} events`));
    g.addEventListener("click", () => filterActor(p.n));
    svg.querySelector("#nodes").append(g);
  }
}

// ---------------------------------------------------------------- side lists

function actorsList(actors) {
  $("#actors").replaceChildren(...actors.slice(0, 15).map((a) =>
    el("li", {}, el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); filterActor(a.code); } }, a.code),
      el("span", { class: "bar", style: `width:${Math.round((100 * a.events) / actors[0].events)}%` }),
      el("span", { class: "num" }, a.events))));
  $("#actor-list").replaceChildren(...actors.map((a) => el("option", { value: a.code })));
}

// Casualty figures, largest first: the number as reported, its kind, where
// and by whose account; a click opens the article the figure comes from.
function figuresList(figures) {
  const box = $("#figures");
  if (!figures.length) { box.textContent = "No casualty figures for these filters."; return; }
  const fmt = (n) => Number(n).toLocaleString("en-US");
  const rows = [...figures].sort((a, b) => b.value - a.value).slice(0, 12);
  box.replaceChildren(el("ul", { class: "figures" }, rows.map((f) =>
    el("li", { title: f.sentence_text || "" },
      el("span", { class: `fig-num fig-${f.kind}` },
        `${f.qualifier ? f.qualifier + " " : ""}${fmt(f.value)}${f.value_max > f.value ? "–" + fmt(f.value_max) : ""}`),
      " ", el("span", { class: "fig-kind" }, f.released ? `${f.kind} released` : f.kind),
      f.place ? ` · ${f.place}` : "",
      f.perpetrator_code ? ` · by ${f.perpetrator_code}` : "",
      el("div", { class: "fig-meta" },
        el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); openArticle(f.article); } }, f.article),
        ` · ${f.date || "undated"}${f.cited_text ? " · " + f.cited_text : ""}`)))));
}

// ---------------------------------------------------------------- drawer

// A sentence with spans [start, end) in code points wrapped in <mark>s.
function highlight(text, spans) {
  const chars = Array.from(text);
  const marks = spans.filter((s) => s.span && s.span[1] > s.span[0]).sort((a, b) => a.span[0] - b.span[0]);
  const out = [];
  let at = 0;
  for (const m of marks) {
    if (m.span[0] < at) continue; // overlapping spans: keep the first
    out.push(chars.slice(at, m.span[0]).join(""));
    const open = m.event ? () => openEvent(m.event) : undefined;
    out.push(el("mark", { class: m.event ? `${m.cls} link` : m.cls, title: m.title, onclick: open }, chars.slice(m.span[0], m.span[1]).join("")));
    at = m.span[1];
  }
  out.push(chars.slice(at).join(""));
  return out;
}

// The source, verb and target spans of a mention; shift moves them from the
// sentence into the article.
function mentionSpans(m, shift = 0) {
  const sh = (s) => (s ? [s[0] + shift, s[1] + shift] : null);
  return [
    { span: sh(m.source_span), cls: "src", title: `source ${m.source}` },
    { span: sh(m.verb_span), cls: "verb", title: `event ${m.code} (${m.source || "–"} → ${m.target || "–"})` },
    { span: sh(m.target_span), cls: "tgt", title: `target ${m.target}` },
  ];
}

function openDrawer(...content) {
  $("#drawer-body").replaceChildren(...content);
  $("#drawer").hidden = false;
}

async function openEvent(id) {
  try {
    const e = await api(`/api/events/${id}`);
    document.querySelectorAll("#events-table tr.selected").forEach((r) => r.classList.remove("selected"));
    document.querySelector(`#events-table tr[data-id="${id}"]`)?.classList.add("selected");
    openDrawer(
      el("div", { class: "eyebrow" }, `Event ${e.id} · ${e.date || "undated"}`),
      el("h3", {}, el("span", { class: `pill q${e.quad}` }, e.code), " ", e.code_name || ""),
      el("div", { class: "dyad" }, el("mark", { class: "src" }, e.source || "–"), " → ", el("mark", { class: "tgt" }, e.target || "–")),
      el("dl", { class: "facts" },
        el("dt", {}, "QuadClass"), el("dd", {}, QUADS[e.quad - 1]?.name || e.quad),
        el("dt", {}, "Goldstein"), el("dd", {}, e.goldstein.toFixed(1)),
        el("dt", {}, "Reports"), el("dd", {}, `${e.num_mentions} mentions · ${e.num_sources} sources · ${e.num_articles} articles`)),
      el("h4", {}, "Mentions"),
      el("ol", { class: "mentions" }, e.mentions.map((m) => el("li", { class: "mention" },
        el("blockquote", { class: "hl" }, highlight(m.sentence_text || "", mentionSpans(m))),
        el("div", { class: "meta" },
          el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); openArticle(m.article); } }, m.title || m.article),
          ` · ${m.news_source || "unknown source"} · ${m.date || "undated"} · sentence ${m.sentence + 1}`,
          m.date_text ? ` · dated by “${m.date_text}”` : "",
          linkable(m.url) ? el("a", { href: linkable(m.url), target: "_blank", rel: "noopener noreferrer" }, " ↗") : null),
        el("div", { class: "rule" }, m.rule)))),
    );
  } catch (err) { showError(`event ${id}: ${err.message}`); }
}

async function openArticle(id) {
  try {
    const a = await api(`/api/articles/${encodeURIComponent(id)}`);
    const spans = a.mentions.flatMap((m) => mentionSpans(m, m.sentence_start).map((x) => ({ ...x, event: m.event })));
    openDrawer(
      el("div", { class: "eyebrow" }, `Article ${a.id} · ${a.date || "undated"} · ${a.news_source || "unknown source"}`),
      el("h3", {}, a.title || a.id),
      el("div", { class: "legend" }, el("mark", { class: "src" }, "source"), " ", el("mark", { class: "verb" }, "event"), " ", el("mark", { class: "tgt" }, "target"),
        ` · ${a.mentions.length} event mentions`),
      el("div", { class: "article-text" }, highlight(a.text || "", spans)),
      el("h4", {}, "Events in this article"),
      el("ul", { class: "plain" }, a.mentions.map((m) => el("li", {},
        el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); openEvent(m.event); } }, `${m.source || "–"} ${m.code} ${m.target || "–"}`),
        ` — ${m.source_text || "–"} / ${m.verb_text || "–"} / ${m.target_text || "–"}`))),
    );
  } catch (err) { showError(`article ${id}: ${err.message}`); }
}

async function searchArticles(text) {
  try {
    const r = await api(`/api/articles?${qs({ q: text, limit: 50 })}`);
    const snip = (s) => s.split("\u0002").flatMap((part, i) => {
      if (!i) return [part];
      const [hit, rest] = part.split("\u0003");
      return [el("mark", { class: "hit" }, hit), rest || ""];
    });
    openDrawer(
      el("div", { class: "eyebrow" }, `Article search`),
      el("h3", {}, `“${text}” — ${r.articles.length} article${r.articles.length === 1 ? "" : "s"}`),
      el("ol", { class: "mentions" }, r.articles.map((a) => el("li", { class: "mention" },
        el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); openArticle(a.id); } }, a.title || a.id),
        el("div", { class: "meta" }, `${a.date || "undated"} · ${a.news_source || "unknown source"} · ${a.num_mentions} event mentions`),
        el("blockquote", {}, snip(a.snippet || ""))))),
    );
  } catch (err) { showError(`search: ${err.message}`); }
}

// ---------------------------------------------------------------- loading

async function load() {
  const f = readFilters();
  history.replaceState(null, "", "#" + qs(f));
  document.body.classList.add("loading");
  try {
    const limit = 2000;
    const { code, ...figureFilters } = f; // figures have no CAMEO code
    const [ev, ac, dy, se, fi] = await Promise.all([
      api(`/api/events?${qs(f, { limit })}`), api(`/api/actors?${qs(f)}`), api(`/api/dyads?${qs(f)}`),
      api(`/api/timeseries?${qs(f)}`), api(`/api/figures?${qs(figureFilters)}`),
    ]);
    showError("");
    kpis(ev.events, ac.actors, se.series);
    timeline(se.series);
    plotMap(ev.events);
    table(ev.events, limit);
    network(dy.dyads);
    actorsList(ac.actors);
    figuresList(fi.figures);
  } catch (err) {
    showError(err.message);
  } finally {
    document.body.classList.remove("loading");
    document.body.dataset.loaded = String(Date.now());
  }
}

function filterActor(code) {
  $("#f-actor").value = code;
  load();
}

function init() {
  const sel = $("#f-code");
  for (const [r, name] of Object.entries(ROOTS)) sel.append(el("option", { value: r }, `${r} ${name}`));
  writeFilters(filtersFromHash());
  $("#filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    load();
    const t = $("#f-text").value.trim();
    if (t) searchArticles(t);
  });
  $("#f-reset").addEventListener("click", () => { writeFilters({}); load(); });
  $("#drawer-close").addEventListener("click", () => { $("#drawer").hidden = true; });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") $("#drawer").hidden = true; });
  initMap();
  window.addEventListener("resize", () => { if (plot) plot.setSize({ width: $("#timeline").clientWidth, height: 210 }); map.invalidateSize(); });
  load();
}

init();
