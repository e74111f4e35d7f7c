package dev.terrace.engine.internal.preview;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the colours of a dataset's preview tiles mean.
 *
 * @param type {@code ramp} or {@code classes}
 * @param min the value of a ramp's first colour, or null for classes
 * @param max the value of its last colour, or null
 * @param units the values' units, or null
 * @param colors a ramp's colours as {@code #rrggbb}, evenly spaced from min to max; null for
 *     classes
 * @param classes each class's code, name and colour; null for a ramp
 */
public record Legend(
    String type,
    @Nullable Double min,
    @Nullable Double max,
    @Nullable String units,
    @Nullable List<String> colors,
    @Nullable List<ClassColour> classes) {

  /**
   * One class of a categorical dataset.
   *
   * @param value its code
   * @param name its name, or the code when the catalog names none
   * @param color its colour as {@code #rrggbb}
   */
  public record ClassColour(long value, String name, String color) {}
}
