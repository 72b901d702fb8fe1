// timeline.js -- the timeline panel: events of /api/timeseries (day and CAMEO
// root) summed into bins of a day, a week or a month as the dates' range
// needs, drawn as bars stacked by QuadClass with uPlot. Undated events are
// no point in time: their count is shown beside the chart, not plotted.
import uPlot from "uplot";
import { $, el, fmt, QUADS, quadOfRoot } from "./util.js";

const DAY = 86400;
const dayOf = (s) => Date.parse(s + "T00:00:00Z") / 1000; // seconds, UTC

// The bin unit for dates first..last (seconds): at most ~100 bars.
export function binUnit(first, last) {
  const days = (last - first) / DAY;
  return days <= 90 ? "day" : days <= 731 ? "week" : "month";
}

// The start of the bin holding t (seconds) and the start of the next one.
function binStart(t, unit) {
  if (unit === "day") return t;
  const d = new Date(t * 1000);
  if (unit === "week") return t - ((d.getUTCDay() + 6) % 7) * DAY; // Monday
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
}
function nextBin(t, unit) {
  if (unit === "day") return t + DAY;
  if (unit === "week") return t + 7 * DAY;
  const d = new Date(t * 1000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
}

// rows: [{day, root, events}] ("" day: undated; "" root: no QuadClass
// split); unit forced when given. Returns {unit, xs, ys[quad][bin],
// undated, dated, split}.
export function bin(rows, unit) {
  const dated = rows.filter((r) => r.day);
  const undated = rows.filter((r) => !r.day).reduce((n, r) => n + r.events, 0);
  const split = dated.every((r) => r.root);
  if (!dated.length) return { unit: unit || "day", xs: [], ys: QUADS.map(() => []), undated, dated: 0, split };
  const ts = dated.map((r) => dayOf(r.day));
  const lo = Math.min(...ts), hi = Math.max(...ts);
  unit = unit || binUnit(lo, hi);
  const xs = [];
  for (let t = binStart(lo, unit); t <= hi; t = nextBin(t, unit)) xs.push(t);
  const at = new Map(xs.map((t, i) => [t, i]));
  const ys = QUADS.map(() => new Array(xs.length).fill(0));
  dated.forEach((r, k) => { ys[split ? quadOfRoot(r.root) - 1 : 0][at.get(binStart(ts[k], unit))] += r.events; });
  return { unit, xs, ys, undated, dated: dated.reduce((n, r) => n + r.events, 0), split };
}

const label = (t, unit) => {
  const s = new Date(t * 1000).toISOString();
  return unit === "month" ? s.slice(0, 7) : unit === "week" ? `week of ${s.slice(0, 10)}` : s.slice(0, 10);
};

let plot = null;

// Draws b (from bin) into #timeline; note says why the split is missing.
export function drawTimeline(b, note) {
  const box = $("#timeline");
  if (plot) { plot.destroy(); plot = null; }
  box.replaceChildren();
  Object.assign(box.dataset, { unit: b.unit, bins: b.xs.length, events: b.dated, undated: b.undated });
  $("#timeline-unit").textContent = `events a ${b.unit}${b.split ? " by QuadClass" : ""}`;
  const und = $("#timeline-undated");
  und.hidden = !b.undated;
  und.replaceChildren(el("b", {}, fmt(b.undated)), ` undated event${b.undated === 1 ? "" : "s"}`, el("small", {}, "not on the timeline"));
  $("#timeline-note").textContent = note || "";
  if (!b.xs.length) { box.append(el("p", { class: "muted" }, b.undated ? "No dated events." : "No events.")); return; }
  const quads = b.split ? [3, 2, 1, 0] : [0]; // tallest stack first, each lower one over it
  const stacked = QUADS.map((_, q) => b.xs.map((__, i) => b.ys.slice(0, q + 1).reduce((n, y) => n + y[i], 0)));
  const half = ((b.xs.length > 1 ? b.xs[1] - b.xs[0] : DAY) / 2) | 0;
  const axis = { stroke: "#9aa4b2", grid: { stroke: "#2a3140" }, ticks: { stroke: "#2a3140" } };
  const opts = {
    width: box.clientWidth || 600, height: 210,
    scales: { x: { time: true, range: (u, lo, hi) => [lo - half, hi + half] }, y: { range: (u, lo, hi) => [0, Math.max(1, hi)] } },
    series: [
      { value: (u, v) => (v == null ? "–" : label(v, b.unit)) },
      ...quads.map((q) => ({
        label: b.split ? QUADS[q].name : "All events", stroke: QUADS[q].color, fill: QUADS[q].color, width: 0,
        paths: uPlot.paths.bars({ size: [0.85, 40], gap: 1 }),
        value: (u, v, si, di) => (di == null ? "–" : b.ys[q][di]), points: { show: false },
      })),
    ],
    axes: [axis, axis],
    legend: { live: true },
  };
  plot = new uPlot(opts, [b.xs, ...quads.map((q) => stacked[q])], box);
}

export function resizeTimeline() {
  if (plot) plot.setSize({ width: $("#timeline").clientWidth, height: 210 });
}
