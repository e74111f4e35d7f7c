package dev.terrace.engine.conformance.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.engine.Terrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One embedded engine over a catalog built for the peer cases: provider {@code rs} holds
 * python-rasterstats' test rasters (copied into {@code conformance/peers/rasterstats/}), provider
 * {@code ee} the few GeoTIFFs of exactextract's tests the test tree's writer cannot express ({@code
 * conformance/peers/exactextract/}), provider {@code np} the rasters the peers' tests build in
 * memory ({@link PeerRasters}), written to a temporary folder. Opened once, closed (and the folder
 * removed) at JVM exit.
 */
final class PeerEngine {

  /**
   * python-rasterstats' rasters: dataset name (and file name) to whether the dataset is
   * categorical.
   */
  private static final Map<String, Boolean> RASTERSTATS =
      Map.of(
          "slope",
          false,
          "slope_classes",
          true,
          "slope_nodata",
          false,
          "all_nodata",
          false,
          "dataset_mask",
          false);

  /**
   * The GeoTIFFs of exactextract's tests written by {@code make_exactextract_fixtures.py} (in
   * {@code conformance/peers/exactextract/}): dataset name to file and band.
   */
  private static final Map<String, Map.Entry<String, Integer>> EXACTEXTRACT =
      Map.of(
          "scale_offset", Map.entry("scale_offset.tif", 1),
          "mask_band", Map.entry("mask_band.tif", 1),
          "invalid_nodata", Map.entry("invalid_nodata.tif", 1),
          "rotated", Map.entry("rotated.tif", 1),
          "multiband1_b1", Map.entry("multiband1.tif", 1),
          "multiband1_b2", Map.entry("multiband1.tif", 2),
          "multiband2_b1", Map.entry("multiband2.tif", 1),
          "multiband2_b2", Map.entry("multiband2.tif", 2));

  private static volatile Terrace engine;

  private PeerEngine() {}

  static Terrace get() {
    Terrace e = engine;
    if (e == null) {
      synchronized (PeerEngine.class) {
        if (engine == null) {
          engine = open();
        }
        e = engine;
      }
    }
    return e;
  }

  private static Terrace open() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ArrayNode providers = root.putArray("providers");
    ObjectNode rs = providers.addObject();
    rs.put("slug", "rs");
    rs.put("name", "python-rasterstats test rasters");
    rs.put("protocol", "cog");
    ArrayNode rsData = rs.putArray("datasets");
    RASTERSTATS.forEach(
        (name, categorical) -> {
          ObjectNode d = rsData.addObject();
          d.put("name", name);
          d.put("data_type", categorical ? "categorical" : "continuous");
          d.put("path", PeerCsv.resource("rasterstats/" + name + ".tif").toString());
        });
    ObjectNode ee = providers.addObject();
    ee.put("slug", "ee");
    ee.put("name", "exactextract test rasters");
    ee.put("protocol", "cog");
    ArrayNode eeData = ee.putArray("datasets");
    EXACTEXTRACT.forEach(
        (name, file) -> {
          ObjectNode d = eeData.addObject();
          d.put("name", name);
          d.put("band", file.getValue());
          d.put("data_type", "continuous");
          d.put("path", PeerCsv.resource("exactextract/" + file.getKey()).toString());
        });
    try {
      Path dir = Files.createTempDirectory("terrace-peers");
      ObjectNode np = providers.addObject();
      np.put("slug", "np");
      np.put("name", "rasters the peers build in memory");
      np.put("protocol", "cog");
      ArrayNode npData = np.putArray("datasets");
      for (Map.Entry<String, PeerRasters.Spec> r : PeerRasters.ALL.entrySet()) {
        Path file = dir.resolve(r.getKey() + ".tif");
        PeerRasters.write(r.getValue(), file);
        ObjectNode d = npData.addObject();
        d.put("name", r.getKey());
        d.put("data_type", "continuous");
        d.put("path", file.toString());
      }
      Path catalog = dir.resolve("catalog.json");
      json.writerWithDefaultPrettyPrinter().writeValue(catalog.toFile(), root);
      Terrace created = Terrace.embedded(catalog);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    created.close();
                    delete(dir);
                  }));
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temporary folder left behind is harmless.
    }
  }
}
