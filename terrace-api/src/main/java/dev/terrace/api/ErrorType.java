package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The machine-readable kind of an error, carried by a {@link Problem} as {@code error_type}.
 *
 * <p>On the wire as {@link #wireName()}; {@link #of(String)} reads it back, ignoring case.
 */
public enum ErrorType {
  /**
   * The request is malformed or a field is invalid (HTTP 422); {@link Problem#errors()} names the
   * fields.
   */
  VALIDATION_ERROR("validation_error", 422, "Validation error"),

  /**
   * The request exceeds a configured limit: datasets per request, geometries per batch, vertices
   * per polygon, the pixel budget or the body size (HTTP 422).
   */
  REQUEST_LIMIT("request_limit", 422, "Request limit exceeded"),

  /** No API key, or an unknown or revoked one (HTTP 401). */
  UNAUTHORIZED("unauthorized", 401, "Unauthorized"),

  /** The API key lacks the scope the operation needs (HTTP 403). */
  FORBIDDEN("forbidden", 403, "Forbidden"),

  /** No such provider, dataset, operation or route (HTTP 404). */
  NOT_FOUND("not_found", 404, "Not found"),

  /** Too many requests for this key or address; retry after {@code Retry-After} (HTTP 429). */
  RATE_LIMITED("rate_limited", 429, "Rate limited"),

  /**
   * The same {@code Idempotency-Key} was sent with a different request, or while its first use is
   * running.
   */
  CONFLICT("conflict", 409, "Conflict"),

  /** The route exists but not for this HTTP method. */
  METHOD_NOT_ALLOWED("method_not_allowed", 405, "Method not allowed"),

  /** The service is overloaded or shutting down; retry after the {@code Retry-After} delay. */
  OVERLOADED("overloaded", 503, "Service overloaded"),

  /** The request did not finish within the service's per-request deadline. */
  TIMEOUT("timeout", 504, "Deadline exceeded"),

  /** A remote raster source failed or timed out (HTTP 502). */
  UPSTREAM_ERROR("upstream_error", 502, "Upstream error"),

  /** An unexpected failure in the service (HTTP 500); no stack trace is ever sent. */
  INTERNAL_ERROR("internal_error", 500, "Internal error");

  private final String wireName;
  private final int status;
  private final String title;

  ErrorType(String wireName, int status, String title) {
    this.wireName = wireName;
    this.status = status;
    this.title = title;
  }

  /**
   * The name used in JSON and on the command line.
   *
   * @return for example {@code "internal_error"}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a wire name, ignoring case and surrounding blanks.
   *
   * @param value the wire name, for example {@code "validation_error"}
   * @return the constant
   * @throws IllegalArgumentException if {@code value} is null or unknown; the message lists the
   *     valid values
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ErrorType of(String value) {
    return Wire.lookup(values(), ErrorType::wireName, value, "error_type");
  }

  /**
   * The HTTP status a problem of this type is normally sent with.
   *
   * @return for example {@code 422} for {@link #VALIDATION_ERROR}
   */
  public int status() {
    return status;
  }

  /**
   * A short human-readable summary, used as a problem's default {@code title}.
   *
   * @return for example {@code "Validation error"}
   */
  public String title() {
    return title;
  }

  /**
   * The problem type URI used as a problem's default {@code type}: a relative reference (RFC 9457
   * allows those) to the page documenting this error type.
   *
   * @return for example {@code "/problems/validation_error"}
   */
  public String typeUri() {
    return "/problems/" + wireName;
  }

  /**
   * The wire name.
   *
   * @return {@link #wireName()}
   */
  @Override
  public String toString() {
    return wireName;
  }
}
