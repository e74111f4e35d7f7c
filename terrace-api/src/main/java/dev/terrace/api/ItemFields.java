package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which members of each item a search returns (the STAC API fields extension): dotted paths such as
 * {@code properties.datetime} or {@code assets}. With {@code include} only those (and {@code id},
 * {@code type}, {@code stac_version}, {@code collection}) are returned; {@code exclude} removes
 * members; a path in both is included.
 *
 * @param include members to keep, or null for all
 * @param exclude members to leave out, or null for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemFields(
    @JsonProperty("include") @Nullable List<String> include,
    @JsonProperty("exclude") @Nullable List<String> exclude) {

  /**
   * Reads fields as STAC API's GET form writes them: each path to include, or after {@code -} to
   * exclude ({@code +} may mark an include).
   *
   * @param paths such as {@code properties.datetime} and {@code -assets}
   * @return the fields, or null when {@code paths} is empty
   */
  public static @Nullable ItemFields parse(List<String> paths) {
    List<String> include = new ArrayList<>();
    List<String> exclude = new ArrayList<>();
    for (String path : paths) {
      if (path.startsWith("-")) {
        exclude.add(path.substring(1));
      } else {
        include.add(path.startsWith("+") ? path.substring(1) : path);
      }
    }
    if (include.isEmpty() && exclude.isEmpty()) {
      return null;
    }
    return new ItemFields(include.isEmpty() ? null : include, exclude.isEmpty() ? null : exclude);
  }

  /** Copies the lists. */
  public ItemFields {
    include = Wire.copy(include);
    exclude = Wire.copy(exclude);
  }
}
