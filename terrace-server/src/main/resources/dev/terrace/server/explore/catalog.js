// The dataset picker: every dataset of the catalog, filtered by the search box, and the chosen
// one's facts (units, resolution, licence, citation, time).

import { all } from "./api.js";

export async function loadCatalog() {
  const [datasets, providers] = await Promise.all([
    all("catalog.datasets.list", "datasets"),
    all("catalog.providers.list", "providers"),
  ]);
  const bySlug = new Map(providers.map((p) => [p.slug, p]));
  return datasets.map((d) => ({ ...d, providerInfo: bySlug.get(d.provider) || {} }));
}

function words(dataset) {
  return [dataset.id, dataset.name, dataset.description, dataset.units, dataset.providerInfo.name]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
}

/** Renders the buttons of the datasets matching the search; a click or Enter chooses one. */
export function renderList(list, datasets, query, chosenId, onChoose) {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = datasets.filter((d) => terms.every((t) => words(d).includes(t)));
  list.replaceChildren(
    ...shown.map((d) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.id = d.id;
      button.setAttribute("aria-pressed", String(d.id === chosenId));
      const id = document.createElement("span");
      id.className = "id";
      id.textContent = d.id;
      const about = document.createElement("span");
      about.className = "about";
      about.textContent = [d.description || d.name, d.units].filter(Boolean).join(" · ");
      button.append(id, about);
      button.addEventListener("click", () => onChoose(d));
      item.append(button);
      return item;
    }),
  );
  return shown;
}

export function timestamps(dataset) {
  return Array.isArray(dataset.temporal) ? dataset.temporal : [];
}

function resolution(metres) {
  if (metres == null) {
    return "unknown";
  }
  return metres >= 1000 ? `${(metres / 1000).toPrecision(3)} km` : `${metres.toPrecision(3)} m`;
}

function temporalExtent(dataset) {
  const times = timestamps(dataset);
  if (times.length === 0) {
    return "static (one layer)";
  }
  const day = (t) => t.slice(0, 10);
  return times.length === 1 ? day(times[0]) : `${day(times[0])} to ${day(times[times.length - 1])} (${times.length} timestamps)`;
}

/** Fills the facts of the chosen dataset into a definition list. */
export function renderInfo(dl, dataset) {
  const p = dataset.providerInfo;
  const facts = [
    ["Units", dataset.units || "none"],
    ["Kind", dataset.data_type],
    ["Resolution", resolution(dataset.resolution_m)],
    ["Time", temporalExtent(dataset)],
    ["Provider", p.name || dataset.provider],
    ["Licence", p.license || "not stated"],
    ["Citation", p.citation || "not stated"],
  ];
  if (dataset.available === false) {
    facts.push(["Unavailable", dataset.unavailable_reason || "yes"]);
  }
  dl.replaceChildren(
    ...facts.flatMap(([term, value]) => {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = value;
      return [dt, dd];
    }),
  );
  dl.hidden = false;
}
