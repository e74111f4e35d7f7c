package dev.terrace.engine.internal.stacread;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.Terrace;
import dev.terrace.testkit.http.RangeServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of tests that read the STAC catalog of {@code src/test/resources/stac/} (items cut from
 * the built-in sample {@code elev_lux.tif}; its README says how), from disk and from a loopback
 * HTTP server, beside the files it was cut from declared as {@code cog} datasets.
 *
 * <p>Datasets: {@code file:elev} and {@code file:classes} (elev_lux.tif, continuous and
 * categorical), {@code file:utm31} and {@code file:utm32} (the two UTM items' files); {@code
 * items:elev}, {@code items:classes} (the four items of collection {@code lux}), {@code
 * items:series} (collection {@code series}, three dates), {@code items:utm} (collection {@code
 * utm}), {@code items:overlap} and {@code items:overlap_reversed} (the collections of those names);
 * {@code served:elev}, {@code served:series} and {@code served:overlap}, the same as {@code
 * items:elev}, {@code items:series} and {@code items:overlap} over HTTP.
 */
abstract class StacWorld {

  /** The edges between the items of collection {@code lux}, on cell edges of elev_lux.tif. */
  static final double MID_LON = 5.741666666666666 + 48 / 120.0;

  static final double MID_LAT = 50.191666666666663 - 45 / 120.0;

  @TempDir static Path dir;
  static RangeServer server;
  static Terrace terrace;
  static Path stac;

  @BeforeAll
  static void open() throws IOException, URISyntaxException {
    stac = Path.of(StacWorld.class.getResource("/stac/catalog.json").toURI()).getParent();
    Path elev = dir.resolve("elev_lux.tif");
    try (InputStream in =
        StacWorld.class.getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif")) {
      Files.copy(in, elev);
    }
    Path olinda = dir.resolve("olinda_dem_utm25s.tif");
    try (InputStream in =
        StacWorld.class.getResourceAsStream("/dev/terrace/engine/samples/olinda_dem_utm25s.tif")) {
      Files.copy(in, olinda);
    }
    server = RangeServer.start();
    try (Stream<Path> files = Files.walk(stac)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f -> server.serve("/stac/" + stac.relativize(f).toString().replace('\\', '/'), f));
    }
    String local = stac.resolve("catalog.json").toString();
    String served = server.uri("/stac/catalog.json").toString();
    String catalog =
        """
        {"providers": [
          {"slug": "file", "protocol": "cog", "datasets": [
            {"name": "elev", "path": "%1$s"},
            {"name": "classes", "path": "%1$s", "data_type": "categorical"},
            {"name": "utm31", "path": "%2$s"},
            {"name": "utm32", "path": "%3$s"},
            {"name": "olinda", "path": "%6$s"}]},
          {"slug": "items", "protocol": "stac", "datasets": [
            {"name": "elev", "stac": {"catalog": "%4$s", "collection": "lux", "asset": "data"}},
            {"name": "classes", "data_type": "categorical",
             "stac": {"catalog": "%4$s", "collection": "lux", "asset": "data"}},
            {"name": "series", "stac": {"catalog": "%4$s", "collection": "series", "asset": "data"}},
            {"name": "utm", "stac": {"catalog": "%4$s", "collection": "utm", "asset": "data"}},
            {"name": "olinda", "stac": {"catalog": "%4$s", "collection": "olinda", "asset": "data"}},
            {"name": "overlap",
             "stac": {"catalog": "%4$s", "collection": "overlap", "asset": "data"}},
            {"name": "overlap_reversed",
             "stac": {"catalog": "%4$s", "collection": "overlap_reversed", "asset": "data"}}]},
          {"slug": "served", "protocol": "stac", "datasets": [
            {"name": "elev", "stac": {"catalog": "%5$s", "collection": "lux", "asset": "data"}},
            {"name": "series",
             "stac": {"catalog": "%5$s", "collection": "series", "asset": "data"}},
            {"name": "overlap",
             "stac": {"catalog": "%5$s", "collection": "overlap", "asset": "data"}}]}
        ]}
        """
            .formatted(
                json(elev),
                json(stac.resolve("utm31.tif")),
                json(stac.resolve("utm32.tif")),
                json(local),
                served,
                json(olinda));
    terrace = Terrace.embedded(Files.writeString(dir.resolve("catalog.json"), catalog));
  }

  private static String json(Object path) {
    return path.toString().replace("\\", "\\\\");
  }

  @AfterAll
  static void close() {
    terrace.close();
    server.close();
  }

  /** The first result of each geometry, read from one dataset with one rule and aggregation. */
  static List<ExtractResult> read(
      List<? extends Geometry> geometries, String dataset, PixelRule rule, String aggregation) {
    return terrace
        .batchExtract(
            BatchExtractRequest.builder()
                .geometries(List.copyOf(geometries))
                .datasets(dataset)
                .aggregation(aggregation)
                .pixelRule(rule)
                .build())
        .responses()
        .stream()
        .map(response -> response.results().get(0))
        .toList();
  }
}
