package dev.terrace.engine.internal.preview;

import dev.terrace.api.Dataset;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The colours of a categorical dataset's classes: the file's colour table when it has one, else a
 * qualitative palette over the classes the catalog names (in its order) or, without names, over the
 * codes found in the data.
 *
 * @param colouring the colour of each code
 * @param legend the classes named or found, with their colours
 */
record ClassPalette(Colouring colouring, Legend legend) {

  /** matplotlib's tab20, its strong colours first (CC0). */
  private static final int[] QUALITATIVE = {
    0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22,
    0x17becf, 0xaec7e8, 0xffbb78, 0x98df8a, 0xff9896, 0xc5b0d5, 0xc49c94, 0xf7b6d2, 0xc7c7c7,
    0xdbdb8d, 0x9edae5
  };

  /** Codes listed in a legend at most when the data, not the catalog, gives them. */
  private static final int MAX_FOUND = 256;

  /** The largest code coloured: a table beyond would cost more than any legend shows. */
  private static final int MAX_CODE = 65535;

  /**
   * @param summary the codes in the data, read only when the catalog names no class
   */
  static ClassPalette of(
      CatalogDataset dataset, Dataset view, int step, Supplier<ValueSummary> summary) {
    int[] fileTable =
        dataset.isMosaic() ? null : dataset.layer(step).raster().colorTable().orElse(null);
    Map<Integer, String> classes = new LinkedHashMap<>();
    if (view.classes() != null) {
      view.classes()
          .forEach(
              (code, name) -> {
                try {
                  int value = Integer.parseInt(code.strip());
                  if (value >= 0 && value <= MAX_CODE) {
                    classes.put(value, name);
                  }
                } catch (NumberFormatException e) {
                  // a class no cell can hold: no colour to give it
                }
              });
    }
    boolean named = !classes.isEmpty();
    if (!named && !dataset.isMosaic()) {
      summary.get().codes().stream()
          .limit(MAX_FOUND)
          .forEach(code -> classes.put(code, Integer.toString(code)));
    }
    Colouring colouring =
        fileTable != null
            ? new Colouring.ByClass(fileTable)
            : named ? new Colouring.ByClass(palette(classes)) : ClassPalette::cycled;
    List<Legend.ClassColour> legend = new ArrayList<>();
    classes.forEach(
        (code, name) ->
            legend.add(
                new Legend.ClassColour(
                    code, name, String.format("#%06x", colouring.argb(code) & 0xffffff))));
    return new ClassPalette(colouring, new Legend("classes", null, null, null, null, legend));
  }

  /**
   * The palette's colours in turn by code, for classes neither the file nor the catalog colours.
   */
  private static int cycled(double value) {
    int code = (int) value;
    return code == value && code >= 0 ? 0xff000000 | QUALITATIVE[code % QUALITATIVE.length] : 0;
  }

  /** The palette's colours in turn over the classes the catalog names, in its order. */
  private static int[] palette(Map<Integer, String> classes) {
    int largest = classes.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    int[] table = new int[largest + 1];
    int i = 0;
    for (int code : classes.keySet()) {
      table[code] = 0xff000000 | QUALITATIVE[i++ % QUALITATIVE.length];
    }
    return table;
  }
}
