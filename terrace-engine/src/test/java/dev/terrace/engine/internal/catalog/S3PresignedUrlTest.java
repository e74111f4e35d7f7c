package dev.terrace.engine.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.Quality;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.io.HttpByteSource;
import dev.terrace.engine.internal.io.HttpOptions;
import dev.terrace.engine.internal.io.SourceBreakers;
import dev.terrace.testkit.http.RangeServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A URL that carries its own signature is read as given and never shown whole: its query is a key
 * to the object for as long as it is valid, so no warning, label or {@code toString} repeats it.
 */
class S3PresignedUrlTest {

  private static final String SIGNATURE = "0123456789abcdefSIGNATURE";
  private static final String QUERY =
      "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAPRESIGNED%2F20260101%2Fus-east-1"
          + "%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=3600"
          + "&X-Amz-SignedHeaders=host&X-Amz-Signature="
          + SIGNATURE;

  @TempDir Path dir;
  private RangeServer server;

  @BeforeEach
  void start() throws Exception {
    server = RangeServer.start();
    server.serve(
        "/elev.tif",
        getClass().getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif").readAllBytes());
    server.serve("/denied.tif", new byte[] {1, 2, 3});
    server.failWith("/denied.tif", 403, 100);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Path catalog(String path) throws Exception {
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        """
        {"providers": [{"slug": "s", "protocol": "cog", "datasets": [
          {"name": "dem", "url": "%s"}]}]}"""
            .formatted(server.uri(path) + QUERY));
    return catalog;
  }

  private ExtractResponse extract(String path) throws Exception {
    try (Terrace terrace = Terrace.embedded(catalog(path))) {
      return terrace.extract(ExtractRequest.of(Point.of(6.13, 49.61), "s:dem"));
    }
  }

  @Test
  void aPresignedUrlIsReadAndListedWithoutItsQuery() throws Exception {
    assertThat(extract("/elev.tif").results().get(0).number()).hasValue(300.0);
    try (Catalog catalog = Catalog.load(catalog("/elev.tif"))) {
      CatalogDataset dem = catalog.dataset("s:dem").orElseThrow();
      assertThat(dem.location()).isEqualTo(server.uri("/elev.tif").toString());
      assertThat(dem.toString()).doesNotContain("X-Amz").doesNotContain(SIGNATURE);
    }
  }

  @Test
  void failuresOfAPresignedUrlAreWarnedWithoutItsQuery() throws Exception {
    ExtractResponse missing = extract("/no-such.tif");
    assertThat(missing.results().get(0).quality()).isEqualTo(Quality.MISSING);
    assertThat(missing.warnings())
        .containsExactly("s:dem: not found: " + server.uri("/no-such.tif"));

    ExtractResponse denied = extract("/denied.tif");
    assertThat(denied.results().get(0).quality()).isEqualTo(Quality.MISSING);
    assertThat(denied.warnings())
        .singleElement()
        .asString()
        .startsWith("s:dem: access denied (HTTP 403) to " + server.uri("/denied.tif"))
        .doesNotContain("X-Amz")
        .doesNotContain(SIGNATURE);
    assertThat(SourceBreakers.shared().statuses())
        .allSatisfy(
            s -> {
              assertThat(s.source()).doesNotContain(SIGNATURE);
              assertThat(String.valueOf(s.lastFailure())).doesNotContain(SIGNATURE);
            });
  }

  @Test
  void aPresignedUrlIsNotSignedAgainAndItsSourceHidesTheQuery() {
    HttpOptions signing =
        HttpOptions.builder()
            .signer(
                (uri, headers) -> {
                  throw new IllegalStateException("a pre-signed URL must not be signed");
                })
            .build();
    URI url = URI.create(server.uri("/elev.tif") + QUERY);
    try (HttpByteSource source = HttpByteSource.open(url, signing)) {
      assertThat(source.read(0, 2)).containsExactly('I', 'I');
      assertThat(source.name()).isEqualTo(server.uri("/elev.tif").toString());
      assertThat(source.toString()).doesNotContain("X-Amz").doesNotContain(SIGNATURE);
      assertThat(source.identity()).doesNotContain(SIGNATURE);
    }
  }
}
