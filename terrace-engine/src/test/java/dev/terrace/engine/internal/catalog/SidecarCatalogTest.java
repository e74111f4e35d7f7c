package dev.terrace.engine.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.Quality;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import dev.terrace.testkit.http.RangeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PAM sidecar beside a dataset's file changes its values as it changes GDAL's: its nodata
 * replaces the file's, its scale and offset apply where the file declares none. Beside a local file
 * it is always read; beside a remote one only when the catalog entry says {@code sidecars: true},
 * since every look costs a request.
 */
class SidecarCatalogTest {

  /** gdallocationinfo -wgs84 elev_lux.tif 6.13 49.61 reads 300. */
  private static final Point POINT = Point.of(6.13, 49.61);

  private static final String SCALED =
      """
      <PAMDataset>
        <PAMRasterBand band="1">
          <Offset>1</Offset>
          <Scale>2</Scale>
        </PAMRasterBand>
      </PAMDataset>""";
  private static final String NODATA_300 =
      """
      <PAMDataset>
        <PAMRasterBand band="1"><NoDataValue>3.00000000000000E+02</NoDataValue></PAMRasterBand>
      </PAMDataset>""";

  @TempDir Path dir;
  private byte[] tiff;

  @BeforeEach
  void copySample() throws Exception {
    tiff =
        getClass().getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif").readAllBytes();
    Files.write(dir.resolve("elev.tif"), tiff);
  }

  private ExtractResponse extract(String datasetEntry) throws Exception {
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        """
        {"providers": [{"slug": "s", "protocol": "cog", "datasets": [%s]}]}"""
            .formatted(datasetEntry));
    try (Terrace terrace = Terrace.embedded(catalog)) {
      return terrace.extract(ExtractRequest.of(POINT, "s:dem"));
    }
  }

  @Test
  void aLocalSidecarScalesTheValuesOfAFileThatDeclaresNoScale() throws Exception {
    assertThat(extract("{\"name\": \"dem\", \"path\": \"elev.tif\"}").results().get(0).number())
        .hasValue(300.0);
    Files.writeString(dir.resolve("elev.tif.aux.xml"), SCALED);
    assertThat(extract("{\"name\": \"dem\", \"path\": \"elev.tif\"}").results().get(0).number())
        .hasValue(601.0);
  }

  @Test
  void aLocalSidecarsNodataReplacesTheFiles() throws Exception {
    Files.writeString(dir.resolve("elev.tif.aux.xml"), NODATA_300);
    var result = extract("{\"name\": \"dem\", \"path\": \"elev.tif\"}").results().get(0);
    assertThat(result.jsonValue()).isNull();
    assertThat(result.quality()).isEqualTo(Quality.MISSING);
  }

  @Test
  void aRemoteSidecarIsReadOnlyWhenTheDatasetAsksForIt() throws Exception {
    try (RangeServer server = RangeServer.start()) {
      server.serve("/elev.tif", tiff);
      server.serve("/elev.tif.aux.xml", SCALED.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String url = server.uri("/elev.tif").toString();

      assertThat(extract("{\"name\": \"dem\", \"url\": \"" + url + "\"}").results().get(0).number())
          .hasValue(300.0);
      assertThat(server.requests("/elev.tif.aux.xml")).isZero();
      assertThat(server.requests("/elev.tif.msk")).isZero();

      assertThat(
              extract("{\"name\": \"dem\", \"url\": \"" + url + "\", \"sidecars\": true}")
                  .results()
                  .get(0)
                  .number())
          .hasValue(601.0);
      assertThat(server.requests("/elev.tif.aux.xml")).isPositive();
    }
  }

  @Test
  void aRemoteDatasetAskingForSidecarsThatDoNotExistReadsAsBefore() throws Exception {
    try (RangeServer server = RangeServer.start()) {
      server.serve("/elev.tif", tiff);
      String url = server.uri("/elev.tif").toString();
      assertThat(
              extract("{\"name\": \"dem\", \"url\": \"" + url + "\", \"sidecars\": true}")
                  .results()
                  .get(0)
                  .number())
          .hasValue(300.0);
    }
  }
}
