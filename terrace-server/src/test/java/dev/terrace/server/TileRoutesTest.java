package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Preview tiles and their TileJSON over HTTP on the built-in samples: PNGs with ETags and 304s,
 * transparent tiles outside a dataset, and a 4xx problem naming each bad parameter. (Their pixels
 * against GDAL's: the engine's {@code ReferenceTilesTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TileRoutesTest {

  RunningServer running;

  @BeforeAll
  void start() {
    running = RunningServer.start();
  }

  @AfterAll
  void stop() throws Exception {
    running.close();
  }

  HttpResponse<byte[]> png(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(running.uri(path)).timeout(Duration.ofSeconds(30)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return running.http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static BufferedImage image(HttpResponse<byte[]> r) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(r.body()));
  }

  static int opaque(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += image.getRGB(x, y) >>> 24 == 0 ? 0 : 1;
      }
    }
    return n;
  }

  @Test
  void aTileIsAPngWithAnEtagAnsweredAgainWith304() throws Exception {
    String path = "/api/v1/tiles/lux:elevation/8/132/87.png?colormap=terrain&rescale=141,547";
    HttpResponse<byte[]> r = png(path);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("image/png");
    assertThat(r.headers().firstValue("Cache-Control")).contains("public, max-age=3600");
    BufferedImage image = image(r);
    assertThat(image.getWidth()).isEqualTo(256);
    // GDAL's rendering of this tile has 10 651 opaque pixels (the engine's reference tiles)
    assertThat(opaque(image)).isEqualTo(10651);
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).matches("\"[0-9a-f]{32}\"");

    HttpResponse<byte[]> again = png(path, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(png(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

    HttpResponse<byte[]> retina = png(path.replace("87.png", "87@2x.png"));
    assertThat(image(retina).getWidth()).isEqualTo(512);
    assertThat(opaque(image(retina))).isEqualTo(42587);
  }

  @Test
  void aTileOutsideTheDatasetIsTransparent() throws Exception {
    HttpResponse<byte[]> r = png("/api/v1/tiles/lux:elevation/8/10/10.png");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(opaque(image(r))).isZero();
  }

  @Test
  void aTimeSeriesTileIsOfTheTimestampAsked() throws Exception {
    String tile = "/api/v1/tiles/bcsd:pr/4/4/6.png?colormap=blues&rescale=0,340";
    byte[] january = png(tile).body();
    byte[] july = png(tile + "&timestamp=1999-07-31T00:00:00Z").body();
    assertThat(january).isEqualTo(png(tile + "&timestamp=1999-01-31T00:00:00Z").body());
    assertThat(july).isNotEqualTo(january);
  }

  @ParameterizedTest(name = "{0} -> {1} naming {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/tiles/lux:elevation/31/0/0.png|422|z",
        "/api/v1/tiles/lux:elevation/-1/0/0.png|422|z",
        "/api/v1/tiles/lux:elevation/2/4/0.png|422|x",
        "/api/v1/tiles/lux:elevation/2/0/4.png|422|y",
        "/api/v1/tiles/lux:elevation/2/0/1.jpg|422|y",
        "/api/v1/tiles/lux:elevation/two/0/1.png|422|z",
        "/api/v1/tiles/lux:elevation/8/132/87.png?colormap=rainbow|422|colormap",
        "/api/v1/tiles/lux:elevation/8/132/87.png?colormap=classes|422|colormap",
        "/api/v1/tiles/lux:elevation/8/132/87.png?rescale=5|422|rescale",
        "/api/v1/tiles/lux:elevation/8/132/87.png?rescale=9,1|422|rescale",
        "/api/v1/tiles/lux:elevation/8/132/87.png?rescale=a,b|422|rescale",
        "/api/v1/tiles/lux:elevation/8/132/87.png?timestamp=1999-01-31|422|timestamp",
        "/api/v1/tiles/bcsd:pr/4/4/6.png?timestamp=1999-02-01T00:00:00Z|422|timestamp",
        "/api/v1/tiles/bcsd:pr/4/4/6.png?timestamp=soon|422|timestamp",
        "/api/v1/tiles/bcsd:pr/tilejson.json?rescale=1|422|rescale",
        "/api/v1/tiles/no:such/8/132/87.png|404|",
      })
  void aBadParameterIsAProblemNamingIt(String path, int status, String field) throws Exception {
    HttpResponse<String> r = running.get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = Json.MAPPER.readTree(r.body());
    if (field != null) {
      List<String> named = new ArrayList<>();
      problem.path("errors").forEach(e -> e.path("loc").forEach(l -> named.add(l.asText())));
      assertThat(named).as(r.body()).contains(field);
      assertThat(problem.path("detail").asText()).contains(field);
    }
  }

  @Test
  void tileJsonGivesTheTemplateZoomsBoundsAndLegend() throws Exception {
    JsonNode doc = json("/api/v1/tiles/lux:elevation/tilejson.json");
    assertThat(doc.path("tilejson").asText()).isEqualTo("3.0.0");
    assertThat(doc.path("tiles").get(0).asText())
        .isEqualTo(
            running.uri("/").toString()
                + "api/v1/tiles/lux:elevation/{z}/{x}/{y}.png?colormap=viridis&rescale=-500.0,9000.0");
    assertThat(doc.path("minzoom").asInt()).isZero();
    // 1/120° cells, about 595 m east-west at 49.8° N: zoom 8's pixels are 394 m there
    assertThat(doc.path("maxzoom").asInt()).isEqualTo(8);
    assertThat(doc.path("bounds").get(0).asDouble()).isCloseTo(5.7416, within(1e-3));
    JsonNode legend = doc.path("legend");
    assertThat(legend.path("type").asText()).isEqualTo("ramp");
    assertThat(legend.path("min").asDouble()).isEqualTo(-500);
    assertThat(legend.path("units").asText()).isEqualTo("m");
    assertThat(legend.path("colors").get(0).asText()).isEqualTo("#440154");
    assertThat(doc.path("colormaps").toString())
        .contains("viridis", "terrain")
        .doesNotContain("classes");

    // rescale=auto: the values' range (gdalinfo -mm of elev_lux.tif: 141, 547)
    JsonNode auto = json("/api/v1/tiles/lux:elevation/tilejson.json?rescale=auto");
    assertThat(auto.path("legend").path("min").asDouble()).isEqualTo(141);
    assertThat(auto.path("legend").path("max").asDouble()).isEqualTo(547);

    JsonNode classes = json("/api/v1/tiles/pr_landcover:land_cover/tilejson.json");
    assertThat(classes.path("colormap").asText()).isEqualTo("classes");
    JsonNode water = null;
    for (JsonNode c : classes.path("legend").path("classes")) {
      if (c.path("value").asInt() == 11) {
        water = c;
      }
    }
    // lc.tif's colour table: 11 is (71, 107, 161)
    assertThat(water).isNotNull();
    assertThat(water.path("color").asText()).isEqualTo("#476ba1");

    JsonNode series = json("/api/v1/tiles/bcsd:pr/tilejson.json");
    assertThat(series.path("timestamps")).hasSize(12);
    assertThat(series.path("timestamp").asText()).isEqualTo("1999-01-31T00:00:00Z");
  }

  JsonNode json(String path) throws Exception {
    HttpResponse<String> r = running.get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.MAPPER.readTree(r.body());
  }

  static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
