package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One limit of the service against a request, in an {@link Estimate}.
 *
 * @param name which limit: {@code geometries} (per batch), {@code datasets} (per request), {@code
 *     vertices} (of the largest geometry) or {@code cells} (the pixel budget)
 * @param value the request's value
 * @param limit the most the service accepts
 * @param holds whether {@code value <= limit}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LimitCheck(
    @JsonProperty("name") String name,
    @JsonProperty("value") long value,
    @JsonProperty("limit") long limit,
    @JsonProperty("holds") boolean holds) {

  /**
   * A check of {@code value} against {@code limit}.
   *
   * @param name which limit
   * @param value the request's value
   * @param limit the most accepted
   * @return the check, {@code holds} computed
   */
  public static LimitCheck of(String name, long value, long limit) {
    return new LimitCheck(name, value, limit, value <= limit);
  }
}
