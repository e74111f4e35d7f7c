package dev.terrace.api;

import static dev.terrace.api.Json.q;
import static dev.terrace.api.Json.read;
import static dev.terrace.api.Json.roundTrip;
import static dev.terrace.api.Json.tree;
import static dev.terrace.api.Json.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Every record reads from and writes to the snake_case JSON of the wire contract. */
class RecordJsonTest {

  private static final String POINT = "{'type':'Point','coordinates':[6.13,49.61]}";

  private static final String RESULT =
      "{'dataset_id':'lux:elevation','variable':'elevation','value':312.5,"
          + "'units':'m','aggregation':'mean','pixel_rule':'exact','quality':'good','coverage_fraction':1.0,"
          + "'pixel_count':1,'resolution_m':25.0,'provider':'lux','crs':'EPSG:2169','elapsed_ms':0.75}";

  private static final String DATASET =
      "{'id':'lux:elevation','provider':'lux','name':'elevation',"
          + "'variable':'elevation','description':'Elevation above sea level','units':'m',"
          + "'data_type':'continuous','nodata':-9999.0,'valid_range':[-500.0,9000.0],'resolution_m':25.0,"
          + "'crs':'EPSG:2169','bbox':[5.7,49.4,6.6,50.2],'temporal':'static','band':1,'available':true}";

  private static final String PROVIDER =
      "{'slug':'lux','name':'Luxembourg elevation','protocol':'cog',"
          + "'base_url':'file:///data/','license':'GPL-3.0','citation':'Geoportail Luxembourg',"
          + "'description':'A 25 m DEM','dataset_count':1}";

  @Test
  void extractRequest() {
    ExtractRequest r =
        roundTrip(
            q(
                "{'geometry':"
                    + POINT
                    + ",'dataset_ids':['lux:elevation','bcsd:pr'],"
                    + "'aggregation':'percentile:90','pixel_rule':'all_touched',"
                    + "'time_range':{'start':'1999-01','end':'1999-06'},'temporal_aggregation':'sum',"
                    + "'crs':'EPSG:4326','densify':true,"
                    + "'interpolation':'bilinear','repair':true}"),
            ExtractRequest.class);
    assertThat(r.repair()).isTrue();
    assertThat(r.interpolation()).isEqualTo(Interpolation.BILINEAR);
    assertThat(r.geometry()).isEqualTo(Point.of(6.13, 49.61));
    assertThat(r.datasetIds()).containsExactly("lux:elevation", "bcsd:pr");
    assertThat(r.aggregation()).isEqualTo(Aggregation.percentile(90));
    assertThat(r.pixelRule()).isEqualTo(PixelRule.ALL_TOUCHED);
    assertThat(r.timeRange()).isEqualTo(TimeRange.of("1999-01", "1999-06"));
    assertThat(r.temporalAggregation()).isEqualTo(TemporalAggregation.SUM);
    assertThat(r.densify()).isTrue();
  }

  @Test
  void extractRequestDefaults() {
    ExtractRequest r =
        read(q("{'geometry':" + POINT + ",'dataset_ids':['lux:elevation']}"), ExtractRequest.class);
    assertThat(r.aggregation()).isEqualTo(Aggregation.MEAN);
    assertThat(r.pixelRule()).isEqualTo(PixelRule.EXACT);
    assertThat(r.crs()).isEqualTo("EPSG:4326");
    assertThat(r.densify()).isFalse();
    assertThat(r.timeRange()).isNull();
    // Explicit nulls take the defaults too; the optional time range is omitted when written.
    ExtractRequest nulls =
        read(
            q(
                "{'geometry':"
                    + POINT
                    + ",'dataset_ids':['lux:elevation'],"
                    + "'aggregation':null,'pixel_rule':null,'crs':null,'time_range':null}"),
            ExtractRequest.class);
    assertThat(nulls).isEqualTo(r);
    assertThat(tree(write(r)))
        .isEqualTo(
            tree(
                q(
                    "{'geometry':"
                        + POINT
                        + ",'dataset_ids':['lux:elevation'],"
                        + "'aggregation':'mean','pixel_rule':'exact','crs':'EPSG:4326','densify':false,"
                        + "'interpolation':'nearest'}")));

    ExtractRequest constructed =
        new ExtractRequest(null, null, null, null, null, null, null, false, null);
    assertThat(constructed.interpolation()).isEqualTo(Interpolation.NEAREST);
    assertThat(constructed.geometry()).isNull();
    assertThat(constructed.datasetIds()).isEmpty();
    assertThat(constructed.aggregation()).isEqualTo(Aggregation.MEAN);
    assertThat(constructed.pixelRule()).isEqualTo(PixelRule.EXACT);
    assertThat(constructed.crs()).isEqualTo(ExtractRequest.DEFAULT_CRS);
  }

