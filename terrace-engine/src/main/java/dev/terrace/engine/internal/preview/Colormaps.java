package dev.terrace.engine.internal.preview;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The named colour ramps, read from {@code colormaps.txt} beside this class, the one list that the
 * renderer and the scripts making the GDAL reference tiles both read.
 */
final class Colormaps {

  /** The colour map of a categorical dataset: each class its own colour. */
  static final String CLASSES = "classes";

  /** The ramp of a continuous dataset when a request names none. */
  static final String DEFAULT = "viridis";

  private static final Map<String, Ramp> RAMPS = load();

  private Colormaps() {}

  /**
   * @return the ramp of that name, or empty
   */
  static Optional<Ramp> ramp(String name) {
    return Optional.ofNullable(RAMPS.get(name));
  }

  /**
   * @return the ramps' names in file order
   */
  static Iterable<String> names() {
    return RAMPS.keySet();
  }

  private static Map<String, Ramp> load() {
    Map<String, Ramp> ramps = new LinkedHashMap<>();
    try (InputStream in = Colormaps.class.getResourceAsStream("colormaps.txt");
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      String line;
      while ((line = lines.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] words = line.split("\\s+");
        int[] colours = new int[words.length - 1];
        for (int i = 1; i < words.length; i++) {
          colours[i - 1] = Integer.parseInt(words[i].substring(1), 16);
        }
        ramps.put(words[0], new Ramp(words[0], colours));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(ramps);
  }
}
