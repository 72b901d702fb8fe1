// table.js -- the event table: date, source, event, target, mentions and
// articles; a click on a row opens a detail row (the sentence, the
// QuadClass, Goldstein, place, confidence, the article, all mentions). The
// table holds one bounded fetch of /api/events in the order of the date or
// mentions column (newest first at the start), sorts by the other columns
// within it, pages within it, and says so when more events match than it
// holds; in the API's order, Next on its last page reads the API's next
// page (by cursor) and holds it too; the export links beside it download
// every match.
import { $, action, el, fmt, QUADS } from "./util.js";
import { linkable } from "./links.js";

export const PAGE = 25; // rows a page

// Column keys as the header's data-sort names them, and their values.
const KEYS = {
  date: (e) => e.date, source: (e) => e.source, code: (e) => e.code, target: (e) => e.target,
  mentions: (e) => e.num_mentions, articles: (e) => e.num_articles,
};
const NUMERIC = new Set(["mentions", "articles"]);
const SERVER = { date: "date", mentions: "mentions" }; // columns the API sorts by (its sort=)
const HELD = { "date:-1": "newest", "date:1": "oldest (undated first)", "mentions:-1": "most mentioned", "mentions:1": "least mentioned" };

// The events in the order of sort ({key, dir: 1 | -1}); ties keep the
// API's order (date then id): Array.prototype.sort is stable.
export function sortEvents(events, sort) {
  if (!sort) return events;
  const v = KEYS[sort.key];
  return [...events].sort((a, b) => {
    const x = v(a), y = v(b);
    return sort.dir * (x < y ? -1 : x > y ? 1 : 0);
  });
}

// fetched: the API's order of the events held; sort: the order within
// them of another column (null: the API's)
const state = { events: [], total: 0, next: null, fetched: { key: "date", dir: -1 }, sort: null, page: 0, open: null, cb: null };

// Whether Next on the last page held reads the API's next page (the
// table in the API's order, and more to read).
const more = () => !!state.next && !state.sort;

// The query arguments of the order the table wants from /api/events.
export const eventOrder = () => ({ sort: SERVER[state.fetched.key], order: state.fetched.dir > 0 ? "asc" : "desc" });

function actorCell(code, text) {
  return el("td", { class: "actor", title: text || "" },
    code ? action(code, () => state.cb.filterActor(code)) : el("span", { class: "muted" }, "–"));
}

function detailRow(e) {
  const fact = (k, v) => [el("dt", {}, k), el("dd", {}, v)];
  const url = linkable(e.url);
  return el("tr", { class: "detail", "data-detail": e.id },
    el("td", { colspan: 6 },
      el("blockquote", { class: "sentence" }, e.sentence_text || "(no sentence stored)"),
      el("dl", { class: "facts" },
        fact("Words", `${e.source_text || "–"} → ${e.verb_text || "–"} → ${e.target_text || "–"}`),
        fact("Actors", `${e.source_name || e.source || "–"} → ${e.target_name || e.target || "–"}`),
        fact("QuadClass", `${QUADS[e.quad - 1]?.name || e.quad} · Goldstein ${Number(e.goldstein).toFixed(1)}`),
        fact("Reports", `${e.num_mentions} mentions · ${e.num_sources} sources · ${e.num_articles} articles`),
        e.place ? fact("Place", `${e.place}${e.place_country ? " (" + e.place_country + ")" : ""}`) : null,
        typeof e.confidence === "number" ? fact("Confidence", e.confidence.toFixed(2)) : null,
        fact("Date", e.date ? `${e.date}${e.date_precision ? " (" + e.date_precision + ")" : ""}` : "undated")),
      el("div", { class: "meta" },
        action("all mentions, highlighted", () => state.cb.openEvent(e.id), { class: "open-event" }),
        " · article ", action(e.article, () => state.cb.openArticle(e.article), { class: "open-article" }),
        e.news_source ? ` · ${e.news_source}` : "",
        url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, " ↗") : null)));
}

