package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An error body: RFC 9457 {@code application/problem+json} with Terrace's extension members.
 *
 * <p>The standard members ({@code type}, {@code title}, {@code status}, {@code detail}, {@code
 * instance}) are followed by {@code request_id}, {@code error_type}, for a 422 {@code errors}
 * naming the offending fields, and {@code error}, the envelope attribute-service clients parse.
 * {@link #of(ErrorType, String, String)} keeps the members consistent with each other:
 *
 * <pre>{@code
 * Problem p = Problem.of(ErrorType.VALIDATION_ERROR, "geometry: ring is not closed", requestId)
 *         .withErrors(List.of(FieldError.of("value_error", "ring is not closed", "geometry", "coordinates", 0)));
 * }</pre>
 *
 * @param type a URI reference identifying the problem type; {@link ErrorType#typeUri()} by default
 * @param title a short summary of the problem type
 * @param status the HTTP status code (0 when a body omits it)
 * @param detail what went wrong in this occurrence, for humans
 * @param instance a URI reference to this occurrence (typically the request path), or null
 * @param requestId the request's id, also sent as {@code X-Request-ID}
 * @param errorType the machine-readable error kind
 * @param errors for a validation error the offending fields, otherwise null; an unmodifiable copy
 * @param error the attribute-service envelope repeating type, message and request id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(
    @JsonProperty("type") String type,
    @JsonProperty("title") String title,
    @JsonProperty("status") int status,
    @JsonProperty("detail") String detail,
    @JsonProperty("instance") @Nullable String instance,
    @JsonProperty("request_id") @Nullable String requestId,
    @JsonProperty("error_type") @Nullable ErrorType errorType,
    @JsonProperty("errors") @Nullable List<FieldError> errors,
    @JsonProperty("error") @Nullable ErrorEnvelope error) {

  /** The media type of a problem body. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * Copies the field errors.
   *
   * @param type the problem type URI
   * @param title the title
   * @param status the HTTP status
   * @param detail the detail
   * @param instance the instance, or null
   * @param requestId the request id
   * @param errorType the error kind
   * @param errors the field errors, or null
   * @param error the envelope
   */
  public Problem {
    errors = Wire.copy(errors);
  }

  /**
   * A problem whose type, title, status and envelope follow from its error type.
   *
   * @param errorType the error kind; decides {@code type}, {@code title} and {@code status}
   * @param detail what went wrong, for humans (also the envelope's {@code message})
   * @param requestId the request's id
   * @return the problem, without {@code instance} or {@code errors}
   */
  public static Problem of(ErrorType errorType, String detail, String requestId) {
    return new Problem(
        errorType.typeUri(),
        errorType.title(),
        errorType.status(),
        detail,
        null,
        requestId,
        errorType,
        null,
        new ErrorEnvelope(errorType.wireName(), detail, requestId, null));
  }

  /**
   * This problem naming the offending fields, which the envelope's {@code detail} repeats.
   *
   * @param errors the field errors
   * @return a copy with {@code errors} set
   */
  public Problem withErrors(List<FieldError> errors) {
    ErrorEnvelope envelope =
        error == null
            ? null
            : new ErrorEnvelope(
                error.type(), error.message(), error.requestId(), Wire.copy(errors));
    return new Problem(
        type, title, status, detail, instance, requestId, errorType, errors, envelope);
  }

  /**
   * This problem pointing at the occurrence.
   *
   * @param instance a URI reference, typically the request path
   * @return a copy with {@code instance} set
   */
  public Problem withInstance(String instance) {
    return new Problem(type, title, status, detail, instance, requestId, errorType, errors, error);
  }

  /**
   * This problem with another HTTP status, for example 413 for a {@link ErrorType#REQUEST_LIMIT} on
   * the body size.
   *
   * @param status the HTTP status
   * @return a copy with {@code status} set
   */
  public Problem withStatus(int status) {
    return new Problem(type, title, status, detail, instance, requestId, errorType, errors, error);
  }
}
