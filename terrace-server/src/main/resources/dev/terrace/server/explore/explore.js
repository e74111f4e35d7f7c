// The /explore page: wires the map, the dataset picker, the preview, the drawing tool, the
// extract and the copy-as snippets together. Plain ES2020 modules, no build step.

import { AuthError, apiKey, operation, setApiKey } from "./api.js";
import { loadCatalog, renderInfo, renderList, timestamps } from "./catalog.js";
import { DrawTool } from "./draw.js";
import { Preview, classColors, colormapsFor } from "./preview.js";
import { renderDistribution, renderSeries, renderTable } from "./results.js";
import { cli, curl, java } from "./snippets.js";

const $ = (id) => document.getElementById(id);

const CONTINUOUS = ["mean", "median", "min", "max", "sum", "std", "count", "range", "majority", "minority", "nodata_count"];
const CATEGORICAL = ["distribution", "majority", "minority", "variety", "histogram", "count", "nodata_count"];

const state = { datasets: [], dataset: null, geometry: null, tilejson: null, auth: false };

const map = L.map("map", { worldCopyJump: true, zoomSnap: 0.5 }).setView([25, 0], 2);
map.attributionControl.setPrefix("Leaflet");

/** Country outlines from a bundled file: a basemap that needs no tile server. */
async function basemap() {
  map.createPane("basemap").style.zIndex = 150;
  map.createPane("outlines").style.zIndex = 350;
  map.getPane("outlines").style.pointerEvents = "none";
  const response = await fetch("/explore/assets/world/countries-110m.geojson");
  const world = await response.json();
  const attribution = "Natural Earth";
  L.geoJSON(world, {
    pane: "basemap",
    renderer: L.svg({ pane: "basemap" }),
    style: () => ({ color: "#b9c0cc", weight: 0.6, fillColor: "#f6f4ef", fillOpacity: 1 }),
    interactive: false,
    attribution,
  }).addTo(map);
  L.geoJSON(world, {
    pane: "outlines",
    renderer: L.svg({ pane: "outlines" }),
    style: () => ({ color: "#5b6577", weight: 0.6, fill: false }),
    interactive: false,
  }).addTo(map);
}

const preview = new Preview(map, $("legend"));

const draw = new DrawTool(
  map,
  (geometry) => {
    state.geometry = geometry;
    updateRequest();
  },
  (message, mode) => {
    $("draw-status").textContent = message;
    for (const tool of ["point", "rectangle", "polygon"]) {
      $(`draw-${tool}`).setAttribute("aria-pressed", String(tool === mode));
    }
  },
);

function request() {
  if (!state.dataset || !state.geometry) {
    return null;
  }
  return {
    geometry: state.geometry,
    dataset_ids: [state.dataset.id],
    aggregation: $("aggregation").value,
    pixel_rule: $("pixel-rule").value,
  };
}

function updateRequest() {
  const r = request();
  $("run").disabled = r === null;
  $("request-json").textContent = r
    ? JSON.stringify(r, null, 2)
    : state.dataset
      ? "Draw a geometry on the map."
      : "Pick a dataset and draw a geometry.";
  if ($("snippet").dataset.kind) {
    showSnippet($("snippet").dataset.kind, false);
  }
}

function fillSelect(select, values, chosen) {
  select.replaceChildren(
    ...values.map((v) => {
      const option = document.createElement("option");
      option.value = v;
      option.textContent = v;
      option.selected = v === chosen;
      return option;
    }),
  );
}

function boundsOf(dataset, tilejson) {
  const b = tilejson && tilejson.bounds ? tilejson.bounds : dataset.bbox;
  return b ? L.latLngBounds([b[1], b[0]], [b[3], b[2]]) : null;
}

async function choose(dataset) {
  state.dataset = dataset;
  state.tilejson = null;
  renderList($("dataset-list"), state.datasets, $("dataset-search").value, dataset.id, choose);
  renderInfo($("dataset-info"), dataset);
  const categorical = dataset.data_type === "categorical";
  fillSelect($("aggregation"), categorical ? CATEGORICAL : CONTINUOUS, categorical ? "distribution" : "mean");
  fillSelect($("colormap"), colormapsFor(dataset), categorical ? "classes" : "viridis");
  const times = timestamps(dataset);
  fillSelect($("timestamp"), times, times[0]);
  $("timestamp").hidden = times.length === 0;
  $("timestamp-label").hidden = times.length === 0;
  $("preview-section").hidden = false;
  $("results-section").hidden = true;
  updateRequest();
  const bounds = boundsOf(dataset, null);
  if (bounds) {
    map.fitBounds(bounds, { padding: [16, 16], animate: false });
  }
  await showPreview(true);
}

async function showPreview(fit) {
  const dataset = state.dataset;
  const categorical = $("colormap").value === "classes";
  const tilejson = await preview.show(
    dataset,
    $("colormap").value,
    $("timestamp").hidden ? null : $("timestamp").value,
    categorical ? null : $("rescale").value,
  );
  // Classes have their own colours: no stretch to choose.
  $("rescale").hidden = categorical;
  $("rescale-label").hidden = categorical;
  if (dataset !== state.dataset) {
    return;
  }
  state.tilejson = tilejson;
  if (tilejson && Array.isArray(tilejson.colormaps) && tilejson.colormaps.length > 0) {
    fillSelect($("colormap"), tilejson.colormaps, $("colormap").value);
  }
  const bounds = boundsOf(dataset, tilejson);
  if (fit && tilejson && bounds) {
    map.fitBounds(bounds, { padding: [16, 16], animate: false });
  }
}