function render() {
  const rows = sortEvents(state.events, state.sort);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  state.page = Math.min(state.page, pages - 1);
  const first = state.page * PAGE, shown = rows.slice(first, first + PAGE);
  const body = $("#events-table tbody");
  body.replaceChildren(...shown.flatMap((e) => {
    const tr = el("tr", { "data-id": e.id, class: `q${e.quad}${state.open === e.id ? " open" : ""}`, onclick: () => toggle(e.id) },
      el("td", { class: "date" }, e.date || el("span", { class: "muted" }, "undated")),
      actorCell(e.source, e.source_text),
      el("td", { class: "code", title: `${e.code} ${e.code_name || ""}` }, el("span", { class: `pill q${e.quad}` }, e.code), " ", e.code_name || ""),
      actorCell(e.target, e.target_text),
      el("td", { class: "num" }, e.num_mentions),
      el("td", { class: "num" }, e.num_articles));
    return state.open === e.id ? [tr, detailRow(e)] : [tr];
  }));
  const active = state.sort || state.fetched;
  for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
    const on = active.key === th.dataset.sort;
    th.setAttribute("aria-sort", on ? (active.dir > 0 ? "ascending" : "descending") : "none");
  }
  $("#events-count").textContent = `${fmt(state.total)} match${state.total === 1 ? "" : "es"}`;
  $("#page-info").textContent = rows.length
    ? `rows ${fmt(first + 1)}–${fmt(first + shown.length)} of ${fmt(rows.length)}${rows.length < state.total ? " held" : ""}`
    : "no rows";
  $("#page-prev").disabled = state.page === 0;
  $("#page-next").disabled = state.page >= pages - 1 && !more();
  const note = $("#events-note");
  note.hidden = state.events.length >= state.total;
  const held = HELD[`${state.fetched.key}:${state.fetched.dir}`];
  note.textContent = `The table holds the ${held} ${fmt(state.events.length)} of the ${fmt(state.total)} matching events` +
    `${state.sort ? `, sorted by ${state.sort.key} within them` : ""}. ` +
    (state.sort ? "Sort by date or mentions to read on past them, " : "Next on its last page reads on, ") +
    "or export them all (CSV, JSON).";
}

function toggle(id) {
  state.open = state.open === id ? null : id;
  render();
}

// New events for the table: the first of total matches in eventOrder(),
// next the API's cursor of the events after them (null: none).
export function setEvents(events, total, next) {
  Object.assign(state, { events, total, next, page: 0, open: null });
  render();
}

// Next: the next page held, or past the last one the API's next page of
// events in the same order, added to those held.
async function nextPage() {
  const pages = Math.ceil(state.events.length / PAGE);
  if (state.page >= pages - 1 && more()) {
    const cursor = state.next, ev = await state.cb.more(cursor);
    if (state.next !== cursor) return; /* the table was loaded again meanwhile */
    state.events = state.events.concat(ev.events);
    state.next = ev.next;
  }
  state.page++;
  render();
}

// cb: {filterActor, openEvent, openArticle, refetch (fetches the events
// again in eventOrder()), more (the page after a cursor), showError}
export function initTable(cb) {
  state.cb = cb;
  for (const th of document.querySelectorAll("#events-table th[data-sort]"))
    th.addEventListener("click", () => {
      const key = th.dataset.sort, active = state.sort || state.fetched;
      const dir = active.key === key ? -active.dir : NUMERIC.has(key) || key === "date" ? -1 : 1;
      state.page = 0;
      if (SERVER[key]) {
        state.fetched = { key, dir };
        state.sort = null;
        state.cb.refetch();
      } else {
        state.sort = { key, dir };
        render();
      }
    });
  $("#page-prev").addEventListener("click", () => { state.page--; render(); });
  $("#page-next").addEventListener("click", () => nextPage().catch((err) => state.cb.showError(err.message)));
}