  @Test
  void targetCrsIsAnAliasOfCrs() {
    ExtractRequest r =
        read(
            q("{'geometry':" + POINT + ",'dataset_ids':['a:b'],'target_crs':'EPSG:3035'}"),
            ExtractRequest.class);
    assertThat(r.crs()).isEqualTo("EPSG:3035");
    assertThat(tree(write(r)).get("crs").asText()).isEqualTo("EPSG:3035");
    assertThat(tree(write(r)).has("target_crs")).isFalse();
    BatchExtractRequest b =
        read(
            q("{'geometries':[" + POINT + "],'dataset_ids':['a:b']," + "'target_crs':'EPSG:2169'}"),
            BatchExtractRequest.class);
    assertThat(b.crs()).isEqualTo("EPSG:2169");
  }

  @Test
  void timeRangeIsReadFromObjectStringAndArray() {
    TimeRange expected = TimeRange.of("2020-01-01", "2020-12-31");
    String base = "{'geometry':" + POINT + ",'dataset_ids':['a:b'],'time_range':";
    assertThat(
            read(q(base + "{'start':'2020-01-01','end':'2020-12-31'}}"), ExtractRequest.class)
                .timeRange())
        .isEqualTo(expected);
    assertThat(read(q(base + "'2020-01-01/2020-12-31'}"), ExtractRequest.class).timeRange())
        .isEqualTo(expected);
    assertThat(read(q(base + "['2020-01-01','2020-12-31']}"), ExtractRequest.class).timeRange())
        .isEqualTo(expected);
    roundTrip(q("{'start':'2020-01-01T00:00:00Z','end':'2020-02-01T00:00:00Z'}"), TimeRange.class);
    assertThat(read(q(base + "{'start':'2020-01-01'}}"), ExtractRequest.class).timeRange())
        .isEqualTo(TimeRange.from("2020-01-01"));
    assertThat(read(q(base + "[null,'2020-12-31']}"), ExtractRequest.class).timeRange())
        .isEqualTo(TimeRange.until("2020-12-31"));
    roundTrip(q("{'end':'2020-02-01'}"), TimeRange.class);
  }

  @Test
  void unknownPropertiesAreIgnored() {
    ExtractRequest r =
        read(
            q(
                "{'geometry':{'type':'Point','coordinates':[1.5,2.5],'bbox':[1.5,2.5,1.5,2.5]},"
                    + "'dataset_ids':['a:b'],'future_option':{'x':1}}"),
            ExtractRequest.class);
    assertThat(r.geometry()).isEqualTo(Point.of(1.5, 2.5));
    ExtractResult result =
        read(q(RESULT.replace("}", ",'confidence_interval':[1,2]}")), ExtractResult.class);
    assertThat(result.datasetId()).isEqualTo("lux:elevation");
    Problem p = read(q("{'type':'about:blank','status':500,'trace_id':'abc'}"), Problem.class);
    assertThat(p.status()).isEqualTo(500);
  }

