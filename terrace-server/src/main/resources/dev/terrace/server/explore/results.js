// An extract's answer as a table, a line chart of a time series (one point per timestamp) and a
// bar chart of a distribution of classes.

const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

/** A number as the table shows it: whole numbers as they are, others to 3 decimals. */
export function formatNumber(v) {
  if (v == null) {
    return "–";
  }
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}

function formatValue(value, classes) {
  if (value == null || typeof value === "number") {
    return formatNumber(value);
  }
  if (Array.isArray(value)) {
    return value.length > 12 ? `${value.slice(0, 12).join(", ")}, … (${value.length})` : value.join(", ");
  }
  // The chart shows every class; the table names the largest three.
  const entries = Object.entries(value).sort((a, b) => b[1] - a[1]);
  const top = entries
    .slice(0, 3)
    .map(([k, v]) => `${classes[k] ? `${k} ${classes[k]}` : k}: ${formatNumber(v)}`)
    .join(", ");
  return entries.length > 3 ? `${top}, … (${entries.length} classes)` : top;
}

export function renderTable(table, results, classes) {
  const body = table.tBodies[0];
  body.replaceChildren(
    ...results.map((r) => {
      const row = document.createElement("tr");
      const cells = [
        r.timestamp ? r.timestamp.slice(0, 10) : "static",
        formatValue(r.value, classes || {}),
        r.quality,
        r.coverage_fraction == null ? "–" : r.coverage_fraction.toFixed(3),
        String(r.pixel_count),
      ];
      const names = ["time", "value", "quality", "coverage", "pixels"];
      cells.forEach((text, i) => {
        const cell = document.createElement("td");
        cell.className = names[i];
        if (i === 1 && typeof r.value === "object" && r.value !== null) {
          cell.classList.add("value-text");
        }
        if (i === 1 && r.units && typeof r.value === "number") {
          cell.title = r.units;
        }
        cell.textContent = text;
        row.append(cell);
      });
      return row;
    }),
  );
}

let chart = null;

// The chart follows the panel's width, which changes with the window (and the phone's turning).
window.addEventListener("resize", () => {
  if (chart) {
    chart.setSize({ width: Math.max(240, chart.root.parentElement.parentElement.clientWidth), height: 180 });
  }
});

/** A line of the numeric values against their timestamps; hidden for fewer than two timestamps. */
export function renderSeries(box, results, units) {
  if (chart) {
    chart.destroy();
    chart = null;
  }
  const points = results.filter((r) => r.timestamp && !r.timestamp.includes("/"));
  box.hidden = points.length < 2;
  box.dataset.points = String(box.hidden ? 0 : points.length);
  if (box.hidden) {
    return;
  }
  const xs = points.map((r) => Date.parse(r.timestamp) / 1000);
  const ys = points.map((r) => (typeof r.value === "number" ? r.value : null));
  const width = Math.max(240, box.parentElement.clientWidth);
  chart = new uPlot(
    {
      width,
      height: 180,
      legend: { show: false },
      cursor: { show: true },
      series: [{}, { label: units || "value", stroke: "#1f6feb", width: 2, points: { show: true, size: 6 } }],
      axes: [{}, { label: units || "", size: 50 }],
    },
    [xs, ys],
    box,
  );
}

const SVG = "http://www.w3.org/2000/svg";

function svg(name, attributes) {
  const element = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) {
    element.setAttribute(k, String(v));
  }
  return element;
}

/**
 * Bars of a distribution ({class: fraction}) or histogram ({class: count}): a handful of bars
 * drawn as SVG, no chart library needed.
 */
export function renderDistribution(box, results, classes, colors) {
  const value = results.length === 1 ? results[0].value : null;
  const bars = value && typeof value === "object" && !Array.isArray(value) ? Object.entries(value) : [];
  box.hidden = bars.length === 0;
  box.dataset.bars = String(bars.length);
  box.replaceChildren();
  if (box.hidden) {
    return;
  }
  const row = 20;
  const label = 150;
  const width = 360;
  const max = Math.max(...bars.map(([, v]) => v));
  const chartSvg = svg("svg", { viewBox: `0 0 ${width} ${bars.length * row + 4}`, role: "img", "aria-label": "Distribution of classes" });
  bars.forEach(([k, v], i) => {
    const y = i * row + 2;
    const name = classes[k] ? `${k} ${classes[k]}` : k;
    const text = svg("text", { x: 0, y: y + 13 });
    text.textContent = name.length > 22 ? `${name.slice(0, 21)}…` : name;
    const length = max > 0 ? ((width - label - 50) * v) / max : 0;
    const bar = svg("rect", { x: label, y, width: Math.max(1, length), height: row - 5, fill: colors.get(k) || PALETTE[i % PALETTE.length] });
    const amount = svg("text", { x: label + length + 4, y: y + 13 });
    amount.textContent = formatNumber(v);
    const title = svg("title", {});
    title.textContent = `${name}: ${v}`;
    bar.append(title);
    chartSvg.append(text, bar, amount);
  });
  box.append(chartSvg);
}
