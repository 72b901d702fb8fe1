// main.js -- the Dyad dashboard: the filters (kept in the address), the key
// figures counted over all matches by the API's aggregate routes, and the
// loading of every panel: timeline (timeline.js), map (map.js), event
// table (table.js), dyad network (network.js), top actors, casualty
// figures (figures.js) and the drawer (drawer.js).
import "uplot/dist/uPlot.min.css";
import "leaflet/dist/leaflet.css";
import "./style.css";
import { $, action, api, el, fmt, quadOfRoot, ROOTS } from "./util.js";
import { bin, drawTimeline, resizeTimeline } from "./timeline.js";
import { initMap, plotPoints, resizeMap, shadeCountries } from "./map.js";
import { eventOrder, initTable, setEvents } from "./table.js";
import { drawNetwork } from "./network.js";
import { drawFigures } from "./figures.js";
import { initDrawer, openArticle, openEvent, searchArticles } from "./drawer.js";

const BOUND = 2000; // events the table holds (and the map's points)
const MAX = 10000; // the API's largest limit

// ---------------------------------------------------------------- filters

const FIELDS = ["actor", "source", "target", "country", "code", "quad", "from", "to", "text"];
// the filters casualty figures take (the others are events' only)
const FIGURE_FIELDS = ["actor", "from", "to", "text"];
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

// From /api/stats by root (every event has one root: the sums are the
// totals) and by day (its total is the number of days; "" is the undated).
function kpis(roots, days, actors, dyads) {
  const sum = (gs, k) => gs.reduce((n, g) => n + g[k], 0);
  const events = sum(roots.groups, "events");
  const conflict = sum(roots.groups.filter((g) => quadOfRoot(g.key) >= 3), "events");
  const first = days.groups[0], undatedFirst = !!first && (first.key === null || first.key === "");
  const undated = undatedFirst ? first.events : 0;
  const ndays = days.total - (undatedFirst ? 1 : 0);
  const figures = [
    ["events", "Events", events], ["mentions", "Mentions", sum(roots.groups, "mentions")],
    ["actors", "Actors", actors.total], ["dyads", "Dyads", dyads.total], ["days", "Days", ndays],
    ["conflict", "Conflict share", events ? `${Math.round((100 * conflict) / events)}%` : "–"],
    ["undated", "Undated", undated],
  ];
  $("#kpis").replaceChildren(...figures.map(([id, k, v]) =>
    el("div", { class: "kpi", "data-kpi": id, "data-value": typeof v === "number" ? v : null },
      el("b", {}, typeof v === "number" ? fmt(v) : v), el("span", {}, k))));
  return events;
}

// ---------------------------------------------------------------- side lists

function actorsList(actors) {
  const max = actors[0]?.events || 1;
  $("#actors").replaceChildren(...actors.slice(0, 15).map((a) =>
    el("li", {}, action(a.code, () => filterActor(a.code)),
      el("span", { class: "bar", style: `width:${Math.round((100 * a.events) / max)}%` }),
      el("span", { class: "num" }, a.events))));
  $("#actor-list").replaceChildren(...actors.map((a) => el("option", { value: a.code })));
}

// ---------------------------------------------------------------- loading

let loads = 0; // the latest load: an older one's answers are dropped
let eventLoads = 0; // likewise for the table's own fetches
let matches = 0; // events matching the filters, from the key figures

// The table's events (and the map's points): the first BOUND of the
// matches in the table's order.
const fetchEvents = (f) => api(`/api/events?${qs(f, { limit: BOUND, ...eventOrder() })}`);
// The export links: every event of the filters in the table's order, as
// the API's downloads (CSV, or JSON one event a line), not just those held.
function exportLinks(f) {
  const q = qs(f, eventOrder());
  $("#export-csv").href = `/api/events.csv?${q}`;
  $("#export-json").href = `/api/events.ndjson?${q}`;
}

function showEvents(ev) {
  setEvents(ev.events, matches, ev.next);
  exportLinks(readFilters());
  plotPoints(ev.events, openEvent);
  $("#map-note").textContent = `points: events with a place${ev.count < matches ? ` among the ${fmt(ev.count)} in the table` : ""}`;
  const o = eventOrder();
  document.body.dataset.events = `${o.sort}:${o.order}`;
}

// The events again, in the order the table now wants.
async function refetch() {
  const seq = ++eventLoads;
  document.body.classList.add("loading");
  try {
    const ev = await fetchEvents(readFilters());
    if (seq === eventLoads) showEvents(ev);
  } catch (err) {
    showError(err.message);
  } finally {
    if (seq === eventLoads) document.body.classList.remove("loading");
  }
}

// The timeline's rows: /api/timeseries (day and root), or when it holds
// more than MAX groups, /api/stats by month without the QuadClass split.
async function timelineRows(f, series) {
  if (series.total <= series.series.length) return [series.series, null, ""];
  const m = await api(`/api/stats?${qs(f, { by: "month", limit: MAX })}`);
  const rows = m.groups.map((g) => ({ day: g.key ? g.key + "-01" : "", root: "", events: g.events }));
  return [rows, "month", `${fmt(series.total)} day and root groups are too many to split by QuadClass: all events by month.`];
}

async function load() {
  const f = readFilters();
  const seq = ++loads;
  ++eventLoads;
  history.replaceState(null, "", "#" + qs(f));
  document.body.classList.add("loading");
  try {
    const figureFilters = Object.fromEntries(Object.entries(f).filter(([k]) => FIGURE_FIELDS.includes(k)));
    const [roots, days, ev, ac, dy, se, fi] = await Promise.all([
      api(`/api/stats?${qs(f, { by: "root", limit: 100 })}`), api(`/api/stats?${qs(f, { by: "day", limit: 1 })}`),
      fetchEvents(f), api(`/api/actors?${qs(f, { limit: 500 })}`),
      api(`/api/dyads?${qs(f, { limit: MAX })}`), api(`/api/timeseries?${qs(f, { limit: MAX })}`),
      api(`/api/figures?${qs(figureFilters)}`),
    ]);
    const [rows, unit, note] = await timelineRows(f, se);
    if (seq !== loads) return;
    showError("");
    matches = kpis(roots, days, ac, dy);
    drawTimeline(bin(rows, unit), note);
    shadeCountries(dy.dyads, dy.total);
    showEvents(ev);
    drawNetwork(dy.dyads, f.actor, filterActor);
    actorsList(ac.actors);
    drawFigures(fi.figures, openArticle);
  } catch (err) {
    if (seq === loads) showError(err.message);
  } finally {
    if (seq === loads) {
      document.body.classList.remove("loading");
      document.body.dataset.loaded = String(seq);
      document.body.dataset.view = qs(f);
    }
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
  initDrawer(showError);
  const more = (cursor) => api(`/api/events?${qs(readFilters(), { limit: BOUND, ...eventOrder(), cursor })}`);
  initTable({ filterActor, openEvent, openArticle, refetch, more, showError });
  initMap();
  window.addEventListener("resize", () => { resizeTimeline(); resizeMap(); });
  load();
}

init();
