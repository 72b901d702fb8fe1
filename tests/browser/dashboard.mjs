// dashboard.mjs -- the dashboard in headless Chromium (playwright-core and
// Debian's /usr/bin/chromium) on a server holding the samples and the
// synthetic articles (more events than the table holds, some undated).
// Checks against the API's own answers: the key figures count every match,
// the timeline bins every dated event and shows the undated apart, the
// table's columns fit at 1400 px and it sorts and pages, the network draws
// the API's dyads and a click on an actor filters, the casualty figures are
// in date order with their sentences, an event's highlighted sentence is
// the stored one, and at 400 px the page is one column with no horizontal
// scroll. Writes screenshots at 1400 and 400 px. No request may leave the
// server (works offline).
//   node tests/browser/dashboard.mjs URL SCREENSHOT-DIR
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(new URL("../../web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [url, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const ACTOR = "USAGOV";
const BOUND = 2000, PAGE = 25, TOP = 40; // the table's fetch, its page, the network's dyads
let failed = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failed = 1;
}
// runs one part of the test: an exception fails that part only
async function step(what, fn) {
  try { await fn(); } catch (e) { check(false, `${what}: ${e.message.split("\n")[0]}`); }
}
const api = async (p) => (await fetch(url + p)).json();
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// What the dashboard should show, from the API's event list (all of it).
const every = (await api("/api/events?limit=10000")).events;
const total = every.length;
// the table's events at first: the newest BOUND
const ids = (es) => es.map((e) => e.id);
const held = async (sort, order) => (await api(`/api/events?sort=${sort}&order=${order}&limit=${BOUND}`)).events;
const firstBound = await held("date", "desc");
const undated = every.filter((e) => !e.date).length;
const dated = every.filter((e) => e.date).map((e) => e.date).sort();

const profile = mkdtempSync(join(tmpdir(), "dyad-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = context.pages()[0] || (await context.newPage());
  const outside = [], errors = [];
  page.on("request", (r) => { if (!r.url().startsWith(url) && !r.url().startsWith("data:")) outside.push(r.url()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.setDefaultTimeout(10000);
  // a key figure as shown, by its label ("Events"); NaN when there is none
  const kpi = (label) => page.locator("#kpis .kpi").evaluateAll((ks, l) => {
    const k = ks.find((x) => x.querySelector("span")?.textContent.trim() === l);
    return k ? Number(k.querySelector("b").textContent.replace(/,/g, "")) : NaN;
  }, label);
  const shownIds = () => page.locator("#events-table tbody tr[data-id]").evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.id)));
  // waits for the load of the view with filters f (as the address keeps them)
  const loaded = (f) => page.waitForFunction((v) => document.body.dataset.view === v, new URLSearchParams(f).toString(), { timeout: 5000 })
    .catch(() => check(false, `the page says it loaded ${JSON.stringify(f)}`));

  await page.goto(url + "/");
  await loaded({});
  check(total > BOUND && undated > 0, `the store has more events (${total}) than the table holds (${BOUND}), ${undated} undated`);

  await step("key figures", async () => {
    // key figures: every match, not the table's first page
    check(await kpi("Events") === total, `key figure Events ${await kpi("Events")} = the API's ${total} events`);
    const mentions = every.reduce((n, e) => n + e.num_mentions, 0);
    check(await kpi("Mentions") === mentions, `key figure Mentions ${await kpi("Mentions")} = ${mentions}`);
    const actors = new Set(every.flatMap((e) => [e.source, e.target]).filter(Boolean)).size;
    check(await kpi("Actors") === actors, `key figure Actors ${await kpi("Actors")} = ${actors}`);
    check(await kpi("Days") === new Set(dated).size, `key figure Days ${await kpi("Days")} = ${new Set(dated).size}`);
    check(await kpi("Undated") === undated, `key figure Undated ${await kpi("Undated")} = ${undated}`);
  });

  await step("timeline", async () => {
    // timeline: binned by month over three years, undated shown apart
    const tl = await page.locator("#timeline").evaluate((b) => ({ ...b.dataset }));
    const months = (d) => 12 * +d.slice(0, 4) + +d.slice(5, 7);
    const wantBins = months(dated.at(-1)) - months(dated[0]) + 1;
    check(tl.unit === "month" && +tl.bins === wantBins, `timeline: ${tl.bins} ${tl.unit} bins (want ${wantBins} months)`);
    check(+tl.events === total - undated && +tl.undated === undated, `timeline plots ${tl.events} dated events, ${tl.undated} undated apart`);
    check(await page.locator("#timeline canvas").count() > 0, "timeline drawn");
    const und = await page.locator("#timeline-undated");
    check(await und.isVisible() && (await und.textContent()).includes(`${undated.toLocaleString("en-US")} undated`),
      `undated count beside the timeline: "${await und.textContent()}"`);
  });

  await step("map", async () => {
    // map
    check(await page.locator("#map path.leaflet-interactive").count() > 100, "map has country outlines");
    const placed = firstBound.filter((e) => typeof e.place_lat === "number").length;
    const points = await page.locator("#map path.event-point").count();
    check(placed > 0 && points === placed, `map plots the ${placed} events that have a place (${points} points)`);
  });

  await step("table columns", async () => {
    // event table: the columns that matter fit at 1400 px
    const wrap = await page.locator("section.events .table-wrap").boundingBox();
    const cols = await page.locator("#events-table th[data-col]").evaluateAll((ths) =>
      ths.map((th) => { const r = th.getBoundingClientRect(); return { col: th.dataset.col, left: r.left, right: r.right, width: r.width }; }));
    const fit = cols.filter((c) => c.width >= 30 && c.left >= wrap.x - 1 && c.right <= wrap.x + wrap.width + 1 && c.right <= 1400);
    check(same(fit.map((c) => c.col), ["date", "source", "code", "target", "mentions", "articles"]),
      `table columns visible within 1400 px: ${fit.map((c) => c.col).join(" ")} (of ${cols.map((c) => `${c.col}@${Math.round(c.right)}`).join(" ")})`);
    check(same(await shownIds(), ids(firstBound.slice(0, PAGE))), `table's first page: the API's ${PAGE} newest events`);
    check((await page.textContent("#events-note")).includes(`newest ${BOUND.toLocaleString("en-US")} of the ${total.toLocaleString("en-US")}`),
      "the table says it holds the newest events only");
    // Next past the last page held reads the API's next page by cursor
    const first = await api(`/api/events?sort=date&order=desc&limit=${BOUND}`);
    const after = await api(`/api/events?sort=date&order=desc&limit=${BOUND}&cursor=${encodeURIComponent(first.next)}`);
    await page.evaluate((n) => { for (let i = 0; i < n; i++) document.querySelector("#page-next").click(); }, BOUND / PAGE - 1);
    check((await page.textContent("#page-info")).includes(`${(BOUND - PAGE + 1).toLocaleString("en-US")}–${BOUND.toLocaleString("en-US")}`),
      `the last page held: "${await page.textContent("#page-info")}"`);
    await page.click("#page-next");
    await page.waitForFunction((v) => document.querySelector("#page-info").textContent.includes(v), `${(BOUND + 1).toLocaleString("en-US")}–`, { timeout: 5000 });
    check(same(await shownIds(), ids(after.events.slice(0, PAGE))), `Next past ${BOUND} held: the API's next page by cursor`);
    await page.click("#page-prev");
    check(same(await shownIds(), ids(firstBound.slice(BOUND - PAGE))), "and back: the last rows of the first fetch");
    await page.click("#f-apply"); /* the first page again */
    await loaded({});
  });

  await step("sorting and paging", async () => {
    // a column the API does not sort by: sorted within the events held
    // (stable: ties keep the API's order); date and mentions: by the API
    const sorted = (key, dir) => ids([...firstBound].sort((a, b) => dir * (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0)));
    await page.click('#events-table th[data-sort="source"]');
    const bySource = sorted("source", 1);
    check(same(await shownIds(), bySource.slice(0, PAGE)) && !same(bySource.slice(0, PAGE), ids(firstBound.slice(0, PAGE))),
      "sorted by source: the rows change to the held events in source order");
    const byApi = async (col, sort, order) => {
      await page.click(`#events-table th[data-sort="${col}"]`);
      await page.waitForFunction((v) => document.body.dataset.events === v, `${sort}:${order}`, { timeout: 5000 });
      return ids(await held(sort, order));
    };
    const byMentions = await byApi("mentions", "mentions", "desc");
    check(same(await shownIds(), byMentions.slice(0, PAGE)), "sorted by mentions, most first: the API's order");
    await page.click("#page-next");
    check(same(await shownIds(), byMentions.slice(PAGE, 2 * PAGE)), `next page: rows ${PAGE + 1}-${2 * PAGE} of that order`);
    check((await page.textContent("#page-info")).includes(`${PAGE + 1}–${2 * PAGE}`), `page info: "${await page.textContent("#page-info")}"`);
    await page.click("#page-prev");
    check(same(await shownIds(), byMentions.slice(0, PAGE)), "previous page: back to the first rows");
    await byApi("date", "date", "desc");
    const oldest = await byApi("date", "date", "asc");
    check(same(await shownIds(), oldest.slice(0, PAGE)) && same(oldest.slice(0, PAGE), ids(every.slice(0, PAGE))),
      "sorted by date again: oldest first, undated first");
    await byApi("mentions", "mentions", "desc");

    // a click on a row opens its sentence and the rest
    const row0 = every.find((e) => e.id === byMentions[0]);
    await page.click(`#events-table tr[data-id="${row0.id}"] td.date`);
    check((await page.locator(`#events-table tr[data-detail="${row0.id}"] blockquote`).textContent()) === row0.sentence_text,
      "a row's detail shows its sentence");

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, "dashboard-1400.png"), fullPage: true });
  });

  await step("casualty figures", async () => {
    // casualty figures: by date, newest first, each with its sentence
    const figs = (await api("/api/figures")).figures;
    const figDates = await page.locator("#figures li").evaluateAll((lis) => lis.map((li) => li.dataset.date));
    const order = figDates.every((d, i) => !i || (d === "" ? true : figDates[i - 1] !== "" && figDates[i - 1] >= d));
    check(figDates.length === figs.length && order && figDates[0] === figs.map((f) => f.date).sort().at(-1),
      `casualty figures by date, newest first: ${figDates.slice(0, 4).join(" ")} ... (${figDates.length} of ${figs.length})`);
    const figText = await page.locator("#figures li summary").allTextContents();
    check(figText.some((t) => t.includes("1,974") && t.includes("killed") && t.includes("Lebanon")), "the Lebanon toll among them");
    await page.locator("#figures li summary").first().click();
    const figSentence = await page.locator("#figures li details[open] blockquote").textContent();
    check(figs.some((f) => f.sentence_text === figSentence && f.date === figDates[0]), "a click on a figure shows its sentence");
  });

  await step("network", async () => {
    // network: the API's largest dyads
    const dyads = (await api("/api/dyads?limit=10000")).dyads;
    const top = dyads.filter((d) => d.source && d.target && d.source !== d.target).slice(0, TOP);
    const names = new Set(top.flatMap((d) => [d.source, d.target]));
    const edges = await page.locator("#network .edge").evaluateAll((es) => es.map((e) => `${e.dataset.source}>${e.dataset.target}:${e.dataset.events}`));
    const nodes = await page.locator("#network .node").evaluateAll((ns) => ns.map((n) => n.dataset.actor));
    check(same(edges.sort(), top.map((d) => `${d.source}>${d.target}:${d.events}`).sort()), `network: ${edges.length} edges, the API's ${top.length} largest dyads`);
    check(same(nodes.sort(), [...names].sort()), `network: ${nodes.length} nodes, their ${names.size} actors`);
    const widths = await page.locator("#network .edge").evaluateAll((es) => es.map((e) => [+e.dataset.events, +e.getAttribute("stroke-width")]));
    check(widths.every(([n, w]) => widths.every(([m, v]) => n <= m || w > v)), "network: edges with more events are wider");
    const boxes = await page.locator("#network .node").evaluateAll((ns) => ns.map((n) => {
      const c = n.querySelector("circle").getBoundingClientRect(), t = n.querySelector("text").getBoundingClientRect();
      return { c: [c.left, c.top, c.right, c.bottom], t: [t.left, t.top, t.right, t.bottom] };
    }));
    const svg = await page.locator("#network").boundingBox();
    const inside = boxes.every(({ c, t }) => [c, t].every(([l, tp, r, b]) => l >= svg.x && r <= svg.x + svg.width && tp >= svg.y && b <= svg.y + svg.height));
    check(inside, "network: every node and label inside the panel");
    const over = (a, b) => Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    let clashes = 0;
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
      const area = Math.min((a.t[2] - a.t[0]) * (a.t[3] - a.t[1]), (b.t[2] - b.t[0]) * (b.t[3] - b.t[1]));
      if (over(a.t, b.t) > 0.1 * area || over(a.c, b.c) > 0) clashes++;
    }));
    check(clashes === 0, `network: no two labels (or nodes) overlap (${clashes} pairs do)`);
    const hub = [...names].sort((a, b) => top.filter((d) => d.source === b || d.target === b).length - top.filter((d) => d.source === a || d.target === a).length)[0];
    await page.click(`#network .node[data-actor="${hub}"] circle`);
    await loaded({ actor: hub });
    const hubTotal = (await api(`/api/events?actor=${hub}&limit=10000`)).count;
    check(await page.inputValue("#f-actor") === hub && await kpi("Events") === hubTotal,
      `a click on ${hub} filters the dashboard: ${await kpi("Events")} events, the API's ${hubTotal}`);
  });

  await step("actor filter, event and article views", async () => {
    // filter by actor from the form
    await page.fill("#f-actor", ACTOR);
    await page.click("#f-apply");
    await loaded({ actor: ACTOR });
    const want = (await api(`/api/events?actor=${ACTOR}&limit=10000`)).events;
    const rows = await page.locator("#events-table tbody tr[data-id]").evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td.actor")].map((td) => td.textContent)));
    check(rows.length === Math.min(PAGE, want.length) && rows.every((r) => r.some((c) => c.startsWith(ACTOR))),
      `${rows.length} rows, each with ${ACTOR}`);
    check(await kpi("Events") === want.length, `key figure Events ${await kpi("Events")} = the API's ${want.length} for ${ACTOR}`);
    // the export links download every event of the filter, in the table's order
    const csvHref = await page.getAttribute("#export-csv", "href"), jsonHref = await page.getAttribute("#export-json", "href");
    check(csvHref.startsWith("/api/events.csv?") && new URL(url + csvHref).searchParams.get("actor") === ACTOR,
      `the CSV export is the filter's: ${csvHref}`);
    const csv = (await (await fetch(url + csvHref)).text()).trim().split("\n");
    const lines = (await (await fetch(url + jsonHref)).text()).trim().split("\n").map((l) => JSON.parse(l));
    const order = new URL(url + jsonHref).searchParams;
    const sorted = (await api(`/api/events?actor=${ACTOR}&limit=10000&sort=${order.get("sort")}&order=${order.get("order")}`)).events;
    check(csv[0].startsWith('"id","date"') && csv.length === want.length + 1,
      `the CSV export has the header and ${csv.length - 1} rows (the filter matches ${want.length})`);
    check(same(lines.map((e) => e.id), sorted.map((e) => e.id)), `the JSON export is every event of the filter in the table's order (${lines.length})`);
    check(new URL(page.url()).hash.includes(`actor=${ACTOR}`), "filter kept in the address");

    // the event reported by the most articles: every mention highlighted
    const ev = want.reduce((a, b) => (b.num_articles > a.num_articles ? b : a));
    await page.click(`#events-table tr[data-id="${ev.id}"] td.date`);
    await page.click(`#events-table tr[data-detail="${ev.id}"] a.open-event`);
    await page.waitForSelector("#drawer:not([hidden]) blockquote.hl");
    const detail = await api(`/api/events/${ev.id}`);
    const shown = await page.locator("#drawer blockquote.hl").evaluateAll((qs) => qs.map((q) => ({
      text: q.textContent,
      src: q.querySelector("mark.src")?.textContent, verb: q.querySelector("mark.verb")?.textContent,
      tgt: q.querySelector("mark.tgt")?.textContent,
    })));
    check(shown.length === detail.mentions.length, `${shown.length} mentions shown for event ${ev.id}`);
    detail.mentions.forEach((m, i) => {
      const s = shown[i] || {};
      check(s.text === m.sentence_text, `mention ${i + 1}: the whole sentence`);
      check(s.verb === m.verb_text && s.src === m.source_text && s.tgt === m.target_text,
        `mention ${i + 1}: highlighted [${s.src}] [${s.verb}] [${s.tgt}] = stored [${m.source_text}] [${m.verb_text}] [${m.target_text}]`);
    });
    check((await page.locator("#drawer h3").textContent()).includes(ev.code), "event code in the drawer");
    await page.screenshot({ path: join(shots, "dashboard-event.png"), fullPage: true });

    // the article view highlights every event in the article
    await page.locator("#drawer .meta a").first().click();
    await page.waitForSelector("#drawer .article-text");
    const marks = await page.locator("#drawer .article-text mark.verb").count();
    await page.screenshot({ path: join(shots, "dashboard-article.png") });
    check(marks > 0, `article view: ${marks} highlighted verbs`);
    await page.locator("#drawer .article-text mark.verb").first().click();
    await page.waitForSelector("#drawer blockquote.hl");
    check((await page.locator("#drawer .eyebrow").textContent()).startsWith("Event "), "a verb in the article opens its event");
    await page.click("#drawer-close");
  });

  await step("timeline bins for shorter ranges", async () => {
    const DAY = 86400000, t = (d) => Date.parse(d + "T00:00:00Z");
    const monday = (d) => t(d) - ((new Date(t(d)).getUTCDay() + 6) % 7) * DAY;
    for (const [from, to, unit, bins] of [
      ["2024-06-01", "2024-07-31", "day", (a, b) => (t(b) - t(a)) / DAY + 1],
      ["2023-01-01", "2023-12-31", "week", (a, b) => (monday(b) - monday(a)) / (7 * DAY) + 1]]) {
      await page.fill("#f-actor", "");
      await page.fill("#f-from", from);
      await page.fill("#f-to", to);
      await page.click("#f-apply");
      await loaded({ from, to });
      const ds = (await api(`/api/events?from=${from}&to=${to}&limit=10000`)).events.map((e) => e.date).sort();
      const tl = await page.locator("#timeline").evaluate((b) => ({ ...b.dataset }));
      const want = bins(ds[0], ds.at(-1));
      check(tl.unit === unit && +tl.bins === want && +tl.events === ds.length && await page.locator("#timeline-undated").isHidden(),
        `${from} to ${to}: ${tl.bins} ${tl.unit} bins of ${tl.events} events (want ${want} ${unit}s of ${ds.length}, no undated)`);
    }
  });

  await step("source, target, country and QuadClass filters", async () => {
    // each side apart, a country list and conflict only: the key figures and
    // the table are the API's for the same filters, figures keep theirs
    for (const f of [{ source: "ISR" }, { target: "PSE", quad: "3,4" }, { country: "USA,QAT" }]) {
      await page.click("#f-reset");
      await loaded({});
      for (const [k, v] of Object.entries(f))
        if (k === "quad") await page.selectOption("#f-quad", v); else await page.fill(`#f-${k}`, v);
      await page.click("#f-apply");
      const want = new URLSearchParams(f).toString();
      await loaded(f);
      const n = (await api(`/api/events?${want}&limit=10000`)).count;
      const rows = await page.locator("#events-table tbody tr[data-id]").count();
      check(n > 0 && await kpi("Events") === n && rows === Math.min(PAGE, n),
        `filter ${want}: ${await kpi("Events")} events and ${rows} rows (the API's ${n})`);
    }
    await page.click("#f-reset");
    await loaded({});
  });

  await step("400 px", async () => {
    // 400 px: one column, nothing wider than the screen
    await page.setViewportSize({ width: 400, height: 900 });
    await page.click("#f-reset");
    await loaded({});
    const narrow = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
      lefts: [...document.querySelectorAll(".grid > .panel")].map((p) => Math.round(p.getBoundingClientRect().left)),
    }));
    check(narrow.scroll <= narrow.inner, `400 px: page ${narrow.scroll} px wide, window ${narrow.inner}`);
    check(new Set(narrow.lefts).size === 1, `400 px: one column (panels start at ${[...new Set(narrow.lefts)].join(", ")})`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, "dashboard-400.png"), fullPage: true });
  });

  check(outside.length === 0, `no request left the server${outside.length ? ": " + outside.slice(0, 3).join(" ") : ""}`);
  check(errors.length === 0, `no page errors${errors.length ? ": " + errors.slice(0, 3).join(" | ") : ""}`);
} catch (e) {
  console.log(`FAIL ${e.message}`);
  failed = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed);
