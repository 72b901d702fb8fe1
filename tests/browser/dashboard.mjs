// dashboard.mjs -- the dashboard in headless Chromium (playwright-core and
// Debian's /usr/bin/chromium): opens the page on a server holding the
// ingested samples, filters by actor, opens an event and checks that the
// highlighted sentence shows the source, verb and target the API stored for
// it; writes screenshots. No request may leave the server (works offline).
//   node tests/browser/dashboard.mjs URL SCREENSHOT-DIR
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(new URL("../../web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [url, shots] = process.argv.slice(2);
const ACTOR = "USAGOV";
let failed = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failed = 1;
}
const api = async (p) => (await fetch(url + p)).json();

const profile = mkdtempSync(join(tmpdir(), "dyad-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1500, height: 1000 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = context.pages()[0] || (await context.newPage());
  const outside = [], errors = [];
  page.on("request", (r) => { if (!r.url().startsWith(url) && !r.url().startsWith("data:")) outside.push(r.url()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.setDefaultTimeout(20000);

  await page.goto(url + "/");
  await page.waitForSelector("#events-table tbody tr");
  const all = await page.locator("#events-table tbody tr").count();
  const total = (await api("/api/events?limit=2000")).count;
  check(all === total, `table shows all ${total} events (${all} rows)`);
  check(await page.locator("#map path.leaflet-interactive").count() > 100, "map has country outlines");
  check(await page.locator("#timeline canvas").count() > 0, "timeline drawn");
  check(await page.locator("#network .node").count() > 2, "dyad network drawn");
  const placed = (await api("/api/events?limit=2000")).events.filter((e) => typeof e.place_lat === "number").length;
  const points = await page.locator("#map path.event-point").count();
  check(placed > 0 && points === placed, `map plots the ${placed} events that have a place (${points} points)`);
  const figs = await page.locator("#figures li").allTextContents();
  check(figs.some((t) => t.includes("1,974") && t.includes("killed") && t.includes("Lebanon")),
    `casualty figures listed (${figs.length}), the Lebanon toll among them`);

  // filter by actor
  await page.fill("#f-actor", ACTOR);
  await page.click("#f-apply");
  const want = (await api(`/api/events?actor=${ACTOR}&limit=2000`)).events;
  await page.waitForFunction((n) => document.querySelectorAll("#events-table tbody tr").length === n, want.length);
  const rows = await page.locator("#events-table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td.actor")].map((td) => td.textContent)));
  check(rows.length > 0 && rows.every((r) => r.some((c) => c.startsWith(ACTOR))), `${rows.length} rows, each with ${ACTOR}`);
  check(new URL(page.url()).hash.includes(`actor=${ACTOR}`), "filter kept in the address");

  await page.screenshot({ path: join(shots, "dashboard-overview.png"), fullPage: true });

  // open the event reported by the most articles
  const ev = want.reduce((a, b) => (b.num_articles > a.num_articles ? b : a));
  await page.click(`#events-table tr[data-id="${ev.id}"]`);
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
  await page.screenshot({ path: join(shots, "dashboard.png"), fullPage: true });

  // the article view highlights every event in the article
  await page.locator("#drawer .meta a").first().click();
  await page.waitForSelector("#drawer .article-text");
  const marks = await page.locator("#drawer .article-text mark.verb").count();
  await page.screenshot({ path: join(shots, "dashboard-article.png") });
  check(marks > 0, `article view: ${marks} highlighted verbs`);
  // a highlighted verb in the article opens its event
  await page.locator("#drawer .article-text mark.verb").first().click();
  await page.waitForSelector("#drawer blockquote.hl");
  check((await page.locator("#drawer .eyebrow").textContent()).startsWith("Event "), "a verb in the article opens its event");

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
