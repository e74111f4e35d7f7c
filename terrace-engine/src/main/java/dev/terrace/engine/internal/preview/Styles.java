package dev.terrace.engine.internal.preview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.terrace.api.DataType;
import dev.terrace.api.Dataset;
import dev.terrace.api.ErrorType;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.ValueRange;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.catalog.Layer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Resolves a request's {@code colormap}, {@code rescale} and {@code timestamp} against a dataset:
 * checks each, naming the one that is wrong, and fills in the defaults (the class colours of a
 * categorical dataset, else viridis over the valid range, else over the values of the coarsest
 * overview; the first timestamp).
 */
final class Styles {

  private final Cache<String, ValueSummary> summaries =
      Caffeine.newBuilder().maximumSize(256).build();

  Style resolve(
      CatalogDataset dataset, Dataset view, String colormap, String rescale, String timestamp) {
    List<Instant> times = dataset.times();
    int step = step(view, times, timestamp);
    Instant time = times.isEmpty() ? null : times.get(step);
    boolean categorical = view.dataType() == DataType.CATEGORICAL;
    String name =
        colormap == null || colormap.isBlank()
            ? categorical ? Colormaps.CLASSES : Colormaps.DEFAULT
            : colormap.strip().toLowerCase(Locale.ROOT);
    if (name.equals(Colormaps.CLASSES)) {
      if (!categorical) {
        throw invalid(
            "colormap",
            "colormap 'classes' colours a categorical dataset's classes; "
                + view.id()
                + " is continuous: use one of "
                + String.join(", ", Colormaps.names()));
      }
      ClassPalette palette = ClassPalette.of(dataset, view, step, () -> summary(dataset, step));
      return new Style(
          step, time, name, palette.colouring(), Double.NaN, Double.NaN, palette.legend());
    }
    Ramp ramp =
        Colormaps.ramp(name)
            .orElseThrow(
                () ->
                    invalid(
                        "colormap",
                        "no colormap '"
                            + colormap
                            + "'; use one of "
                            + (categorical ? Colormaps.CLASSES + ", " : "")
                            + String.join(", ", Colormaps.names())));
    double[] range = range(dataset, view, step, rescale);
    Legend legend = new Legend("ramp", range[0], range[1], view.units(), ramp.hex(), null);
    return new Style(
        step,
        time,
        name,
        new Colouring.Stretched(ramp, range[0], range[1]),
        range[0],
        range[1],
        legend);
  }

  private double[] range(CatalogDataset dataset, Dataset view, int step, String rescale) {
    if (rescale != null && !rescale.isBlank() && !rescale.strip().equals("auto")) {
      return parseRange(rescale);
    }
    ValueRange valid = view.validRange();
    if (valid != null && (rescale == null || rescale.isBlank())) {
      return new double[] {valid.min(), valid.max()};
    }
    if (dataset.isMosaic()) {
      throw invalid(
          "rescale",
          view.id()
              + " is a mosaic with no valid range in the catalog, so its range is not known"
              + " without reading it all; give rescale=min,max");
    }
    ValueSummary s = summary(dataset, step);
    if (Double.isNaN(s.min())) {
      throw invalid("rescale", view.id() + " holds no data to stretch over; give rescale=min,max");
    }
    return new double[] {s.min(), s.max()};
  }

  private ValueSummary summary(CatalogDataset dataset, int step) {
    return summaries.get(
        dataset.id() + "@" + step,
        k -> {
          Layer layer = dataset.layer(step);
          return ValueSummary.of(layer.raster(), layer.bandNumber(), layer.band());
        });
  }

  private static double[] parseRange(String rescale) {
    String[] parts = rescale.split(",", -1);
    String example = "; give two numbers, min,max, such as rescale=0,1000, or rescale=auto";
    if (parts.length != 2) {
      throw invalid("rescale", "rescale is '" + rescale + "'" + example);
    }
    double min;
    double max;
    try {
      min = Double.parseDouble(parts[0].strip());
      max = Double.parseDouble(parts[1].strip());
    } catch (NumberFormatException e) {
      throw invalid("rescale", "rescale is '" + rescale + "', not two numbers" + example);
    }
    if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
      throw invalid("rescale", "rescale is '" + rescale + "'; min must be below max" + example);
    }
    return new double[] {min, max};
  }

  private static int step(Dataset view, List<Instant> times, String timestamp) {
    if (timestamp == null || timestamp.isBlank()) {
      return 0;
    }
    if (times.isEmpty()) {
      throw invalid(
          "timestamp", view.id() + " has no time axis; leave timestamp out for its one raster");
    }
    Instant wanted;
    try {
      wanted =
          timestamp.length() == 10
              ? LocalDate.parse(timestamp).atStartOfDay(ZoneOffset.UTC).toInstant()
              : Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      throw invalid(
          "timestamp",
          "timestamp is '" + timestamp + "', not an ISO-8601 instant such as " + times.getFirst());
    }
    int step = times.indexOf(wanted);
    if (step < 0) {
      throw invalid(
          "timestamp",
          "timestamp "
              + wanted
              + " is not one of the "
              + times.size()
              + " timestamps of "
              + view.id()
              + ", "
              + times.getFirst()
              + " to "
              + times.getLast()
              + "; see its temporal extent");
    }
    return step;
  }

  static InvalidRequestException invalid(String field, String message) {
    return InvalidRequestException.of(ErrorType.VALIDATION_ERROR, message, "value_error", field);
  }
}