async function run() {
  const r = request();
  if (!r) {
    return;
  }
  const status = $("run-status");
  status.classList.remove("error");
  status.textContent = "Running…";
  $("run").disabled = true;
  try {
    const answer = await operation("extract", r);
    const classes = state.dataset.classes || {};
    $("results-section").hidden = false;
    renderTable($("results-table"), answer.results, classes);
    renderSeries($("series-chart"), answer.results, state.dataset.units);
    renderDistribution($("distribution-chart"), answer.results, classes, classColors(state.tilejson));
    $("warnings").replaceChildren(
      ...(answer.warnings || []).map((w) => {
        const item = document.createElement("li");
        item.textContent = w;
        return item;
      }),
    );
    $("results-section").scrollIntoView({ block: "nearest" });
    status.textContent = `${answer.results.length} result${answer.results.length === 1 ? "" : "s"} in ${Math.round(answer.elapsed_ms)} ms.`;
  } catch (e) {
    status.classList.add("error");
    status.textContent = e.message;
    if (e instanceof AuthError) {
      askForKey(`The key was refused: ${e.message}`);
    }
  } finally {
    $("run").disabled = request() === null;
  }
}

function showSnippet(kind, copy) {
  const r = request();
  const box = $("snippet");
  if (!r) {
    box.hidden = true;
    $("copy-status").textContent = "Pick a dataset and draw a geometry first.";
    return;
  }
  const base = window.location.origin;
  const text = kind === "curl" ? curl(base, r, state.auth) : kind === "java" ? java(base, r) : cli(base, r, state.auth);
  box.textContent = text;
  box.dataset.kind = kind;
  box.hidden = false;
  if (copy) {
    navigator.clipboard
      .writeText(text)
      .then(() => ($("copy-status").textContent = `Copied as ${kind}.`))
      .catch(() => ($("copy-status").textContent = "Select the text above to copy it."));
  }
}

function askForKey(message) {
  $("key-form").hidden = false;
  const note = $("key-message");
  if (message) {
    note.textContent = message;
    note.classList.add("error");
  }
  $("api-key").focus();
}

async function catalog() {
  const status = $("catalog-status");
  status.textContent = "Loading the catalog…";
  try {
    state.datasets = await loadCatalog();
    $("forget-key").hidden = !apiKey();
    status.textContent = `${state.datasets.length} datasets.`;
    renderList($("dataset-list"), state.datasets, $("dataset-search").value, null, choose);
  } catch (e) {
    status.textContent = "";
    if (e instanceof AuthError) {
      askForKey(`The catalog needs a valid key: ${e.message}`);
    } else {
      status.textContent = `The catalog could not be read: ${e.message}`;
    }
  }
}

function wire() {
  $("dataset-search").addEventListener("input", (e) => {
    renderList($("dataset-list"), state.datasets, e.target.value, state.dataset && state.dataset.id, choose);
  });
  $("dataset-search").addEventListener("keydown", (e) => {
    const first = $("dataset-list").querySelector("button");
    if (e.key === "Enter" && first) {
      first.click();
    } else if (e.key === "ArrowDown" && first) {
      e.preventDefault();
      first.focus();
    }
  });
  // Up and down move through the list; up from the first entry goes back to the search box.
  $("dataset-list").addEventListener("keydown", (e) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") {
      return;
    }
    e.preventDefault();
    const buttons = [...$("dataset-list").querySelectorAll("button")];
    const at = buttons.indexOf(document.activeElement);
    const next = at + (e.key === "ArrowDown" ? 1 : -1);
    if (next < 0) {
      $("dataset-search").focus();
    } else if (next < buttons.length) {
      buttons[next].focus();
    }
  });
  $("key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    setApiKey($("api-key").value.trim());
    $("api-key").value = "";
    $("key-form").hidden = true;
    catalog();
  });
  $("forget-key").addEventListener("click", () => {
    setApiKey("");
    window.location.reload();
  });
  $("colormap").addEventListener("change", () => showPreview(false));
  $("timestamp").addEventListener("change", () => showPreview(false));
  $("rescale").addEventListener("change", () => showPreview(false));
  $("opacity").addEventListener("input", (e) => preview.setOpacity(Number(e.target.value) / 100));
  for (const tool of ["point", "rectangle", "polygon"]) {
    $(`draw-${tool}`).addEventListener("click", () => {
      draw.start(tool);
      map.getContainer().focus();
    });
  }
  $("clear-geometry").addEventListener("click", () => draw.clear());
  $("aggregation").addEventListener("change", updateRequest);
  $("pixel-rule").addEventListener("change", updateRequest);
  $("run").addEventListener("click", run);
  $("copy-curl").addEventListener("click", () => showSnippet("curl", true));
  $("copy-java").addEventListener("click", () => showSnippet("java", true));
  $("copy-cli").addEventListener("click", () => showSnippet("cli", true));
  const readFile = (file) =>
    file.text().then(
      (text) => {
        try {
          draw.load(text);
        } catch (e) {
          $("draw-status").textContent = `${file.name}: ${e.message}`;
        }
      },
      (e) => ($("draw-status").textContent = `${file.name}: ${e.message}`),
    );
  $("geojson-file").addEventListener("change", (e) => {
    if (e.target.files.length > 0) {
      readFile(e.target.files[0]);
    }
  });
  const container = map.getContainer();
  container.addEventListener("dragover", (e) => e.preventDefault());
  container.addEventListener("drop", (e) => {
    e.preventDefault();
    if (e.dataTransfer.files.length > 0) {
      readFile(e.dataTransfer.files[0]);
    }
  });
}

async function start() {
  wire();
  basemap();
  // /health says whether keys are required, so the page asks for one before a call fails.
  const health = await fetch("/health").then((r) => r.json());
  state.auth = health.auth === true;
  if (state.auth && !apiKey()) {
    askForKey(null);
    return;
  }
  catalog();
}

start();
