package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/**
 * One invalid field of a rejected request, as listed in a 422 {@link Problem}'s {@code errors}.
 *
 * @param loc the field's location: names and 0-based indexes from the body's root, for example
 *     {@code ["geometries", 3, "coordinates"]}; an unmodifiable copy, empty when null
 * @param msg what is wrong, for humans
 * @param type a machine-readable reason, for example {@code "missing"}, {@code "value_error"} or
 *     {@code "too_long"}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldError(
    @JsonProperty("loc") List<Object> loc,
    @JsonProperty("msg") String msg,
    @JsonProperty("type") String type) {

  /**
   * Copies the location.
   *
   * @param loc the location, or null
   * @param msg the message
   * @param type the reason
   */
  public FieldError {
    loc = Wire.copyOrEmpty(loc);
  }

  /**
   * A field error with its location given last.
   *
   * @param type the machine-readable reason
   * @param msg the message
   * @param loc the location: {@code String} names and {@code Integer} indexes
   * @return the field error
   */
  public static FieldError of(String type, String msg, Object... loc) {
    return new FieldError(Arrays.asList(loc), msg, type);
  }

  /**
   * The location as one path, for messages and logs.
   *
   * @return for example {@code "geometries[3].coordinates"}; empty for the body itself
   */
  @JsonIgnore
  public String path() {
    StringBuilder sb = new StringBuilder();
    for (Object part : loc) {
      if (part instanceof Number) {
        sb.append('[').append(part).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(part);
      }
    }
    return sb.toString();
  }
}
