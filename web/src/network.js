// network.js -- the dyad network: the strongest dyads of /api/dyads as
// arrows from source to target, laid out by d3-force (links, repulsion, a
// weak pull to the centre and collision circles as wide as each label, so
// labels do not overlap), then fitted into the panel. Edge width grows
// with the dyad's events; a click on an actor filters the dashboard by it.
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from "d3-force";
import { $, svgEl } from "./util.js";

export const TOP = 40; // dyads drawn

// The dyads drawn: both actors known and not the same, most events first.
export const topDyads = (dyads) => dyads.filter((d) => d.source && d.target && d.source !== d.target).slice(0, TOP);

const LABEL_H = 14; // a label's height below its node

export function drawNetwork(dyads, current, onActor) {
  const svg = $("#network");
  svg.replaceChildren();
  const top = topDyads(dyads);
  const W = Math.max(280, svg.clientWidth || 600), H = Math.max(260, svg.clientHeight || 420);
  if (!top.length) {
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    svg.append(svgEl("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty" }, "No dyads."));
    return;
  }
  const deg = new Map();
  for (const d of top) for (const a of [d.source, d.target]) deg.set(a, (deg.get(a) || 0) + d.events);
  const maxD = Math.max(...deg.values()), maxE = Math.max(...top.map((d) => d.events));
  const nodes = [...deg.keys()].map((id) => ({ id, r: 4 + 8 * Math.sqrt(deg.get(id) / maxD) }));
  const links = top.map((d) => ({ source: d.source, target: d.target, d }));

  const edges = svgEl("g", { class: "edges" }), group = svgEl("g", { class: "nodes" });
  svg.append(svgEl("defs"), edges, group);
  svg.querySelector("defs").innerHTML = '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#7c8aa3"/></marker>';
  // labels first, to measure their widths for the collision circles
  for (const n of nodes) {
    n.g = svgEl("g", { class: `node${n.id === current ? " current" : ""}`, "data-actor": n.id });
    n.label = svgEl("text", { y: n.r + LABEL_H - 3, "text-anchor": "middle" }, n.id);
    n.g.append(svgEl("circle", { r: n.r }), n.label, svgEl("title", {}, `${n.id}: ${deg.get(n.id)} events in these dyads — click to filter`));
    n.g.addEventListener("click", () => onActor(n.id));
    n.g.addEventListener("mouseenter", () => {
      svg.classList.add("focus");
      for (const e of edges.querySelectorAll(`[data-source="${n.id}"], [data-target="${n.id}"]`)) e.classList.add("hot");
    });
    n.g.addEventListener("mouseleave", () => {
      svg.classList.remove("focus");
      for (const e of edges.querySelectorAll(".hot")) e.classList.remove("hot");
    });
    group.append(n.g);
  }
  for (const n of nodes) n.w = n.label.getComputedTextLength() || 7 * n.id.length;

  const sim = forceSimulation(nodes)
    .force("link", forceLink(links).id((n) => n.id).distance((l) => 40 + (l.source.w + l.target.w) / 4).strength(0.25))
    .force("charge", forceManyBody().strength(-160))
    .force("x", forceX(0).strength(0.05))
    .force("y", forceY(0).strength(0.07))
    .force("collide", forceCollide((n) => Math.max(n.r, n.w / 2) + 6).strength(1).iterations(3))
    .stop();
  for (let i = 0; i < 400; i++) sim.tick();

  // spread: a small drawing's positions are stretched to fill the panel
  // (the nodes and labels keep their size); fit: a large one is scaled down
  const ext = (f) => [Math.min(...nodes.map(f)), Math.max(...nodes.map(f))];
  const [nx0, nx1] = ext((n) => n.x), [ny0, ny1] = ext((n) => n.y);
  const mw = Math.max(...nodes.map((n) => Math.max(n.r, n.w / 2))), mr = Math.max(...nodes.map((n) => n.r));
  const grow = Math.min(3, (W - 24 - 2 * mw) / Math.max(1, nx1 - nx0), (H - 24 - 2 * mr - LABEL_H) / Math.max(1, ny1 - ny0));
  if (grow > 1) for (const n of nodes) { n.x *= grow; n.y *= grow; }
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const n of nodes) {
    const hw = Math.max(n.r, n.w / 2);
    x0 = Math.min(x0, n.x - hw); x1 = Math.max(x1, n.x + hw);
    y0 = Math.min(y0, n.y - n.r); y1 = Math.max(y1, n.y + n.r + LABEL_H);
  }
  const pad = 10, bw = Math.max(W, x1 - x0 + 2 * pad), bh = Math.max(H, y1 - y0 + 2 * pad);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  svg.setAttribute("viewBox", `${cx - bw / 2} ${cy - bh / 2} ${bw} ${bh}`);

  const pair = new Set(top.map((d) => `${d.source}>${d.target}`));
  for (const { source: a, target: b, d } of links) {
    const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
    const ux = dx / len, uy = dy / len;
    const sx = a.x + ux * (a.r + 1), sy = a.y + uy * (a.r + 1), tx = b.x - ux * (b.r + 2), ty = b.y - uy * (b.r + 2);
    // a dyad with its reverse bends aside so both arrows show
    const bend = pair.has(`${d.target}>${d.source}`) ? 0.15 * len : 0;
    const mx = (sx + tx) / 2 - uy * bend, my = (sy + ty) / 2 + ux * bend;
    const path = svgEl("path", {
      d: `M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`,
      class: "edge", "stroke-width": (1 + 5 * Math.sqrt(d.events / maxE)).toFixed(2), "marker-end": "url(#arrow)",
      "data-source": d.source, "data-target": d.target, "data-events": d.events,
    });
    path.append(svgEl("title", {}, `${d.source} → ${d.target}: ${d.events} events, ${d.mentions} mentions`));
    edges.append(path);
  }
  for (const n of nodes) n.g.setAttribute("transform", `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
}
