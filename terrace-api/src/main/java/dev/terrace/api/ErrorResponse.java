package dev.terrace.api;

import dev.terrace.api.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An error as it was answered, which every {@link TerraceException} standing for an answer holds:
 * over HTTP the response's status, headers and body, with the {@link Problem} parsed from the body;
 * in-process ({@link #of(Problem)}) the problem the engine raised, with the status the service
 * answers it with, no headers and no body.
 *
 * @param status the HTTP status, for example 404
 * @param headers the response's headers; an unmodifiable copy whose names ignore case, empty when
 *     null
 * @param body the body as text, empty when null
 * @param problem the RFC 9457 body, or null when the body is not a problem document
 */
public record ErrorResponse(
    int status, Map<String, List<String>> headers, String body, @Nullable Problem problem) {

  /** The header carrying the id the service gave the request. */
  public static final String REQUEST_ID = "X-Request-ID";

  /** The header asking the caller to wait before retrying: delay-seconds or an HTTP date. */
  public static final String RETRY_AFTER = "Retry-After";

  /**
   * Copies the headers into a map whose names ignore case, as HTTP's do.
   *
   * @param status the HTTP status
   * @param headers the headers, or null
   * @param body the body, or null
   * @param problem the parsed problem, or null
   */
  public ErrorResponse {
    headers = caseInsensitiveCopy(headers);
    body = body == null ? "" : body;
  }

  /**
   * An in-process error: the problem alone, with the status it names.
   *
   * @param problem the problem the engine raised
   * @return the error, without headers or body
   */
  public static ErrorResponse of(Problem problem) {
    return new ErrorResponse(problem.status(), Map.of(), "", problem);
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return the value, or empty when the header is missing
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(values.get(0));
  }

  /**
   * The id the service gave the request: the {@code X-Request-ID} header, or the problem's {@code
   * request_id} when the header is missing.
   *
   * @return the request id, or empty when there is none (in-process, or a response that carried
   *     none)
   */
  public Optional<String> requestId() {
    Optional<String> header = header(REQUEST_ID);
    return header.isPresent() ? header : Optional.ofNullable(problem).map(Problem::requestId);
  }

  /**
   * How long the service asked the caller to wait, from {@code Retry-After}, as {@link
   * RetryPolicy#retryAfter(String, Instant)} reads it.
   *
   * @return the wait counted from now, or empty when the response did not say (or said something
   *     unreadable)
   */
  public Optional<Duration> retryAfter() {
    return header(RETRY_AFTER).flatMap(value -> RetryPolicy.retryAfter(value, Instant.now()));
  }

  /**
   * The rate-limit state the response reported.
   *
   * @return the state, or empty when the response carried no {@code X-RateLimit-*} headers
   */
  public Optional<RateLimitInfo> rateLimit() {
    return RateLimitInfo.from(headers);
  }

  private static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> {
          if (name != null && values != null) {
            copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
          }
        });
    copy.replaceAll((name, values) -> Collections.unmodifiableList(values));
    return Collections.unmodifiableMap(copy);
  }
}
