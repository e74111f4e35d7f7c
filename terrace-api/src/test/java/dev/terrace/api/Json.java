package dev.terrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain {@link ObjectMapper} (no modules, no configuration) and round-trip assertions. */
public final class Json {

  /** The mapper every test uses: exactly what a user gets from {@code new ObjectMapper()}. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Reads {@code json} into {@code type}. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (Exception e) {
      throw new AssertionError("cannot read " + type.getSimpleName() + " from " + json, e);
    }
  }

  /** Writes {@code value} as JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      throw new AssertionError("cannot write " + value, e);
    }
  }

  /** Parses JSON into a tree. */
  public static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /**
   * Reads {@code json} into {@code type}, writes it back, and asserts that the result is the same
   * JSON (member order aside), and that reading it again gives an equal record.
   */
  public static <T> T roundTrip(String json, Class<T> type) {
    T value = read(json, type);
    String written = write(value);
    assertThat(tree(written)).as("%s written back", type.getSimpleName()).isEqualTo(tree(json));
    assertThat(read(written, type)).isEqualTo(value);
    return value;
  }

  /** Replaces single quotes by double quotes, so that JSON samples read well in Java strings. */
  public static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
