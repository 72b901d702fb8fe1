// map.js -- the map panel: country outlines of world-atlas (Leaflet, no
// tiles) shaded by the events whose source or target is of that country,
// counted over all matches from /api/dyads; events that carry coordinates
// (of the table's bounded fetch) are points that open the event.
import L from "leaflet";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { QUADS } from "./util.js";

const ISO3 = __ISO3__; // alpha-3 -> {n: numeric, name}

let map = null, countryLayer = null, pointLayer = null;
let shaded = []; // numeric ids of the countries shaded

export function initMap() {
  map = L.map("map", { worldCopyJump: true, attributionControl: false, minZoom: 1, maxZoom: 7 }).setView([28, 30], 2);
  const countries = feature(world, world.objects.countries);
  // rings that cross the antimeridian (Russia, Fiji, the Aleutians) would be
  // drawn across the whole plane: move their western part east of 180
  const unwrap = (ring) => {
    const lons = ring.map((p) => p[0]);
    if (Math.max(...lons) - Math.min(...lons) <= 180) return ring;
    return ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]);
  };
  for (const f of countries.features) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
    else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((poly) => poly.map(unwrap));
  }
  countryLayer = L.geoJSON(countries, {
    style: () => ({ color: "#3b4558", weight: 0.6, fillColor: "#1c2230", fillOpacity: 1 }),
  }).addTo(map);
  pointLayer = L.layerGroup().addTo(map);
}

export const resizeMap = () => map && map.invalidateSize();

const id3 = (layer) => String(layer.feature.id).padStart(3, "0"); // world-atlas id

// Events a country takes part in (numeric id -> count): an event counts
// once for each country among its source's and target's.
function countryCounts(dyads) {
  const counts = new Map();
  for (const d of dyads)
    for (const code of new Set([d.source.slice(0, 3), d.target.slice(0, 3)])) {
      const c = ISO3[code];
      if (c) counts.set(c.n, (counts.get(c.n) || 0) + d.events);
    }
  return counts;
}

// Shades each country by its events over all matches (dyads: the first
// of total dyads, all of them but on the largest stores).
export function shadeCountries(dyads, total) {
  const counts = countryCounts(dyads);
  const max = Math.max(1, ...counts.values());
  countryLayer.eachLayer((layer) => {
    const n = counts.get(id3(layer)) || 0;
    const t = n ? 0.25 + 0.75 * Math.sqrt(n / max) : 0;
    layer.setStyle({ fillColor: n ? `rgba(240, 163, 58, ${t})` : "#1c2230" });
    layer.unbindTooltip();
    if (n) layer.bindTooltip(`${layer.feature.properties.name}: ${n} event${n > 1 ? "s" : ""}`, { sticky: true });
  });
  shaded = [...counts.keys()];
  document.querySelector("#map-shade-note").textContent =
    total > dyads.length ? `shading: the ${dyads.length.toLocaleString("en-US")} largest of ${total.toLocaleString("en-US")} dyads` : "";
}

// Events that carry coordinates as points that open the event; the view
// fits the shaded countries and the points.
export function plotPoints(events, openEvent) {
  const bounds = L.latLngBounds([]), shade = new Set(shaded);
  countryLayer.eachLayer((layer) => { if (shade.has(id3(layer))) bounds.extend(layer.getBounds()); });
  pointLayer.clearLayers();
  for (const e of events)
    if (typeof e.place_lat === "number" && typeof e.place_lon === "number") {
      bounds.extend([e.place_lat, e.place_lon]);
      L.circleMarker([e.place_lat, e.place_lon], { className: "event-point", radius: 4 + Math.min(8, e.num_mentions), color: QUADS[e.quad - 1]?.color || "#fff", weight: 1, fillOpacity: 0.7 })
        .bindTooltip(`${e.date || "undated"} ${e.source} ${e.code} ${e.target} · ${e.place}`)
        .on("click", () => openEvent(e.id))
        .addTo(pointLayer);
    }
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12], maxZoom: 5 });
}
