// The request shown on the page as a curl command, Java SDK code and a terrace CLI command. The
// key is never written into them: they read it from TERRACE_API_KEY.

const shellQuote = (text) => `'${text.replace(/'/g, "'\\''")}'`;
const javaString = (text) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

export function curl(base, request, auth) {
  const lines = [`curl -s ${shellQuote(`${base}/v1/op/extract`)}`, `-H 'Content-Type: application/json'`];
  if (auth) {
    lines.push(`-H "Authorization: Bearer $TERRACE_API_KEY"`);
  }
  lines.push(`-d ${shellQuote(JSON.stringify(request))}`);
  return lines.join(" \\\n  ");
}

export function cli(base, request, auth) {
  const lines = [`terrace extract --url ${shellQuote(base)}`];
  if (auth) {
    lines.push(`--api-key "$TERRACE_API_KEY"`);
  }
  lines.push(`--dataset ${request.dataset_ids.join(",")}`);
  lines.push(`--aggregation ${request.aggregation}`);
  lines.push(`--pixel-rule ${request.pixel_rule}`);
  lines.push(`--geometry ${shellQuote(JSON.stringify(request.geometry))}`);
  lines.push("--format table");
  return lines.join(" \\\n  ");
}

const number = (v) => (Number.isInteger(v) ? `${v}.0` : String(v));

/** The geometry as the SDK's factories build it, or read from its GeoJSON for other shapes. */
function javaGeometry(g) {
  if (g.type === "Point") {
    return { imports: ["dev.terrace.api.geojson.Point"], code: `Point.of(${number(g.coordinates[0])}, ${number(g.coordinates[1])})` };
  }
  if (g.type === "Polygon" && g.coordinates.length === 1) {
    const ring = g.coordinates[0].slice(0, -1);
    const positions = ring.map((p) => `new double[] {${number(p[0])}, ${number(p[1])}}`);
    return {
      imports: ["dev.terrace.api.geojson.Polygon"],
      code: `Polygon.of(\n          ${positions.join(",\n          ")})`,
    };
  }
  return {
    imports: ["com.fasterxml.jackson.databind.ObjectMapper", "dev.terrace.api.geojson.Geometry"],
    code: `new ObjectMapper().readValue(${javaString(JSON.stringify(g))}, Geometry.class)`,
  };
}

export function java(base, request) {
  const geometry = javaGeometry(request.geometry);
  const imports = [
    ...geometry.imports,
    "dev.terrace.api.ExtractRequest",
    "dev.terrace.api.ExtractResponse",
    "dev.terrace.api.PixelRule",
    "dev.terrace.client.TerraceClient",
  ].sort();
  return `${imports.map((i) => `import ${i};`).join("\n")}

try (TerraceClient client = TerraceClient.builder()
    .baseUrl(${javaString(base)})
    .apiKey(System.getenv("TERRACE_API_KEY"))
    .build()) {
  ExtractResponse response = client.extract(ExtractRequest.builder()
      .geometry(${geometry.code})
      .datasets(${request.dataset_ids.map(javaString).join(", ")})
      .aggregation(${javaString(request.aggregation)})
      .pixelRule(PixelRule.${request.pixel_rule.toUpperCase()})
      .build());
  response.results().forEach(r ->
      System.out.println(r.timestamp() + " " + r.value() + " " + r.quality()));
}`;
}
