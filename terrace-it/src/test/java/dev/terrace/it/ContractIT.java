package dev.terrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.api.Aggregation;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.Dataset;
import dev.terrace.api.DatasetPage;
import dev.terrace.api.ErrorType;
import dev.terrace.api.Estimate;
import dev.terrace.api.EstimateRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.LimitCheck;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Provider;
import dev.terrace.api.ProviderPage;
import dev.terrace.api.Quality;
import dev.terrace.api.SortBy;
import dev.terrace.api.TemporalAggregation;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.TerraceException;
import dev.terrace.api.TimeRange;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.client.TerraceAsyncClient;
import dev.terrace.client.TerraceClient;
import dev.terrace.engine.Terrace;
import dev.terrace.it.Implementation.Refusal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract, four implementations: the engine in-process ({@code Terrace.embedded()}) and its
 * asynchronous view, and the blocking and asynchronous SDK clients talking to a real server on
 * loopback. Every call is made on the implementation under test and on the embedded engine, and the
 * two answers must be the same model once the run facts ({@code request_id}, {@code elapsed_ms} at
 * every level) are set aside. A refusal is caught with one {@code catch} per kind, the API's
 * exception ({@link InvalidRequestException}, {@link NotFoundException}), whichever implementation
 * refused: they throw the same classes, carrying the same problem. Where a value is cheap to know
 * independently it is asserted too: the point values are {@code gdallocationinfo -wgs84}'s, the
 * polygon statistics {@code rasterio.mask}'s (centre rule, and {@code all_touched=True} for that
 * rule).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractIT {

  /** In Luxembourg; gdallocationinfo -valonly -wgs84 elev_lux.tif 6.13 49.61 → 300. */
  static final Point LUX_POINT = Point.of(6.13, 49.61);

  /** gdallocationinfo -valonly -wgs84 elev_lux.tif 5.9 49.9 → 411. */
  static final Point LUX_POINT_2 = Point.of(5.9, 49.9);

  /** Aligned with elev_lux.tif's grid: 24 × 24 cells whichever the rule. */
  static final Polygon LUX_BOX = Polygon.rectangle(6.0, 49.6, 6.2, 49.8);

  /** Not aligned with the grid, so that the three pixel rules differ. */
  static final Polygon LUX_OFFSET_BOX = Polygon.rectangle(6.005, 49.605, 6.195, 49.795);

  /**
   * Inland Puerto Rico; the class at -66.4 18.2 is 42 (rasterio sample in the raster's Albers CRS).
   */
  static final Point PR_POINT = Point.of(-66.4, 18.2);

  static final Polygon PR_BOX = Polygon.rectangle(-66.6, 18.1, -66.2, 18.3);

  static final String ELEVATION = "lux:elevation";

  /** What {@code extract.estimate} counts for LUX_BOX and LUX_POINT on lux:elevation. */
  static final long ESTIMATED_CELLS = 25 * 25;

  static final long ESTIMATED_TILES = 1;
  static final String LAND_COVER = "pr_landcover:land_cover";

  static final List<Aggregation> NUMERIC =
      List.of(
          Aggregation.MEAN,
          Aggregation.SUM,
          Aggregation.COUNT,
          Aggregation.MIN,
          Aggregation.MAX,
          Aggregation.STD,
          Aggregation.MEDIAN,
          Aggregation.percentile(90));
  static final List<Aggregation> CLASS =
      List.of(
          Aggregation.MAJORITY,
          Aggregation.MINORITY,
          Aggregation.VARIETY,
          Aggregation.UNIQUE,
          Aggregation.DISTRIBUTION);

  /** rasterio.mask over LUX_BOX, centre rule: 576 cells, population std, numpy median. */
  static final Map<String, Double> LUX_BOX_CENTER =
      Map.of(
          "mean",
          318.2083333333333,
          "sum",
          183288.0,
          "count",
          576.0,
          "min",
          220.0,
          "max",
          425.0,
          "std",
          47.4569432046917,
          "median",
          317.5);

  /**
   * rasterio.mask over PR_BOX, centre rule: 103 cells, {21: 2, 22: 3, 23: 3, 31: 1, 42: 58, 52: 5,
   * 71: 31}.
   */
  static final Map<String, Object> PR_BOX_CENTER =
      Map.of(
          "majority",
          42.0,
          "minority",
          31.0,
          "variety",
          7.0,
          "unique",
          List.of(21.0, 22.0, 23.0, 31.0, 42.0, 52.0, 71.0));

  /** rasterio.mask over LUX_OFFSET_BOX, mean and cell count: centre 484 cells, all_touched 576. */
  static final Map<PixelRule, double[]> LUX_OFFSET_BOX_MEAN =
      Map.of(
          PixelRule.CENTER, new double[] {319.6818181818182, 484},
          PixelRule.ALL_TOUCHED, new double[] {318.2083333333333, 576});

  private static final ObjectMapper JSON = new ObjectMapper();

  private Doors doors;
  private LoopbackServer server;
  private Terrace embedded;
  private TerraceClient client;
  private TerraceAsyncClient asyncClient;

  @BeforeAll
  void start() {
    doors = Doors.open();
    server = doors.server;
    embedded = doors.embedded;
    client = doors.client;
    asyncClient = doors.asyncClient;
  }

  @AfterAll
  void stop() throws IOException {
    doors.close();
  }

  Stream<Implementation> implementations() {
    return doors.implementations();
  }

  Stream<Arguments> aggregations() {
    return implementations()
        .flatMap(
            impl ->
                Stream.concat(NUMERIC.stream(), CLASS.stream())
                    .map(aggregation -> Arguments.of(impl, aggregation)));
  }

  Stream<Arguments> pixelRules() {
    return implementations()
        .flatMap(impl -> Stream.of(PixelRule.values()).map(rule -> Arguments.of(impl, rule)));
  }

  // --- extract ---

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("aggregations")
  void extractAPointWithEachAggregation(Implementation impl, Aggregation aggregation) {
    boolean numeric = NUMERIC.contains(aggregation);
    ExtractResult result =
        sameAsEmbedded(
                impl,
                TerraceApi::extract,
                ExtractRequest.builder()
                    .geometry(numeric ? LUX_POINT : PR_POINT)
                    .datasets(numeric ? ELEVATION : LAND_COVER)
                    .aggregation(aggregation)
                    .build())
            .results()
            .get(0);

    assertThat(result.quality()).isEqualTo(Quality.GOOD);
    assertThat(result.aggregation()).isEqualTo(aggregation);
    if (aggregation.equals(Aggregation.MEAN)) {
      assertThat(result.number()).hasValue(300.0);
      assertThat(result.units()).isEqualTo("m");
    } else if (aggregation.equals(Aggregation.MAJORITY)) {
      assertThat(result.number()).hasValue(42.0);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("aggregations")
  void extractAPolygonWithEachAggregation(Implementation impl, Aggregation aggregation) {
    boolean numeric = NUMERIC.contains(aggregation);
    ExtractResult result =
        sameAsEmbedded(
                impl,
                TerraceApi::extract,
                ExtractRequest.builder()
                    .geometry(numeric ? LUX_BOX : PR_BOX)
                    .datasets(numeric ? ELEVATION : LAND_COVER)
                    .aggregation(aggregation)
                    .pixelRule(PixelRule.CENTER)
                    .build())
            .results()
            .get(0);

    // a sum of elevations lies outside the dataset's valid range, which the engine flags as suspect
    assertThat(result.quality()).isIn(Quality.GOOD, Quality.SUSPECT);
    assertThat(result.pixelRule()).isEqualTo(PixelRule.CENTER);
    Object expected =
        numeric
            ? LUX_BOX_CENTER.get(aggregation.toString())
            : PR_BOX_CENTER.get(aggregation.toString());
    if (expected instanceof Double number) {
      assertThat(result.number().orElseThrow())
          .as("rasterio.mask %s", aggregation)
          .isCloseTo(number, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(number)));
    } else if (expected instanceof List<?> values) {
      assertThat(result.values()).as("numpy.unique").isEqualTo(values);
    }
    assertThat(result.pixelCount()).isEqualTo(numeric ? 576 : 103);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("pixelRules")
  void extractWithEachPixelRule(Implementation impl, PixelRule rule) {
    ExtractResponse response =
        sameAsEmbedded(
            impl,
            TerraceApi::extract,
            ExtractRequest.builder()
                .geometry(LUX_OFFSET_BOX)
                .datasets(ELEVATION)
                .pixelRule(rule)
                .build());
    ExtractResult result = response.results().get(0);

    assertThat(result.pixelRule()).isEqualTo(rule);
    double[] expected = LUX_OFFSET_BOX_MEAN.get(rule);
    if (expected != null) {
      assertThat(result.number().orElseThrow())
          .as("rasterio.mask mean")
          .isCloseTo(expected[0], org.assertj.core.data.Offset.offset(1e-9));
      assertThat(result.pixelCount()).isEqualTo((long) expected[1]);
    } else {
      // exact: coverage-weighted, between the two rasterio answers' extremes
      assertThat(result.number().orElseThrow()).isBetween(220.0, 425.0);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("pixelRules")
  void cellsAreTheSameCellsThroughEveryDoor(Implementation impl, PixelRule rule) {
    ExtractRequest request =
        ExtractRequest.builder()
            .geometry(LUX_OFFSET_BOX)
            .datasets(ELEVATION)
            .aggregation(Aggregation.CELLS)
            .pixelRule(rule)
            .build();
    ExtractResult result = sameAsEmbedded(impl, TerraceApi::extract, request).results().get(0);
    ExtractResult reference = embedded.extract(request).results().get(0);

    assertThat(result.cells())
        .as("cells() however the result came")
        .isEqualTo(reference.cells())
        .hasSize((int) result.pixelCount());
    double[] expected = LUX_OFFSET_BOX_MEAN.get(rule);
    if (expected != null) {
      // rasterio.mask's cells: their number and mean
      assertThat(result.cells()).hasSize((int) expected[1]);
      assertThat(result.cells().stream().mapToDouble(c -> c.value()).average().orElseThrow())
          .isCloseTo(expected[0], org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  // --- extract.batch ---

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void batchAnswersInInputOrder(Implementation impl) {
    List<Geometry> geometries = List.of(LUX_POINT, LUX_POINT_2, LUX_BOX, PR_POINT);
    BatchExtractResponse forward =
        sameAsEmbedded(
            impl,
            TerraceApi::batchExtract,
            BatchExtractRequest.of(geometries, ELEVATION, LAND_COVER));
    BatchExtractResponse backward =
        sameAsEmbedded(
            impl,
            TerraceApi::batchExtract,
            BatchExtractRequest.of(geometries.reversed(), ELEVATION, LAND_COVER));

    assertThat(forward.totalGeometries()).isEqualTo(4);
    assertThat(forward.totalResults()).isEqualTo(8);
    assertThat(forward.responses().get(0).results().get(0).number()).hasValue(300.0);
    assertThat(forward.responses().get(1).results().get(0).number()).hasValue(411.0);
    assertThat(forward.responses().get(3).results().get(1).number()).hasValue(42.0);
    assertThat(withoutRunFacts(backward.responses()))
        .isEqualTo(withoutRunFacts(forward.responses().reversed()));
  }

  // --- extract.estimate ---

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void anEstimateIsTheSameThroughEveryDoor(Implementation impl) {
    EstimateRequest request =
        EstimateRequest.of(BatchExtractRequest.of(List.of(LUX_BOX, LUX_POINT), ELEVATION));
    Estimate answer = impl.api().estimate(request);

    // The rate, and the duration at it, are each service's own measure of itself.
    assertThat(withoutRate(answer))
        .as("%s estimate without the rate", impl)
        .isEqualTo(withoutRate(embedded.estimate(request)));
    assertThat(answer.operation()).isEqualTo(dev.terrace.api.Operation.EXTRACT_BATCH);
    assertThat(answer.geometries()).isEqualTo(2);
    // The box's 24 × 24 cells with a cell to spare each way, as the pixel budget counts them.
    assertThat(answer.cells()).isEqualTo(ESTIMATED_CELLS);
    assertThat(answer.tiles()).isEqualTo(ESTIMATED_TILES).isEqualTo(answer.localTiles());
    assertThat(answer.withinLimits()).isTrue();
    assertThat(answer.estimatedSeconds())
        .isEqualTo(ESTIMATED_CELLS / answer.rate().cellsPerSecond());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void anEstimateOverALimitReportsItAndTheExtractionRefusesIt(Implementation impl) {
    String[] tooMany = new String[51];
    java.util.Arrays.fill(tooMany, ELEVATION);
    ExtractRequest request = ExtractRequest.of(LUX_POINT, tooMany);
    Estimate answer = impl.api().estimate(EstimateRequest.of(request));

    assertThat(answer.limits()).contains(new LimitCheck("datasets", 51, 50, false));
    assertThat(answer.withinLimits()).isFalse();
    assertThat(invalid(impl, api -> api.extract(request)).errorType())
        .isEqualTo(ErrorType.REQUEST_LIMIT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void anInvalidBodyToEstimateIsAFieldErrorUnderItsMember(Implementation impl) {
    Refusal refusal =
        invalid(
            impl,
            api ->
                api.estimate(
                    EstimateRequest.of(
                        ExtractRequest.of(LUX_POINT, ELEVATION, "nowhere:nothing"))));

    assertThat(refusal)
        .isEqualTo(
            new Refusal(ErrorType.VALIDATION_ERROR, List.of(List.of("extract", "dataset_ids", 1))));
  }

  private static JsonNode withoutRate(Estimate estimate) {
    ObjectNode tree = (ObjectNode) withoutRunFacts(estimate);
    tree.remove(List.of("rate", "estimated_seconds"));
    return tree;
  }

  /** A bowtie: its two edges cross at 6 50. */
  static final Polygon BOWTIE =
      Polygon.of(new double[][] {{5, 49}, {7, 51}, {7, 49}, {5, 51}, {5, 49}});

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void anInvalidPolygonInABatchFailsOnlyItsOwnEntry(Implementation impl) {
    BatchExtractResponse batch =
        sameAsEmbedded(
            impl,
            TerraceApi::batchExtract,
            BatchExtractRequest.of(List.of(LUX_POINT, BOWTIE, LUX_BOX), ELEVATION));

    assertThat(batch.totalGeometries()).isEqualTo(3);
    assertThat(batch.responses().get(0).results().get(0).number()).hasValue(300.0);
    assertThat(batch.responses().get(2).results()).hasSize(1);
    ExtractResponse failed = batch.responses().get(1);
    assertThat(failed.results()).isEmpty();
    assertThat(failed.error().type()).isEqualTo("validation_error");
    assertThat(failed.error().message())
        .startsWith("geometries[1].coordinates[0]: ")
        .contains("Self-intersection at [6.0, 50.0]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void anInvalidPolygonIsAFieldErrorUnlessRepaired(Implementation impl) {
    Refusal refusal = invalid(impl, api -> api.extract(ExtractRequest.of(BOWTIE, ELEVATION)));
    ExtractResponse repaired =
        sameAsEmbedded(
            impl,
            TerraceApi::extract,
            ExtractRequest.builder().geometry(BOWTIE).datasets(ELEVATION).repair(true).build());

    assertThat(refusal)
        .isEqualTo(
            new Refusal(
                ErrorType.VALIDATION_ERROR, List.of(List.of("geometry", "coordinates", 0))));
    assertThat(repaired.results().get(0).number()).isPresent();
    assertThat(repaired.warnings()).anySatisfy(w -> assertThat(w).contains("GeometryFixer"));
  }

  // --- nodata_count, min_coverage_frac, default_value ---

  /**
   * Lux rows 1 and 2, columns 29 to 32 (on cell edges): 8 cells, of which 2 hold nodata; and the
   * same columns over row 1 and half of row 2, where the half cells fall below a minimum coverage
   * of 0.6.
   */
  static final Polygon LUX_NODATA_BLOCK =
      Polygon.rectangle(
          5.741666666666666 + 29 / 120.0,
          50.191666666666663 - 3 / 120.0,
          5.741666666666666 + 33 / 120.0,
          50.191666666666663 - 1 / 120.0);

  static final Polygon LUX_NODATA_HALF =
      Polygon.rectangle(
          5.741666666666666 + 29 / 120.0,
          50.191666666666663 - 2.5 / 120.0,
          5.741666666666666 + 33 / 120.0,
          50.191666666666663 - 1 / 120.0);

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void nodataCountMinCoverageFracAndDefaultValue(Implementation impl) {
    ExtractResponse nodata =
        sameAsEmbedded(
            impl,
            TerraceApi::extract,
            ExtractRequest.builder()
                .geometry(LUX_NODATA_BLOCK)
                .datasets(ELEVATION)
                .pixelRule(PixelRule.CENTER)
                .aggregation(Aggregation.NODATA_COUNT)
                .build());
    ExtractResponse filled =
        sameAsEmbedded(
            impl,
            TerraceApi::extract,
            ExtractRequest.builder()
                .geometry(LUX_NODATA_BLOCK)
                .datasets(ELEVATION)
                .pixelRule(PixelRule.CENTER)
                .aggregation(Aggregation.COUNT)
                .defaultValue(0.0)
                .build());
    BatchExtractResponse kept =
        sameAsEmbedded(
            impl,
            TerraceApi::batchExtract,
            BatchExtractRequest.builder()
                .geometries(List.of(LUX_NODATA_HALF))
                .datasets(ELEVATION)
                .aggregation(Aggregation.COUNT)
                .minCoverageFrac(0.6)
                .build());
    Refusal refusal =
        invalid(
            impl,
            api ->
                api.extract(
                    ExtractRequest.builder()
                        .geometry(LUX_NODATA_BLOCK)
                        .datasets(ELEVATION)
                        .minCoverageFrac(1.5)
                        .build()));

    assertThat(nodata.results().get(0).number()).hasValue(2);
    assertThat(filled.results().get(0).number()).hasValue(8);
    assertThat(filled.results().get(0).coverageFraction()).isEqualTo(1);
    ExtractResult two = kept.responses().get(0).results().get(0);
    assertThat(two.number().orElseThrow())
        .isCloseTo(2, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(two.coverageFraction()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(refusal)
        .isEqualTo(new Refusal(ErrorType.VALIDATION_ERROR, List.of(List.of("min_coverage_frac"))));
  }

  // --- time series ---

  /**
   * bcsd_obs_1999_points_expected.csv, point 1: pr 96.17 in June, 137.32 in July, 114.24 in August
   * 1999.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void aTimeRangeGivesOneResultPerTimestampOrOneCollapsed(Implementation impl) {
    Point point = Point.of(-80.986, 36.275);
    ExtractRequest summer =
        ExtractRequest.builder()
            .geometry(point)
            .datasets("bcsd:pr", ELEVATION)
            .timeRange("1999-06", "1999-08")
            .build();
    ExtractResponse months = sameAsEmbedded(impl, TerraceApi::extract, summer);
    ExtractResponse total =
        sameAsEmbedded(
            impl,
            TerraceApi::extract,
            summer.toBuilder().temporalAggregation(TemporalAggregation.SUM).build());
    BatchExtractResponse batch =
        sameAsEmbedded(
            impl,
            TerraceApi::batchExtract,
            BatchExtractRequest.builder()
                .geometries(List.of(point, PR_BOX))
                .datasets("bcsd:tas")
                .timeRange(TimeRange.from("1999-12"))
                .build());

    assertThat(months.results())
        .extracting(ExtractResult::timestamp)
        .containsExactly(
            "1999-06-30T00:00:00Z", "1999-07-31T00:00:00Z", "1999-08-31T00:00:00Z", null);
    assertThat(months.results().get(1).number()).hasValue(137.32000732421875);
    assertThat(total.results().get(0).number())
        .hasValue(96.16999816894531 + 137.32000732421875 + 114.24000549316406);
    assertThat(total.results().get(0).temporalAggregation()).isEqualTo(TemporalAggregation.SUM);
    assertThat(batch.totalResults()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void aTimeRangeStartingAfterItsEndIsAFieldError(Implementation impl) {
    Refusal refusal =
        invalid(
            impl,
            api ->
                api.extract(
                    ExtractRequest.builder()
                        .geometry(LUX_POINT)
                        .datasets("bcsd:pr")
                        .timeRange("1999-08", "1999-06")
                        .build()));

    assertThat(refusal)
        .isEqualTo(
            new Refusal(ErrorType.VALIDATION_ERROR, List.of(List.of("time_range", "start"))));
  }

  // --- catalog ---

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void providersPageByLimitAndOffset(Implementation impl) {
    ProviderPage all = sameAsEmbedded(impl, TerraceApi::providers, ListProvidersRequest.FIRST_PAGE);
    ProviderPage middle =
        sameAsEmbedded(impl, TerraceApi::providers, new ListProvidersRequest(2, 1));

    assertThat(all.total()).isEqualTo(7);
    assertThat(middle.total()).isEqualTo(7);
    assertThat(middle.count()).isEqualTo(2);
    assertThat(middle.offset()).isEqualTo(1);
    assertThat(middle.providers())
        .extracting(Provider::slug)
        .containsExactlyElementsOf(
            all.providers().subList(1, 3).stream().map(Provider::slug).toList());
    assertThat(middle.hasNextPage()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void datasetsPageByLimitAndOffset(Implementation impl) {
    DatasetPage all = sameAsEmbedded(impl, TerraceApi::datasets, ListDatasetsRequest.FIRST_PAGE);
    assertThat(all.total()).isEqualTo(13);

    List<String> paged = new ArrayList<>();
    ListDatasetsRequest request = ListDatasetsRequest.of(null, 2, 0);
    DatasetPage page;
    do {
      page = sameAsEmbedded(impl, TerraceApi::datasets, request);
      page.datasets().forEach(d -> paged.add(d.id()));
      request = request.withOffset(page.nextOffset());
    } while (page.hasNextPage());
    assertThat(paged).containsExactlyElementsOf(all.datasets().stream().map(Dataset::id).toList());

    DatasetPage landsat =
        sameAsEmbedded(impl, TerraceApi::datasets, ListDatasetsRequest.of("landsat_olinda", 3, 3));
    assertThat(landsat.total()).isEqualTo(6);
    assertThat(landsat.datasets())
        .extracting(Dataset::id)
        .allMatch(id -> id.startsWith("landsat_olinda:"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void getOneProviderAndOneDataset(Implementation impl) {
    Provider provider = sameAsEmbedded(impl, TerraceApi::provider, "landsat_olinda");
    Dataset dataset = sameAsEmbedded(impl, TerraceApi::dataset, LAND_COVER);

    assertThat(provider.datasets()).hasSize(6);
    assertThat(dataset.id()).isEqualTo(LAND_COVER);
    assertThat(dataset.units()).isEqualTo("class");
    Dataset worldCover = sameAsEmbedded(impl, TerraceApi::dataset, "esa_worldcover:land_cover");
    assertThat(worldCover.classes()).hasSize(11).containsEntry("95", "Mangroves");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void aCatalogSearchFindsTheSameItemsPageByPage(Implementation impl) {
    ItemSearchRequest request =
        ItemSearchRequest.builder()
            .collections("bcsd:pr", "bcsd:tas", "lux:elevation")
            .bbox(-90, 30, 10, 52)
            .datetime("1999-06-01T00:00:00Z/..")
            .sortBy("properties.datetime", SortBy.Direction.ASC)
            .limit(4)
            .build();
    List<String> ids = new ArrayList<>();
    ItemCollection page = impl.api().search(request);
    while (true) {
      ItemCollection reference = embedded.search(request);
      assertThat(withoutLinks(page)).as("%s vs embedded", impl).isEqualTo(withoutLinks(reference));
      assertThat(page.nextToken()).isEqualTo(reference.nextToken());
      page.features().forEach(item -> ids.add(item.collection() + "/" + item.id()));
      if (!page.hasNextPage()) {
        break;
      }
      request = request.withToken(page.nextToken().orElseThrow());
      page = impl.api().search(request);
    }
    // The elevation first, whose item has no time (it spans from year 1), then June to December
    // of both variables.
    assertThat(ids).hasSize(15).doesNotHaveDuplicates().startsWith("lux:elevation/elev_lux");
    assertThat(ids.get(1)).isIn("bcsd:pr/pr-1999-06-30", "bcsd:tas/tas-1999-06-30");
    assertThat(ids.get(14)).isIn("bcsd:pr/pr-1999-12-31", "bcsd:tas/tas-1999-12-31");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void aBadSearchParameterIsAFieldError(Implementation impl) {
    Refusal refusal =
        invalid(impl, api -> api.search(ItemSearchRequest.builder().datetime("soon").build()));
    assertThat(refusal.locs()).containsExactly(List.of("datetime"));
  }

  /** A page's items without their links, which only a service can make absolute. */
  private static JsonNode withoutLinks(ItemCollection page) {
    JsonNode tree = withoutRunFacts(page);
    ((ObjectNode) tree).remove("links");
    tree.path("features").forEach(item -> ((ObjectNode) item).remove("links"));
    return tree;
  }

  // --- errors ---

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void anUnknownDatasetInAnExtractIsAFieldError(Implementation impl) {
    Refusal refusal =
        invalid(
            impl, api -> api.extract(ExtractRequest.of(LUX_POINT, ELEVATION, "nowhere:nothing")));

    assertThat(refusal)
        .isEqualTo(new Refusal(ErrorType.VALIDATION_ERROR, List.of(List.of("dataset_ids", 1))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void anUnknownDatasetInABatchIsAFieldError(Implementation impl) {
    Refusal refusal =
        invalid(
            impl,
            api ->
                api.batchExtract(
                    BatchExtractRequest.of(List.of(LUX_POINT, LUX_POINT_2), "nowhere:nothing")));

    assertThat(refusal.errorType()).isEqualTo(ErrorType.VALIDATION_ERROR);
    assertThat(refusal.locs()).isNotEmpty().allMatch(loc -> loc.contains("dataset_ids"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void aPageSizeOutOfRangeIsAFieldError(Implementation impl) {
    Refusal refusal = invalid(impl, api -> api.providers(new ListProvidersRequest(0, 0)));

    assertThat(refusal)
        .isEqualTo(new Refusal(ErrorType.VALIDATION_ERROR, List.of(List.of("limit"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void anUnknownProviderIsNotFound(Implementation impl) {
    Refusal get = notFound(impl, api -> api.provider("nowhere"));
    Refusal list = notFound(impl, api -> api.datasets(ListDatasetsRequest.ofProvider("nowhere")));

    assertThat(get).isEqualTo(new Refusal(ErrorType.NOT_FOUND, List.of()));
    assertThat(list).isEqualTo(get);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void anUnknownDatasetIdIsNotFound(Implementation impl) {
    Refusal refusal = notFound(impl, api -> api.dataset("nowhere:nothing"));

    assertThat(refusal).isEqualTo(new Refusal(ErrorType.NOT_FOUND, List.of()));
  }

  // --- helpers ---

  /**
   * Calls {@code operation} on {@code impl} and on the embedded engine, and asserts the same model
   * back.
   */
  private <Q, R> R sameAsEmbedded(Implementation impl, Operation<Q, R> operation, Q request) {
    R answer = operation.call(impl.api(), request);
    R reference = operation.call(embedded, request);
    assertThat(withoutRunFacts(answer))
        .as("%s answer without run facts", impl)
        .isEqualTo(withoutRunFacts(reference));
    return answer;
  }

  /**
   * Makes a call that every implementation refuses as invalid, on {@code impl} and on the embedded
   * engine, with one {@code catch} for all of them: the API's {@link InvalidRequestException}. Any
   * other outcome fails the test.
   */
  private Refusal invalid(Implementation impl, Function<TerraceApi, ?> call) {
    return sameRefusalAsEmbedded(
        impl,
        api -> {
          try {
            call.apply(api);
          } catch (InvalidRequestException e) {
            return e;
          }
          throw new AssertionError(impl + " answered what it should have refused as invalid");
        });
  }

  /**
   * As {@link #invalid}, for a call every implementation answers with the API's {@link
   * NotFoundException}.
   */
  private Refusal notFound(Implementation impl, Function<TerraceApi, ?> call) {
    return sameRefusalAsEmbedded(
        impl,
        api -> {
          try {
            call.apply(api);
          } catch (NotFoundException e) {
            return e;
          }
          throw new AssertionError(impl + " found what does not exist");
        });
  }

  /**
   * Refuses on {@code impl} and on the embedded engine, and asserts that both refusals say the
   * same: error type, field errors, status and problem; and that one over HTTP carries the request
   * id the service gave it.
   */
  private Refusal sameRefusalAsEmbedded(
      Implementation impl, Function<TerraceApi, TerraceException> refuse) {
    TerraceException thrown = refuse.apply(impl.api());
    TerraceException reference = refuse.apply(embedded);

    assertThat(thrown.problem()).as("%s: the problem", impl).isPresent();
    assertThat(thrown.requestId().isPresent())
        .as("%s: a request id over HTTP only", impl)
        .isEqualTo(impl.overHttp());
    assertThat(thrown.statusCode()).as("%s: the status", impl).isEqualTo(reference.statusCode());
    assertThat(problemFacts(thrown))
        .as("%s: the problem vs embedded", impl)
        .isEqualTo(problemFacts(reference));
    Refusal refusal = Refusal.of(thrown);
    assertThat(refusal).as("%s refusal vs embedded", impl).isEqualTo(Refusal.of(reference));
    return refusal;
  }

  /**
   * A refusal's problem without what differs by the way it travelled: the request id and the
   * occurrence ({@code instance}), and the texts, which the service shortens past a length.
   */
  private static JsonNode problemFacts(TerraceException e) {
    JsonNode tree = withoutRunFacts(e.problem().orElseThrow());
    ((ObjectNode) tree).remove(List.of("instance", "detail", "error"));
    for (JsonNode error : tree.path("errors")) {
      ((ObjectNode) error).remove("msg");
    }
    return tree;
  }

  /** The model as JSON, with {@code request_id} and {@code elapsed_ms} removed at every level. */
  static JsonNode withoutRunFacts(Object model) {
    try {
      // through text, so that numbers read back the same way whichever Java type held them
      JsonNode tree = JSON.readTree(JSON.writeValueAsString(model));
      strip(tree);
      return tree;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of("request_id", "elapsed_ms"));
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      strip(it.next());
    }
  }

  @FunctionalInterface
  interface Operation<Q, R> {
    R call(TerraceApi api, Q request);
  }
}
