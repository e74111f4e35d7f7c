package dev.terrace.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of every failure of a {@link TerraceApi} or {@link TerraceAsyncApi} call, in-process or
 * over HTTP; unchecked. One subclass per kind of failure, the same classes whichever side answered,
 * so that one {@code catch} serves both:
 *
 * <pre>{@code
 * try {
 *     api.extract(request);                     // Terrace.embedded() or a TerraceClient alike
 * } catch (InvalidRequestException e) {         // validation_error or request_limit: e.fieldErrors()
 * } catch (NotFoundException e) {               // no such provider or dataset
 * } catch (TerraceException e) {                // anything else: e.errorType(), e.problem(), e.requestId()
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link InvalidRequestException}: the request is invalid or over a limit ({@link
 *       ErrorType#VALIDATION_ERROR}, {@link ErrorType#REQUEST_LIMIT});
 *   <li>{@link NotFoundException}: no such provider or dataset ({@link ErrorType#NOT_FOUND});
 *   <li>{@link AuthenticationException}, {@link PermissionDeniedException}, {@link
 *       RateLimitException}, {@link ConflictException}: over HTTP only, the key or the pace of
 *       calls was refused;
 *   <li>{@link ServiceException}: the service or the engine failed rather than refused;
 *   <li>the SDK's own subclasses: no answer (a connection failure, a timeout) or one it could not
 *       read.
 * </ul>
 *
 * <p>Each carries what the side that answered knew: the error's {@link #problem()} (the RFC 9457
 * body the service sends, or in-process the one it would send), hence {@link #errorType()} and
 * {@link #fieldErrors()}; over HTTP also the response's {@link #statusCode()}, {@link #headers()},
 * {@link #body()} and {@link #requestId()}. Messages never contain an API key.
 */
public abstract class TerraceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The answer; null when there was none. Not serialized: records are not {@code Serializable}. */
  private final transient @Nullable ErrorResponse response;

  /**
   * A failure without an answer, such as a connection that failed.
   *
   * @param message what went wrong
   * @param cause the underlying failure, or null
   */
  protected TerraceException(String message, @Nullable Throwable cause) {
    this(message, null, cause);
  }

  /**
   * A failure the other side answered.
   *
   * @param message what went wrong
   * @param response the answer, or null when there was none
   * @param cause the underlying failure, or null
   */
  protected TerraceException(
      String message, @Nullable ErrorResponse response, @Nullable Throwable cause) {
    super(message, cause);
    this.response = response;
  }

  /**
   * The machine-readable kind of the error, as the problem names it.
   *
   * @return for example {@link ErrorType#NOT_FOUND}; empty without a problem (no answer, or a body
   *     that was not one) or with an error type this version does not know
   */
  public Optional<ErrorType> errorType() {
    return problem().map(Problem::errorType);
  }

  /**
   * The RFC 9457 problem: over HTTP the one the service sent; in-process the one the service would
   * send for this failure, without a request id.
   *
   * @return the problem, or empty when there was no answer or its body was not a problem document
   */
  public Optional<Problem> problem() {
    return response == null ? Optional.empty() : Optional.ofNullable(response.problem());
  }

  /**
   * The offending fields of an invalid request, as the problem's {@code errors} lists them.
   *
   * @return the field errors, for example one at {@code geometries[3].coordinates}; empty when the
   *     problem names none
   */
  public List<FieldError> fieldErrors() {
    return problem().map(Problem::errors).orElse(List.of());
  }

  /**
   * The id the service gave the request: the {@code X-Request-ID} header, or the problem's {@code
   * request_id} when the header is missing. Quote it when reporting a problem.
   *
   * @return the request id; empty in-process, where there is none, and when the response carried
   *     none
   */
  public Optional<String> requestId() {
    return response == null ? Optional.empty() : response.requestId();
  }

  /**
   * The HTTP status: over HTTP the response's; in-process the one the service answers this failure
   * with (for example 422 for an invalid request).
   *
   * @return the status, or 0 when there was no answer
   */
  public int statusCode() {
    return response == null ? 0 : response.status();
  }

  /**
   * The response's headers.
   *
   * @return the headers, names in any case; empty in-process and without an answer
   */
  public Map<String, List<String>> headers() {
    return response == null ? Map.of() : response.headers();
  }

  /**
   * The response's body as text.
   *
   * @return the body; empty in-process, without an answer, and when there was none
   */
  public String body() {
    return response == null ? "" : response.body();
  }

  /**
   * How long the service asked the caller to wait before trying again, from {@code Retry-After}
   * (seconds or an HTTP date, read as {@link dev.terrace.api.retry.RetryPolicy#retryAfter(String,
   * java.time.Instant)} does). A {@link RateLimitException} and an overloaded {@link
   * ServiceException} usually carry one.
   *
   * @return the wait counted from now; empty in-process and when the response did not say
   */
  public Optional<Duration> retryAfter() {
    return response == null ? Optional.empty() : response.retryAfter();
  }

  /**
   * The rate-limit state the response reported.
   *
   * @return the limit, the requests remaining and the time until the window resets; empty
   *     in-process and when the response carried no {@code X-RateLimit-*} headers
   */
  public Optional<RateLimitInfo> rateLimit() {
    return response == null ? Optional.empty() : response.rateLimit();
  }

  /**
   * The problem an in-process failure of this type stands for.
   *
   * @param type the error type
   * @param detail what went wrong
   * @return the answer the service would give, without request id
   */
  static ErrorResponse inProcess(ErrorType type, String detail) {
    return ErrorResponse.of(Problem.of(type, detail, null));
  }
}
