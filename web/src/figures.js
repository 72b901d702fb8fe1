// figures.js -- the casualty panel: the figures of /api/figures, newest
// first (undated last), each a line (number, kind, place, by whom) that
// opens on a click to the sentence it was read from and its article.
import { $, action, el, fmt } from "./util.js";

// Newest first; figures of one day in the reverse of the API's order.
export const byDate = (figures) =>
  figures.map((f, i) => [f, i]).sort(([a, i], [b, j]) =>
    (a.date || "") === (b.date || "") ? j - i : !a.date ? 1 : !b.date ? -1 : a.date < b.date ? 1 : -1).map(([f]) => f);

// The sentence with the figure's own number marked (its first occurrence).
function sentence(f) {
  const s = f.sentence_text || "", at = f.number ? s.indexOf(f.number) : -1;
  if (at < 0) return [s];
  return [s.slice(0, at), el("mark", { class: "hit" }, f.number), s.slice(at + f.number.length)];
}

export function drawFigures(figures, openArticle) {
  const box = $("#figures");
  box.classList.toggle("muted", !figures.length);
  if (!figures.length) { box.textContent = "No casualty figures for these filters."; return; }
  box.replaceChildren(el("ul", { class: "figures" }, byDate(figures).map((f) =>
    el("li", { "data-date": f.date || "" },
      el("details", {},
        el("summary", {},
          el("span", { class: "fig-date" }, f.date || "undated"), " ",
          el("span", { class: `fig-num fig-${f.kind}` },
            `${f.qualifier ? f.qualifier + " " : ""}${fmt(f.value)}${f.value_max > f.value ? "–" + fmt(f.value_max) : ""}`),
          " ", el("span", { class: "fig-kind" }, f.released ? `${f.kind} released` : f.kind),
          f.place ? ` · ${f.place}` : "",
          f.perpetrator_code ? ` · by ${f.perpetrator_code}` : ""),
        el("blockquote", { class: "fig-sentence" }, sentence(f)),
        el("div", { class: "fig-meta" },
          action(f.article, () => openArticle(f.article)),
          `${f.news_source ? " · " + f.news_source : ""}${f.date_text ? " · dated by “" + f.date_text + "”" : ""}${f.cited_text ? " · " + f.cited_text : ""}`))))));
}