  @Test
  void batchExtractRequest() {
    BatchExtractRequest r =
        roundTrip(
            q(
                "{'geometries':["
                    + POINT
                    + ",{'type':'Polygon','coordinates':"
                    + "[[[6.0,49.5],[6.1,49.5],[6.1,49.6],[6.0,49.5]]]}],'dataset_ids':['lux:elevation'],"
                    + "'aggregation':'median','pixel_rule':'center','time_range':{'start':'1999-01','end':'1999-12'},"
                    + "'crs':'EPSG:4326','densify':false,'interpolation':'nearest','repair':true}"),
            BatchExtractRequest.class);
    assertThat(r.geometries()).hasSize(2);
    assertThat(r.request(1).repair()).isTrue();
    assertThat(r.request(1))
        .isEqualTo(
            new ExtractRequest(
                r.geometries().get(1),
                List.of("lux:elevation"),
                Aggregation.MEDIAN,
                PixelRule.CENTER,
                TimeRange.of("1999-01", "1999-12"),
                null,
                "EPSG:4326",
                false,
                Interpolation.NEAREST,
                true));
    BatchExtractRequest defaults =
        read(q("{'geometries':[" + POINT + "],'dataset_ids':['a:b']}"), BatchExtractRequest.class);
    assertThat(defaults.aggregation()).isEqualTo(Aggregation.MEAN);
    assertThat(defaults.pixelRule()).isEqualTo(PixelRule.EXACT);
    assertThat(defaults.crs()).isEqualTo("EPSG:4326");
    assertThat(defaults.repair()).isFalse();
  }

