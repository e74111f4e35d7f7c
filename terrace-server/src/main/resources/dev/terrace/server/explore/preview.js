// The chosen dataset's preview tiles over the basemap, and their legend. Tiles are fetched with
// the key as a header and shown as blob URLs: an <img> pointing at the tile cannot carry the key,
// and the key never goes into a URL.

import { authHeaders, get } from "./api.js";

const RAMPS = ["viridis", "magma", "terrain", "greys", "blues", "spectral", "rdbu"];

let served = null;

/**
 * Whether this server has the preview-tile routes: the OpenAPI document says, without a request
 * that fails (a 404 would show as an error in the browser's console).
 */
export async function tilesServed() {
  if (served === null) {
    try {
      const doc = await get("/openapi.json");
      served = Object.keys(doc.paths || {}).some((p) => p.startsWith("/api/v1/tiles/"));
    } catch (e) {
      served = false;
    }
  }
  return served;
}

export function colormapsFor(dataset) {
  return dataset.data_type === "categorical" ? ["classes", ...RAMPS] : RAMPS;
}

/** A grid layer whose tiles are fetched with the API key and shown from blobs. */
const KeyedTiles = L.GridLayer.extend({
  createTile(coords, done) {
    const tile = document.createElement("img");
    tile.alt = "";
    tile.setAttribute("role", "presentation");
    const retina = L.Browser.retina ? "@2x" : "";
    const url = this.options.template
      .replace("{z}", coords.z)
      .replace("{x}", coords.x)
      .replace("{y}.png", `{y}${retina}.png`)
      .replace("{y}", coords.y);
    fetch(url, { headers: authHeaders() })
      .then((r) => (r.ok ? r.blob() : null))
      .then((blob) => {
        if (!blob) {
          done(null, tile);
          return;
        }
        const src = URL.createObjectURL(blob);
        tile.onload = () => {
          URL.revokeObjectURL(src);
          done(null, tile);
        };
        tile.onerror = () => {
          URL.revokeObjectURL(src);
          done(null, tile);
        };
        tile.src = src;
      })
      .catch((e) => done(e, tile));
    return tile;
  },
});

/** The tile URL template as a path of this origin: the page may only connect to itself. */
function samePath(template) {
  return template.replace(/^[a-z]+:\/\/[^/]+/i, "");
}

export class Preview {
  constructor(map, legend) {
    this.map = map;
    this.legend = legend;
    this.layer = null;
    this.opacity = 0.75;
    this.shown = 0;
  }

  setOpacity(opacity) {
    this.opacity = opacity;
    if (this.layer) {
      this.layer.setOpacity(opacity);
    }
  }

  clear() {
    if (this.layer) {
      this.map.removeLayer(this.layer);
      this.layer = null;
    }
  }

  /**
   * Shows the dataset with a colormap and timestamp; answers the TileJSON (null when the server
   * has no tiles) so that the caller can fit the map and list the colormaps.
   */
  async show(dataset, colormap, timestamp, rescale) {
    this.clear();
    // A later call (another dataset picked meanwhile) wins: this one adds no layer once it answers.
    const call = ++this.shown;
    if (!(await tilesServed())) {
      this.legend.textContent = "This server has no preview tiles.";
      return null;
    }
    const query = new URLSearchParams();
    if (colormap) {
      query.set("colormap", colormap);
    }
    if (rescale) {
      query.set("rescale", rescale);
    }
    if (timestamp) {
      query.set("timestamp", timestamp);
    }
    const id = encodeURIComponent(dataset.id);
    let tilejson;
    try {
      tilejson = await get(`/api/v1/tiles/${id}/tilejson.json?${query}`);
    } catch (e) {
      this.legend.textContent = `No preview: ${e.message}`;
      return null;
    }
    if (call !== this.shown) {
      return null;
    }
    this.layer = new KeyedTiles({
      template: samePath(tilejson.tiles[0]),
      opacity: this.opacity,
      minZoom: 0,
      maxNativeZoom: tilejson.maxzoom,
      bounds: tilejson.bounds ? L.latLngBounds([tilejson.bounds[1], tilejson.bounds[0]], [tilejson.bounds[3], tilejson.bounds[2]]) : undefined,
      // The full citation is in the panel; the map names the source and its licence only.
      attribution: [dataset.providerInfo.name, dataset.providerInfo.license].filter(Boolean).join(", "),
      className: "preview-tiles",
    }).addTo(this.map);
    renderLegend(this.legend, tilejson.legend, dataset);
    return tilejson;
  }
}

/** A ramp's end as people read it: four significant digits are plenty for a colour. */
const round = (v) => (typeof v === "number" ? Number(v.toPrecision(4)) : v);

function renderLegend(box, legend, dataset) {
  box.replaceChildren();
  if (!legend) {
    return;
  }
  if (legend.type === "ramp") {
    const ramp = document.createElement("div");
    ramp.className = "ramp";
    ramp.style.backgroundImage = `linear-gradient(to right, ${legend.colors.join(", ")})`;
    const ends = document.createElement("div");
    ends.className = "ends";
    const units = legend.units || dataset.units || "";
    const low = document.createElement("span");
    low.textContent = `${round(legend.min)} ${units}`.trim();
    const high = document.createElement("span");
    high.textContent = `${round(legend.max)} ${units}`.trim();
    ends.append(low, high);
    box.append(ramp, ends);
  } else if (legend.type === "classes") {
    const list = document.createElement("ul");
    for (const c of legend.classes) {
      const item = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.backgroundColor = c.color;
      item.append(swatch, c.name && c.name !== String(c.value) ? `${c.value} ${c.name}` : String(c.value));
      list.append(item);
    }
    box.append(list);
  }
}

/** The class colours of a TileJSON legend, by class value, for the distribution chart. */
export function classColors(tilejson) {
  const colors = new Map();
  if (tilejson && tilejson.legend && tilejson.legend.type === "classes") {
    for (const c of tilejson.legend.classes) {
      colors.set(String(c.value), c.color);
    }
  }
  return colors;
}
