package dev.terrace.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.terrace.engine.internal.json.StrictJson;
import picocli.CommandLine.Option;

/**
 * {@code --pretty} / {@code --compact}: how JSON is printed; by default pretty on a terminal,
 * compact in a pipe.
 */
final class JsonStyle {

  /**
   * The mapper of every JSON the commands read and write: the API's records need nothing but a
   * plain one.
   */
  static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * The mapper geometries are read with, as strict as the service's: {@code [null, 49.7]} is an
   * error here too, not longitude 0 for the embedded engine.
   */
  static final ObjectMapper GEOMETRY = StrictJson.MAPPER;

  @Option(names = "--pretty", description = "Indented JSON even in a pipe.")
  boolean pretty;

  @Option(names = "--compact", description = "One-line JSON even on a terminal.")
  boolean compact;

  /**
   * @throws IllegalArgumentException when both options are given
   */
  String write(Object value) {
    if (pretty && compact) {
      throw new IllegalArgumentException("--pretty and --compact both given: choose one");
    }
    boolean indent = pretty || (!compact && Terminal.stdout());
    try {
      return (indent ? MAPPER.writer(SerializationFeature.INDENT_OUTPUT) : MAPPER.writer())
          .writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write the answer as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
