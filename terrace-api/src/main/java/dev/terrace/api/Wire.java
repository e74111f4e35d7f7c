package dev.terrace.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Helpers shared by the records and enums of this package: wire-name lookups and defensive copies.
 */
final class Wire {

  private Wire() {}

  /**
   * Finds the constant whose wire name equals {@code value}, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the field and listing the valid values
   */
  static <E extends Enum<E>> E lookup(
      E[] values, Function<E, String> wireName, @Nullable String value, String field) {
    if (value != null) {
      String wanted = value.strip();
      for (E e : values) {
        if (wireName.apply(e).equalsIgnoreCase(wanted)) {
          return e;
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : values) {
      names.add(wireName.apply(e));
    }
    throw new IllegalArgumentException(
        (value == null ? "Missing " + field : "Unknown " + field + " '" + value + "'")
            + "; expected one of: "
            + String.join(", ", names));
  }

  /**
   * An unmodifiable copy that keeps null elements (so that validation can name them by index), or
   * null.
   */
  static <T> @Nullable List<T> copy(@Nullable List<? extends T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** An unmodifiable copy that keeps null elements; empty when {@code list} is null. */
  static <T> List<T> copyOrEmpty(@Nullable List<? extends T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
