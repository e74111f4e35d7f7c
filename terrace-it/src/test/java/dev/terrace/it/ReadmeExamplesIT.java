package dev.terrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.Dataset;
import dev.terrace.api.Estimate;
import dev.terrace.api.EstimateRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.Job;
import dev.terrace.api.JobRow;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.PixelRule;
import dev.terrace.api.RateLimitException;
import dev.terrace.api.TemporalAggregation;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.TerraceException;
import dev.terrace.api.geojson.Feature;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.client.ApiConnectionException;
import dev.terrace.client.ApiTimeoutException;
import dev.terrace.client.CatalogPage;
import dev.terrace.client.ItemResult;
import dev.terrace.client.RawResponse;
import dev.terrace.client.SearchPage;
import dev.terrace.client.TerraceAsyncClient;
import dev.terrace.client.TerraceClient;
import dev.terrace.engine.Terrace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The README's examples, run against a real server on loopback (rate limits on, as by default). The
 * code between {@code // README: name} and {@code // README: end} is what README.md shows,
 * character for character ({@link ReadmeMatchesExamplesIT} checks it); the examples print, and the
 * tests check what they printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeExamplesIT {

  private LoopbackServer server;
  private String baseUrl;
  private String apiKey;

  @BeforeAll
  void start() {
    server = LoopbackServer.start(config -> config);
    baseUrl = server.baseUrl();
    apiKey = server.apiKey();
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
  }

  @Test
  void inProcess() {
    List<String> printed =
        printed(
            () -> {
              // spotless:off -- README.md shows this region as written
      // README: in-process
      try (Terrace terrace = Terrace.embedded()) {                             // built-in sample catalog
        ExtractResponse point = terrace.extract(ExtractRequest.of(Point.of(6.13, 49.61), "lux:elevation"));
        System.out.println(point.results().get(0).number().orElseThrow());     // 300.0 (metres)

        ExtractResponse zone = terrace.extract(ExtractRequest.builder()
            .geometry(Polygon.rectangle(5.9, 49.6, 6.1, 49.8))
            .datasets("lux:elevation", "pr_landcover:land_cover")
            .aggregation("percentile:90")                                      // mean (default), sum, count, min, max,
            .pixelRule(PixelRule.EXACT)                                        // std, median, majority, minority, variety,
            .build());                                                         // unique, distribution; exact/center/all_touched
        zone.results().forEach(r -> System.out.println(r.datasetId() + " " + r.quality()));
        terrace.datasets().datasets().forEach(d -> System.out.println(d.id() + " " + d.units()));
      }
      // README: end
      // spotless:on
            });

    assertThat(printed).hasSize(1 + 2 + 13);
    assertThat(printed.subList(0, 3))
        .containsExactly("300.0", "lux:elevation good", "pr_landcover:land_cover missing");
    assertThat(printed.subList(3, 16))
        .contains(
            "lux:elevation m",
            "pr_landcover:land_cover class",
            "bcsd:pr mm/month",
            "copernicus_dem:elevation m",
            "esa_worldcover:land_cover class");
  }

  @Test
  void timeSeries() {
    List<String> printed =
        printed(
            () -> {
              // spotless:off -- README.md shows this region as written
      // README: time series
      try (Terrace terrace = Terrace.embedded()) {
        ExtractRequest summer = ExtractRequest.builder()
            .geometry(Point.of(-80.986, 36.275))
            .datasets("bcsd:pr")                                               // monthly precipitation, 1999
            .timeRange("1999-06", "1999-08")                                   // inclusive; null leaves an end open
            .build();
        for (ExtractResult month : terrace.extract(summer).results()) {        // one result per timestamp
          System.out.println(month.timestamp() + " " + month.number().orElseThrow());
        }
        ExtractResult total = terrace.extract(summer.toBuilder()
            .temporalAggregation(TemporalAggregation.SUM).build()).results().get(0);
        System.out.println(total.timestamp() + " " + total.number().orElseThrow());
      }
      // README: end
      // spotless:on
            });

    assertThat(printed)
        .containsExactly(
            "1999-06-30T00:00:00Z 96.16999816894531",
            "1999-07-31T00:00:00Z 137.32000732421875",
            "1999-08-31T00:00:00Z 114.24000549316406",
            "1999-06-30T00:00:00Z/1999-08-31T00:00:00Z "
                + (96.16999816894531 + 137.32000732421875 + 114.24000549316406));
  }

  @Test
  void blocking() {
    List<String> printed =
        printed(
            () -> {
              // spotless:off -- README.md shows this region as written
      // README: blocking
      try (TerraceClient client = TerraceClient.builder().baseUrl(baseUrl).apiKey(apiKey).build()) {
        ExtractResponse point = client.extract(Point.of(6.13, 49.61), "lux:elevation");
        System.out.println(point.results().get(0).number().orElseThrow());     // 300.0

        ExtractResponse zone = client.extract(ExtractRequest.builder()
            .geometry(Polygon.rectangle(6.0, 49.6, 6.2, 49.8))
            .datasets("lux:elevation")
            .aggregation("max")
            .pixelRule(PixelRule.CENTER)
            .build());
        System.out.println(zone.results().get(0).number().orElseThrow());      // 425.0
      }
      // README: end
      // spotless:on
            });

    assertThat(printed).containsExactly("300.0", "425.0");
  }

  @Test
  void estimate() {
    List<String> printed =
        printed(
            () -> {
              // spotless:off -- README.md shows this region as written
      // README: estimate
      try (TerraceClient client = TerraceClient.builder().baseUrl(baseUrl).apiKey(apiKey).build()) {
        BatchExtractRequest batch = BatchExtractRequest.of(
            List.of(Polygon.rectangle(6.0, 49.6, 6.2, 49.8), Point.of(6.13, 49.61)), "lux:elevation");
        Estimate cost = client.extraction().estimate(EstimateRequest.of(batch));  // reads no cell
        System.out.println(cost.cells() + " cells in " + cost.tiles() + " tile(s), within limits: "
            + cost.withinLimits());                                           // 625 cells in 1 tile(s), within limits: true
        if (cost.withinLimits() && cost.estimatedSeconds() < 60) {
          System.out.println(client.batchExtract(batch).totalResults());      // 2
        }
      }
      // README: end
      // spotless:on
            });

    assertThat(printed).containsExactly("625 cells in 1 tile(s), within limits: true", "2");
  }

  @Test
  void jobs() {
    List<String> printed =
        printed(
            () -> {
              // spotless:off -- README.md shows this region as written
      // README: jobs
      try (TerraceClient client = TerraceClient.builder().baseUrl(baseUrl).apiKey(apiKey).build()) {
        List<Feature> parcels = List.of(                                     // or JobInput.of(Path.of("parcels.gpkg"))
            new Feature(Point.of(6.13, 49.61), Map.of("parcel", "A-1")),
            new Feature(Point.of(5.9, 49.9), Map.of("parcel", "B-7")));
        Job job = client.jobs().create(
            CreateJobRequest.of(BatchExtractRequest.of(List.of(), "lux:elevation"), parcels));
        job = client.jobs().waitFor(job.id(), Duration.ofHours(1),          // polls with backoff
            j -> System.err.println(j.processed() + " of " + j.total() + " rows"));
        System.out.println(job.status());                                    // SUCCEEDED
        try (Stream<JobRow> rows = client.jobs().results(job.id())) {        // input order, resumes if cut
          rows.forEach(row -> System.out.println(
              row.properties().get("parcel") + " " + row.results().get(0).number().orElseThrow()));
        }                                                                    // A-1 300.0, B-7 411.0
      }
      // README: end
      // spotless:on
            });

    assertThat(printed).containsExactly("SUCCEEDED", "A-1 300.0", "B-7 411.0");
  }

  @Test
  void asyncFanOut() {
    List<String> printed =
        printed(
            () -> {
              // spotless:off -- README.md shows this region as written
      // README: async fan-out
      List<Point> points = List.of(Point.of(6.13, 49.61), Point.of(5.9, 49.9), Point.of(6.01, 49.71));
      try (TerraceAsyncClient client = TerraceAsyncClient.builder().baseUrl(baseUrl).apiKey(apiKey)
          .maxConcurrentRequests(8)                                            // at most 8 calls in flight
          .build()) {
        List<CompletableFuture<ExtractResponse>> calls = points.stream()
            .map(p -> client.extract(p, "lux:elevation"))                      // queued beyond 8, never refused
            .toList();
        calls.forEach(c -> System.out.println(c.join().results().get(0).number().orElseThrow()));

        List<ItemResult<ExtractResponse>> items = client                       // any number of geometries: split
            .extractAll(BatchExtractRequest.of(points, "lux:elevation"))       // into server-sized batches, sent
            .join();                                                           // 8 at a time, answered in input order
        items.forEach(i -> System.out.println(i.index() + " " + i.get().results().get(0).number().orElseThrow()));
      }
      // README: end
      // spotless:on
            });

    // gdallocationinfo -valonly -wgs84 elev_lux.tif: 300, 411, 333
    assertThat(printed).containsExactly("300.0", "411.0", "333.0", "0 300.0", "1 411.0", "2 333.0");
  }

  @Test
  void rawResponse() {
    List<String> printed =
        printed(
            () -> {
              // spotless:off -- README.md shows this region as written
      // README: raw response
      try (TerraceClient client = TerraceClient.builder().baseUrl(baseUrl).apiKey(apiKey).build()) {
        RawResponse<ExtractResponse> raw = client.withRawResponse()
            .extract(ExtractRequest.of(Point.of(6.13, 49.61), "lux:elevation"));
        System.out.println(raw.statusCode());                                  // 200
        System.out.println(raw.requestId().orElseThrow());                     // the X-Request-ID header
        raw.rateLimit().ifPresent(rl -> System.out.println(rl.remaining()));   // of this response, not a shared "last"
        System.out.println(raw.parse().results().get(0).number().orElseThrow()); // 300.0; a 4xx/5xx would throw
      }
      // README: end
      // spotless:on
            });

    assertThat(printed).hasSize(4);
    assertThat(printed.get(0)).isEqualTo("200");
    assertThat(printed.get(1)).isNotBlank();
    assertThat(Long.parseLong(printed.get(2))).isNotNegative();
    assertThat(printed.get(3)).isEqualTo("300.0");
  }

  @Test
  void errorHandling() {
    List<String> printed =
        printed(
            () -> {
              // spotless:off -- README.md shows this region as written
      // README: error handling
      try (TerraceClient client = TerraceClient.builder().baseUrl(baseUrl).apiKey(apiKey).build()) {
        client.extract(Point.of(6.13, 49.61), "lux:elevation", "lux:nothing");
      } catch (InvalidRequestException e) {                                    // 422: which fields, and why
        e.fieldErrors().forEach(f -> System.out.println(f.path() + " " + f.type()));  // dataset_ids[1] unknown_dataset
      } catch (NotFoundException e) {                                          // 404: no such provider or dataset
        System.out.println(e.problem().orElseThrow().detail());
      } catch (RateLimitException e) {                                         // 429, still after the retries
        System.out.println("retry after " + e.retryAfter().orElseThrow());
      } catch (ApiConnectionException | ApiTimeoutException e) {               // no answer, after the retries
        System.out.println(e.getMessage());
      } catch (TerraceException e) {                                           // anything else; all carry the problem
        System.out.println(e.statusCode() + " " + e.requestId().orElse("-"));  // and the request id
      }
      // README: end
      // spotless:on
            });

    assertThat(printed).containsExactly("dataset_ids[1] unknown_dataset");
  }

  @Test
  void pagination() {
    List<String> printed =
        printed(
            () -> {
              // spotless:off -- README.md shows this region as written
      // README: pagination
      try (TerraceClient client = TerraceClient.builder().baseUrl(baseUrl).apiKey(apiKey).build()) {
        CatalogPage<Dataset> page = client.catalog().datasets().list(ListDatasetsRequest.of(null, 4, 0));
        System.out.println(page.total() + " datasets, " + page.count() + " on this page");
        page.autoPager().stream().map(Dataset::id).forEach(System.out::println);  // all of them, page by page
      }
      // README: end
      // spotless:on
            });

    List<String> ids;
    try (Terrace terrace = Terrace.embedded()) {
      ids = terrace.datasets().datasets().stream().map(Dataset::id).toList();
    }
    assertThat(printed.get(0)).isEqualTo("13 datasets, 4 on this page");
    assertThat(printed.subList(1, printed.size())).containsExactlyElementsOf(ids);
  }

  @Test
  void catalogSearch() {
    List<String> printed =
        printed(
            () -> {
              // spotless:off -- README.md shows this region as written
      // README: catalog search
      try (TerraceClient client = TerraceClient.builder().baseUrl(baseUrl).apiKey(apiKey).build()) {
        SearchPage spring = client.catalog().search(ItemSearchRequest.builder()
            .collections("bcsd:pr")
            .datetime("1999-03-01T00:00:00Z/1999-05-31T23:59:59Z")
            .limit(2)                                                          // two a page
            .build());
        spring.autoPager().stream()
            .map(item -> item.id() + " " + item.datetime().orElseThrow())
            .forEach(System.out::println);                                     // three items, two pages
      }
      // README: end
      // spotless:on
            });

    assertThat(printed)
        .containsExactly(
            "pr-1999-03-31 1999-03-31T00:00:00Z",
            "pr-1999-04-30 1999-04-30T00:00:00Z",
            "pr-1999-05-31 1999-05-31T00:00:00Z");
  }

  @Test
  void embedded() {
    List<String> printed =
        printed(
            () -> {
              // spotless:off -- README.md shows this region as written
      // README: embedded
      try (Terrace terrace = Terrace.embedded();                               // in-process
           TerraceClient client = TerraceClient.builder().baseUrl(baseUrl).apiKey(apiKey).build()) {
        for (TerraceApi api : List.of(terrace, client)) {                      // one contract, either side
          ExtractResponse r = api.extract(ExtractRequest.of(Point.of(6.13, 49.61), "lux:elevation"));
          System.out.println(r.results().get(0).number().orElseThrow());       // 300.0, twice
        }
      }
      // README: end
      // spotless:on
            });

    assertThat(printed).containsExactly("300.0", "300.0");
  }

  /** Runs an example and returns the lines it printed. */
  private static List<String> printed(Runnable example) {
    PrintStream out = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      example.run();
    } finally {
      System.setOut(out);
    }
    return buffer.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
