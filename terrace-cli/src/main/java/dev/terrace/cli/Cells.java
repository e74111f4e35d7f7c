package dev.terrace.cli;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * How a result's value reads as text: a number as Java writes it, a map or list as JSON, null as
 * empty.
 */
final class Cells {

  private Cells() {}

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof String) {
      return value.toString();
    }
    try {
      return JsonStyle.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
