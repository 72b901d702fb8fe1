// synthetic.mjs -- writes JSON Lines articles for the dashboard test: three
// events each between countries, on days over three years, one article in
// ten undated, every text made different by a tail of random words so none
// is a near-duplicate of another. The same articles every run (a fixed
// seed): with the samples they make a store of more events than the
// dashboard's table holds, some of them undated.
//   node tests/browser/synthetic.mjs N > articles.jsonl
const n = Number(process.argv[2] || 900);
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rand() * a.length)];

const countries = ["Israel", "Egypt", "Qatar", "Iran", "Lebanon", "Jordan", "Turkey", "Syria", "Russia", "Ukraine",
  "France", "Germany", "Iraq", "China", "Japan", "India", "Pakistan", "Italy", "Spain", "Poland", "Greece", "Cyprus",
  "Kenya", "Ethiopia", "Sudan", "Libya", "Tunisia", "Algeria", "Morocco", "Brazil"];
const verbs = ["attacked", "condemned", "met", "praised", "threatened", "accused"];
const words = ["river", "harbor", "bridge", "market", "school", "council", "winter", "summer", "morning", "evening",
  "grain", "oil", "water", "road", "border", "village", "city", "port", "valley", "hill", "tower", "station", "museum", "farm"];

const out = [];
for (let i = 0; i < n; i++) {
  const day = new Date(Date.UTC(2022, 0, 1) + Math.floor((i * 1095) / n) * 86400000).toISOString().slice(0, 10);
  let text = "";
  for (let k = 0; k < 3; k++) {
    const a = pick(countries);
    let b = pick(countries);
    if (a === b) b = "Hamas";
    text += `${a} ${pick(verbs)} ${b} near the ${pick(words)}. `;
  }
  text += "Local notes: " + Array.from({ length: 25 }, () => pick(words)).join(" ") + ".";
  const art = { id: `synthetic-${i}`, source: "Dyad synthetic", title: `Synthetic ${i}`, text };
  if (i % 10 !== 9) art.date = day;
  out.push(JSON.stringify(art));
}
process.stdout.write(out.join("\n") + "\n");
