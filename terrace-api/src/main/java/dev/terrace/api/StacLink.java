package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A STAC link. A {@code next} link of a search answered by POST carries the next page's request in
 * {@code body}, to be merged into the previous request when {@code merge} is true.
 *
 * @param rel the relation: {@code self}, {@code root}, {@code parent}, {@code collection}, {@code
 *     next}, …
 * @param href the target
 * @param type the target's media type, if known
 * @param title a title for people
 * @param method the HTTP method to follow it with, GET when absent
 * @param body the request body to send, for POST
 * @param merge whether {@code body} is merged into the previous request's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StacLink(
    @JsonProperty("rel") String rel,
    @JsonProperty("href") String href,
    @JsonProperty("type") @Nullable String type,
    @JsonProperty("title") @Nullable String title,
    @JsonProperty("method") @Nullable String method,
    @JsonProperty("body") @Nullable Map<String, Object> body,
    @JsonProperty("merge") @Nullable Boolean merge) {

  /**
   * A plain link followed with GET.
   *
   * @param rel the relation
   * @param href the target
   * @param type the target's media type
   * @return the link
   */
  public static StacLink of(String rel, String href, @Nullable String type) {
    return new StacLink(rel, href, type, null, null, null, null);
  }
}
