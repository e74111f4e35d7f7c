package dev.terrace.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.openapi.client.ApiClient;
import dev.terrace.openapi.client.ApiException;
import dev.terrace.openapi.client.api.CatalogApi;
import dev.terrace.openapi.client.api.ExtractApi;
import dev.terrace.openapi.client.api.JobsApi;
import dev.terrace.openapi.client.api.ServiceApi;
import dev.terrace.openapi.client.api.StacApi;
import dev.terrace.openapi.client.api.TilesApi;
import dev.terrace.openapi.client.api.WebhooksApi;
import dev.terrace.openapi.client.model.BatchExtractRequest;
import dev.terrace.openapi.client.model.BatchExtractResponse;
import dev.terrace.openapi.client.model.CreateJobRequest;
import dev.terrace.openapi.client.model.CreateWebhookRequest;
import dev.terrace.openapi.client.model.Dataset;
import dev.terrace.openapi.client.model.DatasetPage;
import dev.terrace.openapi.client.model.DeleteWebhookRequest;
import dev.terrace.openapi.client.model.ErrorType;
import dev.terrace.openapi.client.model.Estimate;
import dev.terrace.openapi.client.model.EstimateRequest;
import dev.terrace.openapi.client.model.ExtractRequest;
import dev.terrace.openapi.client.model.ExtractResult;
import dev.terrace.openapi.client.model.Feature;
import dev.terrace.openapi.client.model.Geometry;
import dev.terrace.openapi.client.model.GetDatasetRequest;
import dev.terrace.openapi.client.model.GetProviderRequest;
import dev.terrace.openapi.client.model.Health;
import dev.terrace.openapi.client.model.ItemCollection;
import dev.terrace.openapi.client.model.ItemSearchRequest;
import dev.terrace.openapi.client.model.Job;
import dev.terrace.openapi.client.model.JobIdRequest;
import dev.terrace.openapi.client.model.JobResultsRequest;
import dev.terrace.openapi.client.model.JobRow;
import dev.terrace.openapi.client.model.JobStatus;
import dev.terrace.openapi.client.model.ListDatasetsRequest;
import dev.terrace.openapi.client.model.ListJobsRequest;
import dev.terrace.openapi.client.model.ListProvidersRequest;
import dev.terrace.openapi.client.model.ListWebhookDeliveriesRequest;
import dev.terrace.openapi.client.model.ListWebhooksRequest;
import dev.terrace.openapi.client.model.PixelRule;
import dev.terrace.openapi.client.model.Problem;
import dev.terrace.openapi.client.model.Provider;
import dev.terrace.openapi.client.model.ProviderPage;
import dev.terrace.openapi.client.model.Quality;
import dev.terrace.openapi.client.model.StacItem;
import dev.terrace.openapi.client.model.StacLink;
import dev.terrace.openapi.client.model.Webhook;
import dev.terrace.openapi.client.model.WebhookDeliveryPage;
import dev.terrace.openapi.client.model.WebhookEvent;
import dev.terrace.openapi.client.model.WebhookPage;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The client openapi-generator makes from /openapi.json, unchanged, against a live server: every
 * operation the document describes, in both route styles, with values known from GDAL and rasterio
 * (see terrace-it's ContractIT) or worked out here from the raster's grid.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedClientTest {

  private static final String ELEVATION = "lux:elevation";

  /** elev_lux.tif's cell, 1/120 degree, and its west and north edges. */
  private static final double CELL = 1.0 / 120;

  private static final double WEST = 5.741666666666666;
  private static final double NORTH = 50.191666666666663;

  /**
   * Aligned with the grid, 24 × 24 cells: rasterio.mask's mean over it is 318.2083333333333, its
   * max 425.
   */
  private static final double[] LUX_BOX = {6.0, 49.6, 6.2, 49.8};

  private static LiveServer server;
  private static ApiClient client;
  private static ExtractApi extract;
  private static CatalogApi catalog;
  private static ServiceApi service;
  private static WebhooksApi webhooks;

  @BeforeAll
  static void start() {
    server = LiveServer.start();
    client = server.client();
    extract = new ExtractApi(client);
    catalog = new CatalogApi(client);
    service = new ServiceApi(client);
    webhooks = new WebhooksApi(client);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** Last, so that it sees every call the other tests made; unordered tests run before it. */
  @Test
  @Order(Integer.MAX_VALUE)
  void everyDescribedOperationWasCalled() throws Exception {
    JsonNode document = client.getObjectMapper().valueToTree(service.openapi());
    List<String> described = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m -> {
                          String call =
                              m.toUpperCase(Locale.ROOT)
                                  + " "
                                  + path.getKey().replaceAll("\\{[^}]+}", "[^/]+");
                          described.add(call);
                          if (server.called().stream().noneMatch(c -> c.matches(call))) {
                            missed.add(m + " " + path.getKey());
                          }
                        }));
    assertThat(described).as("operations described").hasSizeGreaterThanOrEqualTo(16);
    assertThat(missed).as("operations no test called").isEmpty();
  }

  // --- preview tiles ---

  @Test
  void aPreviewTileIsAPngAndItsTileJsonNamesItsTemplate() throws Exception {
    TilesApi tiles = new TilesApi(client);
    java.io.File png =
        tiles.previewTile("lux:elevation", 8, 132, "87.png", "terrain", "141,547", null, null);
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png);
    assertThat(image.getWidth()).isEqualTo(256);
    // the engine's reference tile of GDAL: the colour of the cell under pixel (100, 40)
    assertThat(image.getRGB(100, 40) >>> 24).isEqualTo(255);
    JsonNode tileJson =
        client
            .getObjectMapper()
            .valueToTree(tiles.previewTileJson("lux:elevation", null, "auto", null, null));
    assertThat(tileJson.path("tiles").get(0).asText())
        .endsWith(
            "/api/v1/tiles/lux:elevation/{z}/{x}/{y}.png?colormap=viridis&rescale=141.0,547.0");
  }

  // --- extract: each geometry type the Geometry oneOf offers that a request commonly sends ---

  @Test
  void aPointReadsTheCellUnderIt() throws Exception {
    // gdallocationinfo -valonly -wgs84 elev_lux.tif 6.13 49.61 → 300
    ExtractResult result =
        only(extract.extract(request(Geo.point(6.13, 49.61)), null, null).getResults());
    assertThat(number(result.getValue())).isEqualTo(300.0);
    assertThat(result.getUnits()).isEqualTo("m");
    assertThat(result.getQuality()).isEqualTo(Quality.GOOD);
  }

  @Test
  void aPolygonSummarisesTheCellsItCovers() throws Exception {
    ExtractResult result =
        only(
            extract
                .extract(
                    request(Geo.box(LUX_BOX[0], LUX_BOX[1], LUX_BOX[2], LUX_BOX[3]))
                        .pixelRule(PixelRule.CENTER),
                    null,
                    null)
                .getResults());
    assertThat(number(result.getValue())).isCloseTo(318.2083333333333, within(1e-9));
    assertThat(result.getPixelCount()).isEqualTo(24 * 24);
    assertThat(result.getPixelRule()).isEqualTo(PixelRule.CENTER);
  }

  @Test
  void aMultiPolygonSummarisesItsPartsTogether() throws Exception {
    // Two grid-aligned boxes three columns apart: 12 × 12 and 9 × 12 cells.
    double[] west = {6.0, 49.6, 6.1, 49.7};
    double[] east = {6.125, 49.7, 6.2, 49.8};
    ExtractResult both = sum(Geo.boxes(west, east));
    ExtractResult first = sum(Geo.box(west[0], west[1], west[2], west[3]));
    ExtractResult second = sum(Geo.box(east[0], east[1], east[2], east[3]));
    assertThat(both.getPixelCount()).isEqualTo(12 * 12 + 9 * 12);
    assertThat(number(both.getValue()))
        .isCloseTo(number(first.getValue()) + number(second.getValue()), within(1e-6));
  }

  @Test
  void aLineWeighsEachCellByTheLengthInsideIt() throws Exception {
    // From the centre of column 30 to the centre of column 35 along row 70: five cells long over
    // six cells.
    double lat = NORTH - 70.5 * CELL;
    double[][] line = {{WEST + 30.5 * CELL, lat}, {WEST + 35.5 * CELL, lat}};
    assertThat(count(Geo.line(line), PixelRule.EXACT)).isCloseTo(5, within(1e-9));
    assertThat(count(Geo.line(line), PixelRule.CENTER)).isEqualTo(6);
    // Corner to corner across two cells of rows 70-71: √2 cell lengths in each.
    double[][] diagonal = {
      {WEST + 30 * CELL, NORTH - 70 * CELL}, {WEST + 32 * CELL, NORTH - 72 * CELL}
    };
    assertThat(count(Geo.lines(line, diagonal), PixelRule.EXACT))
        .isCloseTo(5 + 2 * Math.sqrt(2), within(1e-6));
  }

  @Test
  void theResourceRouteAnswersAsTheOperationDoes() throws Exception {
    ExtractResult result =
        only(extract.restExtract(request(Geo.point(5.9, 49.9)), null, null).getResults());
    // gdallocationinfo -valonly -wgs84 elev_lux.tif 5.9 49.9 → 411
    assertThat(number(result.getValue())).isEqualTo(411.0);
  }

  @Test
  void aBatchAnswersInInputOrder() throws Exception {
    BatchExtractRequest batch =
        new BatchExtractRequest()
            .geometries(
                List.of(
                    Geo.point(6.13, 49.61),
                    Geo.point(5.9, 49.9),
                    Geo.box(LUX_BOX[0], LUX_BOX[1], LUX_BOX[2], LUX_BOX[3])))
            .datasetIds(List.of(ELEVATION))
            .aggregation("max")
            .pixelRule(PixelRule.CENTER);
    for (BatchExtractResponse answer :
        List.of(
            extract.extractBatch(batch, null, null), extract.restExtractBatch(batch, null, null))) {
      assertThat(answer.getTotalGeometries()).isEqualTo(3);
      assertThat(answer.getResponses())
          .extracting(r -> number(only(r.getResults()).getValue()))
          .containsExactly(300.0, 411.0, 425.0);
    }
  }

  @Test
  void anEstimateCountsTheCellsOnBothRoutes() throws Exception {
    BatchExtractRequest batch =
        new BatchExtractRequest()
            .geometries(
                List.of(
                    Geo.point(6.13, 49.61),
                    Geo.box(LUX_BOX[0], LUX_BOX[1], LUX_BOX[2], LUX_BOX[3])))
            .datasetIds(List.of(ELEVATION));
    EstimateRequest request = new EstimateRequest().extractBatch(batch);
    for (Estimate answer :
        List.of(
            extract.extractEstimate(null, request), extract.restExtractEstimate(null, request))) {
      assertThat(answer.getGeometries()).isEqualTo(2);
      // The box's 24 × 24 cells with a cell to spare each way; the point visits no area.
      assertThat(answer.getCells()).isEqualTo(625L);
      assertThat(answer.getTiles()).isEqualTo(1L);
      assertThat(answer.getWithinLimits()).isTrue();
      assertThat(answer.getDatasets()).hasSize(1);
    }
  }

  @Test
  void anUnknownDatasetIsA422ProblemNamingTheField() throws Exception {
    ExtractRequest request =
        request(Geo.point(6.13, 49.61)).datasetIds(List.of(ELEVATION, "lux:nothing"));
    ApiException e =
        catchThrowableOfType(ApiException.class, () -> extract.extract(request, null, null));
    assertThat(e.getCode()).isEqualTo(422);
    assertThat(e.getResponseHeaders().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    assertThat(problem.getStatus()).isEqualTo(422);
    assertThat(problem.getErrorType()).isEqualTo(ErrorType.VALIDATION_ERROR);
    assertThat(problem.getErrors())
        .singleElement()
        .satisfies(
            field -> {
              assertThat(field.getLoc()).containsExactly("dataset_ids", 1);
              assertThat(field.getType()).isEqualTo("unknown_dataset");
            });
  }

  // --- catalog, by operation and by resource ---

  @Test
  void providersArePagedInCatalogOrder() throws Exception {
    ProviderPage byName =
        catalog.catalogProvidersList(null, new ListProvidersRequest().limit(2).offset(0));
    ProviderPage byResource = catalog.restCatalogProvidersList(null, 2, 0);
    for (ProviderPage page : List.of(byName, byResource)) {
      assertThat(page.getTotal()).isEqualTo(7);
      assertThat(page.getCount()).isEqualTo(2);
      assertThat(page.getProviders())
          .extracting(Provider::getSlug)
          .containsExactly("lux", "olinda");
    }
  }

  @Test
  void aProviderComesWithItsDatasets() throws Exception {
    for (Provider lux :
        List.of(
            catalog.catalogProvidersGet(new GetProviderRequest().slug("lux"), null),
            catalog.restCatalogProvidersGet("lux", null))) {
      assertThat(lux.getLicense()).isEqualTo("GPL-3.0-or-later");
      assertThat(lux.getDatasets()).extracting(Dataset::getId).containsExactly(ELEVATION);
    }
  }

  @Test
  void anUnknownProviderIsA404Problem() throws Exception {
    ApiException e =
        catchThrowableOfType(
            ApiException.class, () -> catalog.restCatalogProvidersGet("nope", null));
    assertThat(e.getCode()).isEqualTo(404);
    assertThat(
            client.getObjectMapper().readValue(e.getResponseBody(), Problem.class).getErrorType())
        .isEqualTo(ErrorType.NOT_FOUND);
  }

  @Test
  void datasetsOfAProviderListAndReadWhateverTheirTime() throws Exception {
    DatasetPage byName =
        catalog.catalogDatasetsList(null, new ListDatasetsRequest().provider("bcsd"));
    DatasetPage byResource = catalog.restCatalogDatasetsList(null, "bcsd", null, null);
    for (DatasetPage page : List.of(byName, byResource)) {
      assertThat(page.getDatasets())
          .extracting(Dataset::getId)
          .containsExactly("bcsd:pr", "bcsd:tas");
      // a monthly series: its timestamps, not "static"
      assertThat(page.getDatasets().get(0).getTemporal()).asInstanceOf(LIST).hasSize(12);
    }
  }

  @Test
  void aDatasetIsReadByItsId() throws Exception {
    for (Dataset elevation :
        List.of(
            catalog.catalogDatasetsGet(new GetDatasetRequest().id(ELEVATION), null),
            catalog.restCatalogDatasetsGet(ELEVATION, null))) {
      assertThat(elevation.getProvider()).isEqualTo("lux");
      assertThat(elevation.getUnits()).isEqualTo("m");
      assertThat(elevation.getTemporal()).isEqualTo("static");
    }
  }

  @Test
  void aCatalogSearchPagesByTokenOnBothRoutes() throws Exception {
    ItemSearchRequest march =
        new ItemSearchRequest()
            .collections(List.of("bcsd:pr"))
            .datetime("1999-03-01T00:00:00Z/1999-05-31T23:59:59Z")
            .limit(2);
    for (boolean byName : List.of(true, false)) {
      march.token(null); // the generated models are mutable: the previous pass set it
      ItemCollection first =
          byName ? catalog.catalogSearch(null, march) : catalog.restCatalogSearch(null, march);
      assertThat(first.getNumberMatched()).isEqualTo(3);
      assertThat(first.getFeatures())
          .extracting(StacItem::getId)
          .containsExactly("pr-1999-03-31", "pr-1999-04-30");
      StacLink next =
          first.getLinks().stream()
              .filter(l -> l.getRel().equals("next"))
              .findFirst()
              .orElseThrow();
      ItemSearchRequest after = march.token((String) next.getBody().get("token"));
      ItemCollection last =
          byName ? catalog.catalogSearch(null, after) : catalog.restCatalogSearch(null, after);
      assertThat(last.getFeatures()).extracting(StacItem::getId).containsExactly("pr-1999-05-31");
    }
  }

  // --- the STAC API ---

  @Test
  void aStacClientBrowsesFromTheLandingPageToAnItem() throws Exception {
    StacApi stac = new StacApi(client);
    assertThat(client.getObjectMapper().valueToTree(stac.stacLanding(null)).path("type").asText())
        .isEqualTo("Catalog");
    assertThat(client.getObjectMapper().valueToTree(stac.stacConformance(null)).toString())
        .contains("https://api.stacspec.org/v1.0.0/item-search");
    assertThat(client.getObjectMapper().valueToTree(stac.stacCollections(null)).path("collections"))
        .hasSize(13);
    assertThat(
            client
                .getObjectMapper()
                .valueToTree(stac.stacCollection("bcsd:pr", null))
                .path("extent")
                .path("temporal")
                .path("interval")
                .get(0)
                .get(1)
                .asText())
        .startsWith("1999-12-31");
    ItemCollection page =
        stac.stacItems(
            "bcsd:pr", null, null, null, null, 5, null, "-properties.datetime", null, null);
    assertThat(page.getFeatures()).hasSize(5);
    assertThat(page.getFeatures().get(0).getId()).isEqualTo("pr-1999-12-31");
    assertThat(stac.stacItem("bcsd:pr", "pr-1999-12-31", null).getCollection())
        .isEqualTo("bcsd:pr");
    ItemCollection lux =
        stac.stacSearch(
            "lux:elevation", null, "5.9,49.5,6.3,49.9", null, null, null, null, null, null, null);
    assertThat(lux.getFeatures()).extracting(StacItem::getId).containsExactly("elev_lux");
    ItemCollection byPost =
        stac.stacSearchByPost(
            null,
            new ItemSearchRequest()
                .collections(List.of("lux:elevation"))
                .bbox(List.of(5.9, 49.5, 6.3, 49.9)));
    assertThat(byPost.getFeatures()).extracting(StacItem::getId).containsExactly("elev_lux");
  }

  // --- webhooks, by operation and by resource ---

  @Test
  void webhooksAreCreatedListedReadAndDeletedOnBothRoutes() throws Exception {
    CreateWebhookRequest request =
        new CreateWebhookRequest()
            .url("https://203.0.113.10/terrace-hooks")
            .events(List.of(WebhookEvent.JOB_SUCCEEDED, WebhookEvent.JOB_FAILED));
    Webhook byName = webhooks.webhooksCreate(request, null, null);
    Webhook byResource = webhooks.restWebhooksCreate(request, null, null);
    for (Webhook created : List.of(byName, byResource)) {
      assertThat(created.getId()).startsWith("wh_");
      assertThat(created.getSecret()).startsWith("whsec_");
      assertThat(created.getEvents())
          .containsExactly(WebhookEvent.JOB_SUCCEEDED, WebhookEvent.JOB_FAILED);
    }
    for (WebhookPage page :
        List.of(
            webhooks.webhooksList(null, new ListWebhooksRequest().limit(10)),
            webhooks.restWebhooksList(null, 10, 0))) {
      assertThat(page.getWebhooks())
          .extracting(Webhook::getId)
          .contains(byName.getId(), byResource.getId());
      assertThat(page.getWebhooks()).extracting(Webhook::getSecret).containsOnlyNulls();
    }
    for (WebhookDeliveryPage page :
        List.of(
            webhooks.webhooksDeliveriesList(
                new ListWebhookDeliveriesRequest().webhookId(byName.getId()), null),
            webhooks.restWebhooksDeliveriesList(byResource.getId(), null, 10, 0))) {
      assertThat(page.getTotal()).isZero();
    }
    assertThat(webhooks.webhooksDelete(new DeleteWebhookRequest().id(byName.getId()), null).getId())
        .isEqualTo(byName.getId());
    assertThat(webhooks.restWebhooksDelete(byResource.getId(), null).getId())
        .isEqualTo(byResource.getId());
    ApiException gone =
        catchThrowableOfType(
            ApiException.class, () -> webhooks.restWebhooksDelete(byResource.getId(), null));
    assertThat(gone.getCode()).isEqualTo(404);
  }

  // --- the service's own routes ---

  @Test
  void healthMetricsAndTheDocsPageAnswer() throws Exception {
    assertThat(service.health().getStatus()).isEqualTo(Health.StatusEnum.OK);
    assertThat(service.metrics()).contains("# TYPE");
    // The native library reads a body as text only when it is text/plain: the page arrives and is
    // then read as
    // JSON. The document is right to call it text/html; the page itself is DocsTest's in
    // terrace-server.
    ApiException page = catchThrowableOfType(ApiException.class, service::docs);
    assertThat(page.getCause()).isInstanceOf(JsonParseException.class).hasMessageContaining("'<'");
  }

  @Test
  void theExplorePageAndItsFilesAnswer() throws Exception {
    // text/html read as JSON, as /docs above; the page itself is ExploreRoutesTest's in
    // terrace-server.
    ApiException page = catchThrowableOfType(ApiException.class, service::explore);
    assertThat(page.getCause()).isInstanceOf(JsonParseException.class).hasMessageContaining("'<'");
    File script = service.exploreAsset("explore.js");
    assertThat(Files.readString(script.toPath())).startsWith("// The /explore page");
  }

  private static ExtractRequest request(Geometry geometry) {
    return new ExtractRequest().geometry(geometry).datasetIds(List.of(ELEVATION));
  }

  private static ExtractResult sum(Geometry geometry) throws ApiException {
    return only(
        extract
            .extract(request(geometry).aggregation("sum").pixelRule(PixelRule.CENTER), null, null)
            .getResults());
  }

  private static double count(Geometry geometry, PixelRule rule) throws ApiException {
    return number(
        only(extract
                .extract(request(geometry).aggregation("count").pixelRule(rule), null, null)
                .getResults())
            .getValue());
  }

  private static ExtractResult only(List<ExtractResult> results) {
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  // --- jobs ---

  /** A job of one feature on both routes, waited for; then its row, the listing and a 409. */
  @Test
  void aJobRunsAndItsRowsAreReadOnBothRoutes() throws Exception {
    JobsApi jobs = new JobsApi(client);
    CreateJobRequest request =
        new CreateJobRequest()
            .datasetIds(List.of(ELEVATION))
            .features(
                List.of(
                    new Feature()
                        .type(Feature.TypeEnum.FEATURE)
                        .geometry(Geo.point(6.13, 49.61))
                        .properties(java.util.Map.of("parcel", "A-1"))));
    for (Job created :
        List.of(jobs.jobsCreate(request, null, null), jobs.restJobsCreate(request, null, null))) {
      String id = created.getId();
      Job job = created;
      for (int i = 0; i < 600 && job.getStatus() != JobStatus.SUCCEEDED; i++) {
        Thread.sleep(50);
        job =
            i % 2 == 0 ? jobs.jobsGet(new JobIdRequest().id(id), null) : jobs.restJobsGet(id, null);
      }
      assertThat(job.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
      for (Job read :
          List.of(jobs.jobsGet(new JobIdRequest().id(id), null), jobs.restJobsGet(id, null))) {
        assertThat(read.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(read.getProcessed()).isEqualTo(1L);
      }
      // gdallocationinfo -valonly -wgs84 elev_lux.tif 6.13 49.61 → 300
      for (JobRow row :
          List.of(
              jobs.jobsResults(new JobResultsRequest().id(id), null),
              jobs.restJobsResults(id, null, 0L, null))) {
        assertThat(row.getRow()).isZero();
        assertThat(row.getProperties()).containsEntry("parcel", "A-1");
        assertThat(number(only(row.getResults()).getValue())).isEqualTo(300.0);
      }
      ApiException cancelled =
          catchThrowableOfType(ApiException.class, () -> jobs.restJobsCancel(id, null));
      assertThat(cancelled.getCode()).isEqualTo(409);
      ApiException again =
          catchThrowableOfType(
              ApiException.class, () -> jobs.jobsCancel(new JobIdRequest().id(id), null));
      assertThat(again.getCode()).isEqualTo(409);
    }
    assertThat(jobs.restJobsList(null, JobStatus.SUCCEEDED, 10, 0).getJobs()).hasSize(2);
    assertThat(jobs.jobsList(null, new ListJobsRequest().status(JobStatus.SUCCEEDED)).getTotal())
        .isEqualTo(2);
  }

  private static double number(Object value) {
    assertThat(value).isInstanceOf(Number.class);
    return ((Number) value).doubleValue();
  }
}
