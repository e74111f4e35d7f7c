package dev.terrace.server;

import dev.terrace.api.Operation;

/**
 * What the OpenAPI document and /docs say about each operation: a summary, a description and an
 * example request that the built-in catalog answers (a test sends every example). A switch, so that
 * a new operation does not compile until it is documented.
 */
final class OperationDocs {

  /** The extract example, also the curl example of /docs. */
  static final String EXTRACT_EXAMPLE =
      "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[6.13,49.61]},\"dataset_ids\":[\"lux:elevation\"]}";

  /** The webhook the webhook examples name; a test creates one and sends its id instead. */
  static final String EXAMPLE_WEBHOOK_ID = "wh_0123456789abcdefghijklmn";

  record Doc(String summary, String description, String example) {}

  private OperationDocs() {}

  static Doc of(Operation op) {
    return switch (op) {
      case EXTRACT ->
          new Doc(
              "Values of datasets under one geometry",
              "One GeoJSON geometry (lon/lat unless `crs` names another; always x/y order) against up to 50"
                  + " datasets: one result per dataset, summarised by `aggregation` over the cells `pixel_rule` selects. A dataset that cannot"
                  + " answer gives a result with a null value and a warning, not an error. `aggregation: cells` returns the"
                  + " covered cells themselves (an array of `Cell`, row-major); each counts against the pixel budget, and"
                  + " going over is a 422 naming `aggregation`.",
              EXTRACT_EXAMPLE);
      case EXTRACT_BATCH ->
          new Doc(
              "Values of datasets under many geometries",
              "Up to 1000 geometries against the same datasets; `responses` keeps the input order.",
              "{\"geometries\":[{\"type\":\"Point\",\"coordinates\":[6.13,49.61]},{\"type\":\"Polygon\",\"coordinates\":"
                  + "[[[6.0,49.5],[6.2,49.5],[6.2,49.7],[6.0,49.7],[6.0,49.5]]]}],\"dataset_ids\":[\"lux:elevation\"],"
                  + "\"aggregation\":\"max\"}");
      case EXTRACT_ESTIMATE ->
          new Doc(
              "The cost of an extraction, before it runs",
              "The body of an `extract` (under `extract`), an `extract.batch` (under `extract_batch`) or a"
                  + " `jobs.create` with its rows inline (under `jobs_create`, judged against a job's limits),"
                  + " validated as that operation would validate it, and estimated from the rasters' headers"
                  + " without reading a cell: geometries, datasets and their timestamps, tiles and bytes to read"
                  + " (local and remote), cells to visit, each limit with whether it holds, and `estimated_seconds`"
                  + " at the rate the service measured on its own past extractions (`rate.measured` false while"
                  + " none has run: a conservative default then). A request over a limit is reported"
                  + " (`within_limits: false`), not refused.",
              "{\"extract_batch\":{\"geometries\":[{\"type\":\"Polygon\",\"coordinates\":"
                  + "[[[6.0,49.5],[6.2,49.5],[6.2,49.7],[6.0,49.7],[6.0,49.5]]]}],\"dataset_ids\":[\"lux:elevation\"]}}");
      case CATALOG_PROVIDERS_LIST ->
          new Doc(
              "A page of providers",
              "Providers in catalog order; `limit` is 1 to 1000.",
              "{\"limit\":10,\"offset\":0}");
      case CATALOG_PROVIDERS_GET ->
          new Doc(
              "One provider with its datasets",
              "404 when no provider has the slug.",
              "{\"slug\":\"lux\"}");
      case CATALOG_DATASETS_LIST ->
          new Doc(
              "A page of datasets",
              "All datasets, or one provider's; `limit` is 1 to 1000.",
              "{\"provider\":\"lux\",\"limit\":10}");
      case CATALOG_DATASETS_GET ->
          new Doc(
              "One dataset",
              "Ids are `provider:name`; 404 when there is none.",
              "{\"id\":\"lux:elevation\"}");
      case CATALOG_SEARCH ->
          new Doc(
              "Search the catalog's items (STAC API Item Search)",
              "Each dataset is a collection and each raster behind it an item: its file, each time step, each"
                  + " tile. Filters: `collections`, `ids`, `bbox` (4 or 6 numbers) or `intersects` (a GeoJSON"
                  + " geometry; not both), `datetime` (an RFC 3339 instant or `start/end`, `..` for an open end);"
                  + " `limit` (default 10, at most 10 000), `sortby` and `fields` as the STAC API extensions"
                  + " say. The answer is a GeoJSON FeatureCollection of STAC items; while more match, its"
                  + " `next` link carries the `token` of the next page. The same search is served to STAC"
                  + " clients at `/stac/search`.",
              "{\"collections\":[\"bcsd:pr\"],\"bbox\":[-85,33,-80,36],"
                  + "\"datetime\":\"1999-03-01T00:00:00Z/1999-05-31T23:59:59Z\",\"limit\":5}");
      case JOBS_CREATE ->
          new Doc(
              "Start a job over up to 10 000 000 geometries",
              "The options of `extract.batch` and the rows: inline as `features` (their properties carried to"
                  + " the results) or `geometries`, or, on `POST /api/v1/jobs`, streamed as the body — a GeoJSON"
                  + " FeatureCollection (`application/geo+json`), NDJSON features (`application/x-ndjson`), CSV"
                  + " with `lon,lat` or `wkt` columns (`text/csv`) or a GeoPackage"
                  + " (`application/geopackage+sqlite3`) — with the options in the query string"
                  + " (`?dataset_ids=lux:elevation&aggregation=mean`). Answers 202 with the job at once; the"
                  + " input is read as a stream. An `Idempotency-Key` makes a retried create return the same"
                  + " job. The job runs in committed chunks, so it survives a restart of the service.",
              "{\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                  + "[6.13,49.61]},\"properties\":{\"parcel\":\"A-1\"}}],\"dataset_ids\":[\"lux:elevation\"]}");
      case JOBS_GET ->
          new Doc(
              "A job's status and progress",
              "`processed` never goes backwards; `rows_per_second` and `eta` while it runs; `error` when it"
                  + " failed. 404 for an id that is not one of the caller's jobs.",
              "{\"id\":\"job_00000000000000000000000000\"}");
      case JOBS_LIST ->
          new Doc(
              "A page of the caller's jobs",
              "Newest first, optionally only those in one `status`; `limit` is 1 to 1000.",
              "{\"status\":\"succeeded\",\"limit\":10}");
      case JOBS_CANCEL ->
          new Doc(
              "Stop a job",
              "A queued or running job stops after its current chunk; the rows done stay readable. 409 for"
                  + " a job that has already ended.",
              "{\"id\":\"job_00000000000000000000000000\"}");
      case JOBS_RESULTS ->
          new Doc(
              "A job's rows, streamed",
              "Each input row once, in input order, with its results or its error: NDJSON (a `JobRow` per"
                  + " line), CSV (a line per result) or GeoJSON, by `format` or the `Accept` header. A running"
                  + " job's rows done so far; `offset` resumes after the last row read. 409 for a failed job.",
              "{\"id\":\"job_00000000000000000000000000\",\"offset\":0}");
      case WEBHOOKS_CREATE ->
          new Doc(
              "Create a webhook",
              "Events are POSTed to `url` as `{\"id\", \"type\", \"created_at\", \"data\"}`, signed in the"
                  + " `Terrace-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>`) with"
                  + " `secret`, which the service makes (`whsec_…`) when none is given and shows only in this"
                  + " answer. A delivery the receiver does not answer with a 2xx is retried with exponential"
                  + " backoff for a day. `url` must be https and must not resolve to a loopback, private,"
                  + " link-local or metadata address unless the operator allows it: a 422 naming `url` says"
                  + " why. `job.progress` is sent at most once a minute per job.",
              "{\"url\":\"https://203.0.113.10/terrace-hooks\",\"events\":[\"job.succeeded\",\"job.failed\"]}");
      case WEBHOOKS_LIST ->
          new Doc(
              "A page of webhooks",
              "The caller's webhooks, oldest first, without their secrets; `limit` is 1 to 1000.",
              "{\"limit\":10,\"offset\":0}");
      case WEBHOOKS_DELETE ->
          new Doc(
              "Delete a webhook",
              "Stops its deliveries, pending ones included, and answers the webhook as it was; 404"
                  + " when the caller has none of that id.",
              "{\"id\":\"" + EXAMPLE_WEBHOOK_ID + "\"}");
      case WEBHOOKS_DELIVERIES_LIST ->
          new Doc(
              "A page of a webhook's deliveries",
              "Newest first, each with its status (`pending`, `delivered`, `failed`), every attempt"
                  + " (status code, latency, error) and when the next is due; 404 when the caller has no"
                  + " webhook of that id.",
              "{\"webhook_id\":\"" + EXAMPLE_WEBHOOK_ID + "\",\"limit\":10}");
    };
  }
}
