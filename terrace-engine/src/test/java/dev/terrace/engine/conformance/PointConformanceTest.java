package dev.terrace.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.ExtractResult;
import dev.terrace.api.Quality;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture point of the four sample rasters (Landsat bands 1 and 4), through the public API
 * with the default pixel rule and statistic, against GDAL's {@code gdallocationinfo -wgs84} value:
 * equal to the last bit. Points GDAL found outside the raster or on nodata must come back without a
 * value and with quality {@code missing}.
 *
 * <p>One batch request per raster and band (200 points each); the fixtures are the ones under
 * {@code geotiff/data/}.
 */
class PointConformanceTest {

  /**
   * A raster of the fixture set and the dataset serving it.
   *
   * @param folder the test resource folder holding the fixture's points and answers
   * @param layer the fixture column and value selecting the rows, {@code band=1} or {@code
   *     variable=pr}
   */
  record Layer(String folder, String fixture, String layer, String datasetId) {

    Layer(String fixture, int band, String datasetId) {
      this("geotiff/data/", fixture, "band=" + band, datasetId);
    }

    boolean selects(Map<String, String> row) {
      return Conformance.selects(layer, row);
    }

    String geojson() {
      return folder + fixture + "_points.geojson";
    }
  }

  static final List<Layer> LAYERS =
      List.of(
          new Layer("elev_lux", 1, "lux:elevation"),
          new Layer("olinda_dem_utm25s", 1, "olinda:elevation"),
          new Layer("lc", 1, "pr_landcover:land_cover"),
          new Layer("L7_ETMs", 1, "landsat_olinda:band1"),
          new Layer("L7_ETMs", 4, "landsat_olinda:band4"),
          new Layer("netcdf/", "bcsd_obs_1999", "variable=pr", "bcsd:pr"),
          new Layer("netcdf/", "bcsd_obs_1999", "variable=tas", "bcsd:tas"),
          new Layer("netcdf/", "bcsd_obs_1999", "variable=pr", "bcsd_stack:pr"),
          new Layer("netcdf/", "bcsd_obs_1999", "variable=tas", "bcsd_stack:tas"));

  static Stream<Arguments> points() {
    List<Arguments> out = new ArrayList<>();
    for (Layer layer : LAYERS) {
      for (Map<String, String> row :
          Conformance.csv(layer.folder() + layer.fixture() + "_points_expected.csv")) {
        if (!layer.selects(row)) {
          continue;
        }
        String expected = row.get("value").isEmpty() ? "no value" : row.get("value");
        String time = row.containsKey("time") ? " " + row.get("time") : "";
        String label =
            layer.fixture()
                + " "
                + layer.layer()
                + time
                + " point #"
                + row.get("id")
                + " ("
                + row.get("lon")
                + ", "
                + row.get("lat")
                + ") -> "
                + expected;
        out.add(Arguments.of(Named.of(label, layer), row));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("points")
  void pointReadsGdalsValue(Layer layer, Map<String, String> row) {
    try {
      check(layer, row);
    } catch (AssertionError e) {
      // Surefire reports parameterized cases by index: name the case in the message.
      throw new AssertionError(
          layer.fixture()
              + " "
              + layer.layer()
              + " "
              + row.get("time")
              + " point #"
              + row.get("id")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static void check(Layer layer, Map<String, String> row) {
    int id = Integer.parseInt(row.get("id"));
    String time = row.get("time");
    ExtractResult result =
        time == null
            ? Conformance.answers(layer.datasetId(), layer.geojson(), null, null).get(id)
            : Conformance.at(
                Conformance.series(layer.datasetId(), layer.geojson(), null, null).get(id), time);
    assertThat(result).as("result for point %d", id).isNotNull();
    if (row.get("value").isEmpty()) {
      assertThat(result.jsonValue())
          .as(
              "value (GDAL: outside the raster or nodata; row %s col %s)",
              row.get("row"), row.get("col"))
          .isNull();
      assertThat(result.quality()).as("quality").isEqualTo(Quality.MISSING);
      return;
    }
    double expected = Double.parseDouble(row.get("value"));
    assertThat(result.number())
        .as(
            "value of cell row %s col %s (GDAL col_f %s row_f %s)",
            row.get("row"), row.get("col"), row.get("col_f"), row.get("row_f"))
        .hasValue(expected);
  }
}
