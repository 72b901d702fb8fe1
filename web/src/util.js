// util.js -- what every panel of the dashboard shares: DOM helpers, the API
// fetch, number formatting and the CAMEO roots with their QuadClasses.

export const QUADS = [
  { name: "Verbal cooperation", color: "#4e9af1" },
  { name: "Material cooperation", color: "#35b37e" },
  { name: "Verbal conflict", color: "#f0a33a" },
  { name: "Material conflict", color: "#e5484d" },
];
export const ROOTS = {
  "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
  "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
  "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
  "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
  "19": "Fight", "20": "Use unconventional mass violence",
};
// GDELT QuadClass of a CAMEO root: 01-05 1, 06-08 2, 09-13 3, 14-20 4
export const quadOfRoot = (r) => { const n = +r; return n <= 5 ? 1 : n <= 8 ? 2 : n <= 13 ? 3 : 4; };

export const $ = (s) => document.querySelector(s);

export function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k.nodeType ? k : String(k));
  return e;
}

const SVG = "http://www.w3.org/2000/svg";
export function svgEl(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// A link that runs fn instead of following its href.
export const action = (text, fn, attrs = {}) =>
  el("a", { href: "#", ...attrs, onclick: (ev) => { ev.preventDefault(); ev.stopPropagation(); fn(); } }, text);

export const fmt = (n) => Number(n).toLocaleString("en-US");

export async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}