  @Test
  void minCoverageFracAndDefaultValueAreWrittenOnlyWhenSet() {
    String plain = q("{'geometry':" + POINT + ",'dataset_ids':['lux:elevation']}");
    ExtractRequest without = read(plain, ExtractRequest.class);
    // Written as before the options existed, byte for byte.
    assertThat(write(without))
        .isEqualTo(
            write(
                new ExtractRequest(
                    without.geometry(),
                    without.datasetIds(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    null,
                    false)));
    assertThat(write(without)).doesNotContain("min_coverage_frac", "default_value");
    ExtractRequest with =
        roundTrip(
            q(
                "{'geometry':"
                    + POINT
                    + ",'dataset_ids':['lux:elevation'],"
                    + "'aggregation':'nodata_count','pixel_rule':'exact','crs':'EPSG:4326','densify':false,"
                    + "'interpolation':'nearest','min_coverage_frac':0.5,'default_value':-1.0}"),
            ExtractRequest.class);
    assertThat(with.minCoverageFrac()).isEqualTo(0.5);
    assertThat(with.defaultValue()).isEqualTo(-1.0);
    assertThat(with.aggregation()).isEqualTo(Aggregation.NODATA_COUNT);
    assertThat(with.toBuilder().build()).isEqualTo(with);
    BatchExtractRequest batch =
        BatchExtractRequest.builder()
            .geometry(Point.of(6.13, 49.61))
            .datasets("lux:elevation")
            .minCoverageFrac(0.25)
            .defaultValue(0.0)
            .build();
    assertThat(roundTrip(write(batch), BatchExtractRequest.class)).isEqualTo(batch);
    assertThat(batch.request(0).minCoverageFrac()).isEqualTo(0.25);
    assertThat(batch.withGeometries(List.of(Point.of(6, 49.6))).defaultValue()).isEqualTo(0.0);
    assertThat(write(batch.toBuilder().minCoverageFrac(null).defaultValue(null).build()))
        .doesNotContain("min_coverage_frac", "default_value");
  }

  @Test
  void aBatchEntryCarriesItsError() {
    ExtractResponse failed =
        roundTrip(
            q(
                "{'request_id':'req_1','results':[],'warnings':[],'elapsed_ms':0.0,"
                    + "'error':{'type':'validation_error','message':'geometries[1].coordinates[0]: not valid',"
                    + "'request_id':'req_1'}}"),
            ExtractResponse.class);
    assertThat(failed.error().type()).isEqualTo("validation_error");
    ExtractResponse answered =
        read(
            q("{'request_id':'req_2','results':[],'warnings':[],'elapsed_ms':0.0}"),
            ExtractResponse.class);
    assertThat(answered.error()).isNull();
    assertThat(tree(write(answered)).has("error")).isFalse();
  }

  @Test
  void extractResultNumber() {
    ExtractResult r = roundTrip(q(RESULT), ExtractResult.class);
    assertThat(r.number()).isEqualTo(OptionalDouble.of(312.5));
    assertThat(r.distribution()).isEmpty();
    assertThat(r.values()).isEmpty();
    assertThat(r.quality()).isEqualTo(Quality.GOOD);
    assertThat(r.pixelCount()).isEqualTo(1L);
    assertThat(r.coverageFraction()).isEqualTo(1.0);
  }

  @Test
  void extractResultDistributionUniqueAndNull() {
    ExtractResult d =
        roundTrip(
            q(
                "{'dataset_id':'esa:worldcover','variable':'map','value':{'10':0.75,"
                    + "'50':0.25},'aggregation':'distribution','pixel_rule':'exact','quality':'good',"
                    + "'coverage_fraction':1.0,'pixel_count':1200,'resolution_m':10.0,"
                    + "'timestamp':'2021-01-01T00:00:00Z','provider':'esa','elapsed_ms':12.5}"),
            ExtractResult.class);
    assertThat(d.distribution()).containsExactly(Map.entry("10", 0.75), Map.entry("50", 0.25));
    assertThat(d.number()).isEmpty();

    ExtractResult u =
        roundTrip(
            q(
                "{'dataset_id':'esa:worldcover','value':[10,50,80],'aggregation':'unique',"
                    + "'pixel_rule':'center','quality':'partial','coverage_fraction':0.5,'pixel_count':3,"
                    + "'provider':'esa','elapsed_ms':1.0}"),
            ExtractResult.class);
    assertThat(u.values()).containsExactly(10.0, 50.0, 80.0);
    assertThat(u.distribution()).isEmpty();

    // A missing value is written as an explicit null; the optional fields are omitted.
    ExtractResult m =
        roundTrip(
            q(
                "{'dataset_id':'lux:elevation','value':null,'aggregation':'mean',"
                    + "'pixel_rule':'exact','quality':'missing','pixel_count':0,'provider':'lux','elapsed_ms':0.5}"),
            ExtractResult.class);
    assertThat(m.number()).isEmpty();
    assertThat(m.coverageFraction()).isNull();
  }

  @Test
  void extractResultCellsReadTheSameBuiltOrFromJson() {
    Cell cell =
        new Cell(
            70,
            30,
            301.0,
            0.5,
            5.995833333333333,
            49.60416666666667,
            5.995833333333333,
            49.60416666666667);
    ExtractResult built =
        ExtractResult.builder()
            .datasetId("lux:elevation")
            .value(new ResultValue.Cells(List.of(cell)))
            .aggregation(Aggregation.CELLS)
            .pixelRule(PixelRule.EXACT)
            .quality(Quality.GOOD)
            .pixelCount(1)
            .provider("lux")
            .elapsedMs(1)
            .build();
    assertThat(tree(write(built)).at("/value/0").toString())
        .isEqualTo(
            "{\"row\":70,\"col\":30,\"value\":301.0,"
                + "\"coverage\":0.5,\"center_x\":5.995833333333333,\"center_y\":49.60416666666667,"
                + "\"raster_x\":5.995833333333333,\"raster_y\":49.60416666666667}");

    ExtractResult read = read(write(built), ExtractResult.class);
    assertThat(read.value()).isEqualTo(new ResultValue.Cells(List.of(cell)));
    assertThat(read.cells()).containsExactly(cell).isEqualTo(built.cells());
    assertThat(read.values()).as("cells are no numbers").isEmpty();
    assertThat(ExtractResult.builder().value(ResultValue.from(List.of(1.0), null)).build().cells())
        .isEmpty();
  }

  @Test
  void extractResultBuilderAndValueCopies() {
    Map<Integer, Double> classes = new java.util.LinkedHashMap<>();
    classes.put(10, 0.5);
    classes.put(20, 0.5);
    ExtractResult r =
        ExtractResult.builder()
            .datasetId("esa:worldcover")
            .value(ResultValue.from(classes, Aggregation.DISTRIBUTION))
            .aggregation(Aggregation.DISTRIBUTION)
            .pixelRule(PixelRule.EXACT)
            .quality(Quality.GOOD)
            .pixelCount(4)
            .provider("esa")
            .elapsedMs(2)
            .build();
    classes.put(30, 1.0);
    assertThat(r.distribution()).containsOnlyKeys("10", "20");
    assertThat(r.toBuilder().build()).isEqualTo(r);
    assertThat(read(write(r), ExtractResult.class)).isEqualTo(r);
  }

  @Test
  void extractResponse() {
    ExtractResponse r =
        roundTrip(
            q(
                "{'request_id':'req_1','geometry_hash':'9f86d081','results':["
                    + RESULT
                    + "],'warnings':['bcsd:pr: remote source unreachable'],'elapsed_ms':14.25}"),
            ExtractResponse.class);
    assertThat(r.results()).hasSize(1);
    assertThat(r.warnings()).containsExactly("bcsd:pr: remote source unreachable");
    ExtractResponse empty =
        read(q("{'request_id':'req_2','elapsed_ms':1.0}"), ExtractResponse.class);
    assertThat(empty.results()).isEmpty();
    assertThat(empty.warnings()).isEmpty();
  }

  @Test
  void batchExtractResponse() {
    String response =
        "{'request_id':'req_1','geometry_hash':'9f86d081','results':["
            + RESULT
            + "],'warnings':[],'elapsed_ms':14.25}";
    BatchExtractResponse r =
        roundTrip(
            q(
                "{'responses':["
                    + response
                    + ","
                    + response
                    + "],"
                    + "'total_geometries':2,'total_results':2,'elapsed_ms':30.5}"),
            BatchExtractResponse.class);
    assertThat(BatchExtractResponse.of(r.responses(), 30.5)).isEqualTo(r);
  }

  @Test
  void datasetAndTemporal() {
    Dataset d = roundTrip(q(DATASET), Dataset.class);
    assertThat(d.validRange()).isEqualTo(new ValueRange(-500, 9000));
    assertThat(d.validRange().contains(312.5)).isTrue();
    assertThat(d.bbox()).isEqualTo(new BoundingBox(5.7, 49.4, 6.6, 50.2));
    assertThat(d.temporal().isStatic()).isTrue();
    assertThat(d.dataType()).isEqualTo(DataType.CONTINUOUS);

    Dataset series =
        roundTrip(
            q(
                "{'id':'bcsd:pr','provider':'bcsd','name':'pr','variable':'pr',"
                    + "'units':'mm/month','data_type':'continuous','temporal':['1999-01-16T00:00:00Z',"
                    + "'1999-02-15T00:00:00Z'],'available':true}"),
            Dataset.class);
    assertThat(series.temporal().isStatic()).isFalse();
    assertThat(series.temporal().timestamps()).hasSize(2);

    Dataset noTemporal = read(q("{'id':'x:y','data_type':'categorical'}"), Dataset.class);
    assertThat(noTemporal.temporal()).isEqualTo(Temporal.STATIC);
    assertThat(noTemporal.available())
        .as("a server that predates the field lists available datasets")
        .isTrue();
    Dataset down =
        roundTrip(
            q(
                "{'id':'x:y','data_type':'categorical','temporal':'static','available':false,"
                    + "'unavailable_reason':'not found: https://example.org/x.tif'}"),
            Dataset.class);
    assertThat(down.unavailableReason()).contains("not found");
    assertThat(Temporal.fromJson("STATIC")).isEqualTo(Temporal.STATIC);
    assertThatThrownBy(() -> Temporal.fromJson("monthly"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("static");
  }

  @Test
  void providerWithAndWithoutDatasets() {
    Provider listed = roundTrip(q(PROVIDER), Provider.class);
    assertThat(listed.datasets()).isNull();
    assertThat(tree(write(listed)).has("datasets")).isFalse();
    Provider detail =
        roundTrip(q(PROVIDER.replace("}", ",'datasets':[" + DATASET + "]}")), Provider.class);
    assertThat(detail.datasets()).hasSize(1);
    assertThat(listed.withDatasets(detail.datasets())).isEqualTo(detail);
    assertThat(detail.withoutDatasets()).isEqualTo(listed);
    assertThat(read(q("{'slug':'cop','protocol':'cog_tiles'}"), Provider.class).protocol())
        .isEqualTo(Protocol.COG_TILES);
  }

  @Test
  void pages() {
    ProviderPage providers =
        roundTrip(
            q("{'total':3,'limit':1,'offset':1,'count':1,'providers':[" + PROVIDER + "]}"),
            ProviderPage.class);
    assertThat(providers.items()).isEqualTo(providers.providers());
    assertThat(tree(write(providers)).has("items")).isFalse();
    DatasetPage datasets =
        roundTrip(
            q("{'total':1,'limit':100,'offset':0,'count':1,'datasets':[" + DATASET + "]}"),
            DatasetPage.class);
    assertThat(datasets.items()).hasSize(1);
    assertThat(DatasetPage.of(1, 100, 0, datasets.datasets())).isEqualTo(datasets);
  }

  @Test
  void listRequestsTakeDefaults() {
    assertThat(read("{}", ListProvidersRequest.class)).isEqualTo(new ListProvidersRequest(100, 0));
    assertThat(read(q("{'limit':null,'offset':null}"), ListProvidersRequest.class))
        .isEqualTo(ListProvidersRequest.FIRST_PAGE);
    roundTrip(q("{'limit':1000,'offset':200}"), ListProvidersRequest.class);
    // No range checks here: the engine reports them with the field's name.
    assertThat(read(q("{'limit':0,'offset':-1}"), ListProvidersRequest.class))
        .isEqualTo(new ListProvidersRequest(0, -1));

    assertThat(read("{}", ListDatasetsRequest.class)).isEqualTo(ListDatasetsRequest.FIRST_PAGE);
    assertThat(read(q("{'provider':'lux'}"), ListDatasetsRequest.class))
        .isEqualTo(ListDatasetsRequest.ofProvider("lux"));
    roundTrip(q("{'provider':'lux','limit':10,'offset':20}"), ListDatasetsRequest.class);
    roundTrip(q("{'limit':10,'offset':20}"), ListDatasetsRequest.class);
    assertThat(ListDatasetsRequest.ofProvider("lux").withOffset(100).offset()).isEqualTo(100);
  }

  @Test
  void getRequests() {
    assertThat(roundTrip(q("{'slug':'lux'}"), GetProviderRequest.class).slug()).isEqualTo("lux");
    assertThat(roundTrip(q("{'id':'lux:elevation'}"), GetDatasetRequest.class).id())
        .isEqualTo("lux:elevation");
  }

  @Test
  void problemWithFieldErrors() {
    Problem p =
        roundTrip(
            q(
                "{'type':'/problems/validation_error','title':'Validation error','status':422,"
                    + "'detail':'1 invalid field','instance':'/v1/op/extract.batch','request_id':'req_1',"
                    + "'error_type':'validation_error','errors':[{'loc':['geometries',3,'coordinates'],"
                    + "'msg':'ring is not closed','type':'value_error'}],'error':{'type':'validation_error',"
                    + "'message':'1 invalid field','request_id':'req_1','detail':[{'loc':['geometries',3,'coordinates'],"
                    + "'msg':'ring is not closed','type':'value_error'}]}}"),
            Problem.class);
    assertThat(p.errorType()).isEqualTo(ErrorType.VALIDATION_ERROR);
    assertThat(p.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.loc()).containsExactly("geometries", 3, "coordinates");
              assertThat(e.path()).isEqualTo("geometries[3].coordinates");
            });
    Problem built =
        Problem.of(ErrorType.VALIDATION_ERROR, "1 invalid field", "req_1")
            .withInstance("/v1/op/extract.batch")
            .withErrors(
                List.of(
                    FieldError.of(
                        "value_error", "ring is not closed", "geometries", 3, "coordinates")));
    assertThat(tree(write(built))).isEqualTo(tree(write(p)));
  }

  @Test
  void problemOfAnErrorType() {
    Problem p =
        roundTrip(
            q(
                "{'type':'/problems/not_found','title':'Not found','status':404,"
                    + "'detail':'no dataset lux:slope','request_id':'req_9','error_type':'not_found',"
                    + "'error':{'type':'not_found','message':'no dataset lux:slope','request_id':'req_9'}}"),
            Problem.class);
    assertThat(Problem.of(ErrorType.NOT_FOUND, "no dataset lux:slope", "req_9")).isEqualTo(p);
    assertThat(p.errors()).isNull();
    assertThat(p.withStatus(410).status()).isEqualTo(410);
    roundTrip(
        q("{'loc':['body','dataset_ids',0],'msg':'unknown dataset','type':'not_found'}"),
        FieldError.class);
    roundTrip(
        q("{'type':'rate_limited','message':'slow down','request_id':'r'}"), ErrorEnvelope.class);
  }

  @Test
  void scalarTypesWriteTheirWireForms() {
    assertThat(write(PixelRule.ALL_TOUCHED)).isEqualTo("\"all_touched\"");
    assertThat(write(Quality.DEGRADED)).isEqualTo("\"degraded\"");
    assertThat(write(DataType.CATEGORICAL)).isEqualTo("\"categorical\"");
    assertThat(write(Protocol.COG_TILES)).isEqualTo("\"cog_tiles\"");
    assertThat(write(ErrorType.REQUEST_LIMIT)).isEqualTo("\"request_limit\"");
    assertThat(write(Operation.CATALOG_DATASETS_GET)).isEqualTo("\"catalog.datasets.get\"");
    assertThat(write(Aggregation.percentile(2.5))).isEqualTo("\"percentile:2.5\"");
    assertThat(read("\"ALL_TOUCHED\"", PixelRule.class)).isEqualTo(PixelRule.ALL_TOUCHED);
    assertThat(read("\"Estimated\"", Quality.class)).isEqualTo(Quality.ESTIMATED);
    assertThat(read("\"extract.batch\"", Operation.class)).isEqualTo(Operation.EXTRACT_BATCH);
    for (Quality quality : Quality.values()) {
      assertThat(read(write(quality), Quality.class)).isEqualTo(quality);
    }
    for (ErrorType type : ErrorType.values()) {
      assertThat(read(write(type), ErrorType.class)).isEqualTo(type);
      assertThat(type.wireName()).isEqualTo(type.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void invalidEnumValuesFailWithTheValidValues() {
    assertThatThrownBy(
            () ->
                Json.MAPPER.readValue(
                    q("{'geometry':" + POINT + ",'pixel_rule':'touching'}"), ExtractRequest.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("exact, center, all_touched");
    assertThatThrownBy(
            () -> Json.MAPPER.readValue(q("{'aggregation':'average'}"), ExtractRequest.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("percentile:P");
  }

  @Test
  void listsAreUnmodifiableCopies() {
    List<String> ids = new java.util.ArrayList<>(List.of("a:b"));
    ExtractRequest r =
        ExtractRequest.builder().geometry(Polygon.rectangle(0, 0, 1, 1)).datasetIds(ids).build();
    ids.add("c:d");
    assertThat(r.datasetIds()).containsExactly("a:b");
    assertThatThrownBy(() -> r.datasetIds().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    // Null elements survive, so that the engine can name them by index; contains(null) does not
    // throw.
    ExtractRequest withNull =
        new ExtractRequest(
            null, java.util.Arrays.asList("a:b", null), null, null, null, null, null, false, null);
    assertThat(withNull.datasetIds()).containsExactly("a:b", null);
    assertThat(withNull.datasetIds().contains(null)).isTrue();
  }
}
