package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A page of a {@code catalog.search}: a GeoJSON FeatureCollection of STAC items, with a {@code
 * next} link while there are more.
 *
 * @param type {@code FeatureCollection}
 * @param features the items of this page
 * @param links {@code next} while more items match, and the service's {@code self} and {@code root}
 * @param numberMatched how many items match the search in all
 * @param numberReturned how many items this page holds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemCollection(
    @JsonProperty("type") String type,
    @JsonProperty("features") List<StacItem> features,
    @JsonProperty("links") List<StacLink> links,
    @JsonProperty("numberMatched") @Nullable Integer numberMatched,
    @JsonProperty("numberReturned") @Nullable Integer numberReturned) {

  /** Copies the lists. */
  public ItemCollection {
    features = Wire.copyOrEmpty(features);
    links = Wire.copyOrEmpty(links);
  }

  /**
   * The token of the page after this one, read from the {@code next} link: its POST {@code body}'s
   * {@code token}, else the {@code token} parameter of its URL.
   *
   * @return the token, or empty on the last page
   */
  @JsonIgnore
  public Optional<String> nextToken() {
    for (StacLink link : links) {
      if (!"next".equals(link.rel())) {
        continue;
      }
      if (link.body() != null && link.body().get("token") instanceof String token) {
        return Optional.of(token);
      }
      String query = URI.create(link.href()).getRawQuery();
      if (query != null) {
        for (String pair : query.split("&")) {
          if (pair.startsWith("token=")) {
            return Optional.of(
                java.net.URLDecoder.decode(
                    pair.substring(6), java.nio.charset.StandardCharsets.UTF_8));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether this is not the last page.
   *
   * @return whether a page follows this one
   */
  @JsonIgnore
  public boolean hasNextPage() {
    return nextToken().isPresent();
  }
}
