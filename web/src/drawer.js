// drawer.js -- the side drawer: one event with every mention, or one
// article, the source, verb and target highlighted from the API's
// character offsets; and the results of an article search.
import { $, action, api, el, QUADS } from "./util.js";
import { linkable } from "./links.js";

let showError = () => {};
// err(msg): where the drawer reports a failed request.
export function initDrawer(err) {
  showError = err;
  $("#drawer-close").addEventListener("click", () => { $("#drawer").hidden = true; });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") $("#drawer").hidden = true; });
}


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

export async function openEvent(id) {
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
          action(m.title || m.article, () => openArticle(m.article)),
          ` · ${m.news_source || "unknown source"} · ${m.date || "undated"} · sentence ${m.sentence + 1}`,
          m.date_text ? ` · dated by “${m.date_text}”` : "",
          linkable(m.url) ? el("a", { href: linkable(m.url), target: "_blank", rel: "noopener noreferrer" }, " ↗") : null),
        el("div", { class: "rule" }, m.rule)))),
    );
  } catch (err) { showError(`event ${id}: ${err.message}`); }
}

export async function openArticle(id) {
  try {
    const a = await api(`/api/articles/${encodeURIComponent(id)}`);
    const spans = a.mentions.flatMap((m) => mentionSpans(m, m.sentence_start).map((x) => ({ ...x, event: m.event })));
    openDrawer(
      el("div", { class: "eyebrow" }, `Article ${a.id} · ${a.date || "undated"} · ${a.news_source || "unknown source"}`),
      el("h3", {}, a.title || a.id),
      el("div", { class: "legend" }, el("mark", { class: "src" }, "source"), " ", el("mark", { class: "verb" }, "event"), " ", el("mark", { class: "tgt" }, "target"),
        ` · ${a.mentions.length} event mentions`),
      el("div", { class: "article-text" }, highlight(a.text, spans)),
      el("h4", {}, "Events in this article"),
      el("ul", { class: "plain" }, a.mentions.map((m) => el("li", {},
        action(`${m.source || "–"} ${m.code} ${m.target || "–"}`, () => openEvent(m.event)),
        ` — ${m.source_text} / ${m.verb_text} / ${m.target_text}`))),
    );
  } catch (err) { showError(`article ${id}: ${err.message}`); }
}

export async function searchArticles(text) {
  try {
    const r = await api(`/api/articles?${new URLSearchParams({ q: text, limit: 50 })}`);
    const snip = (s) => s.split("\u0002").flatMap((part, i) => {
      if (!i) return [part];
      const [hit, rest] = part.split("\u0003");
      return [el("mark", { class: "hit" }, hit), rest || ""];
    });
    openDrawer(
      el("div", { class: "eyebrow" }, `Article search`),
      el("h3", {}, `“${text}” — ${r.articles.length} article${r.articles.length === 1 ? "" : "s"}`),
      el("ol", { class: "mentions" }, r.articles.map((a) => el("li", { class: "mention" },
        action(a.title || a.id, () => openArticle(a.id)),
        el("div", { class: "meta" }, `${a.date || "undated"} · ${a.news_source || "unknown source"} · ${a.num_mentions} event mentions`),
        el("blockquote", {}, snip(a.snippet || ""))))),
    );
  } catch (err) { showError(`search: ${err.message}`); }
}
