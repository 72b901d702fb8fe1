// build.mjs -- bundles the Dyad dashboard with esbuild into one directory
// that `dyad serve` serves: index.html, app.js, app.css. Everything comes
// from npm packages (uPlot, Leaflet, topojson-client, world-atlas) and the
// ISO 3166 table of Debian's iso-codes: nothing is fetched at run time.
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] || join(here, "..", "build", "web");
mkdirSync(out, { recursive: true });

// CAMEO actor codes start with ISO 3166 alpha-3; world-atlas ids are numeric.
const isoFile = "/usr/share/iso-codes/json/iso_3166-1.json";
const iso = {};
if (existsSync(isoFile))
  for (const c of JSON.parse(readFileSync(isoFile, "utf8"))["3166-1"]) iso[c.alpha_3] = { n: c.numeric, name: c.name };

await build({
  entryPoints: { app: join(here, "src", "main.js") },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: "iife",
  target: ["chrome100", "firefox100"],
  outdir: out,
  loader: { ".png": "dataurl", ".svg": "dataurl" },
  define: { __ISO3__: JSON.stringify(iso) },
  logLevel: "warning",
});
copyFileSync(join(here, "src", "index.html"), join(out, "index.html"));
console.log(`dashboard built in ${out}`);
