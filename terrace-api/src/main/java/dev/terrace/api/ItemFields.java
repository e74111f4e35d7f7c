package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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

  /** Copies the lists. */
  public ItemFields {
    include = Wire.copy(include);
    exclude = Wire.copy(exclude);
  }
}
