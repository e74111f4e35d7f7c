package dev.terrace.client;

import com.fasterxml.jackson.core.JacksonException;
import dev.terrace.api.ErrorResponse;
import dev.terrace.api.Problem;
import dev.terrace.api.RateLimitInfo;
import dev.terrace.api.TerraceException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A response as it came, after retries: status, headers, request id, rate-limit state and body,
 * with the parsed value or problem. Returned by {@link TerraceClient#withRawResponse()}; an error
 * status is returned here, not thrown, so that each caller can branch on it:
 *
 * <pre>{@code
 * RawResponse<ExtractResponse> raw = client.withRawResponse().extract(request);
 * raw.rateLimit().ifPresent(r -> log(r.remaining() + " requests left for " + r.reset()));
 * if (raw.isSuccess()) {
 *     use(raw.parse());
 * } else {
 *     raw.problem().ifPresent(p -> log(p.title() + ": " + p.detail()));
 * }
 * }</pre>
 *
 * <p>Immutable apart from the value, which is parsed on first use and kept.
 *
 * @param <T> the type of a successful response's value
 */
public final class RawResponse<T> {

  private final int statusCode;
  private final HttpHeaders headers;
  private final byte[] body;
  private final Class<T> type;
  private final @Nullable Problem problem;
  private volatile @Nullable Optional<T> value;

  RawResponse(int statusCode, HttpHeaders headers, byte[] body, Class<T> type) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
    this.type = type;
    this.problem = isSuccess() ? null : Json.problem(body);
  }

  /**
   * The HTTP status.
   *
   * @return for example 200 or 422
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Whether the status is 2xx.
   *
   * @return true for a success
   */
  public boolean isSuccess() {
    return statusCode >= 200 && statusCode < 300;
  }

  /**
   * The response headers (case-insensitive names).
   *
   * @return the headers
   */
  public HttpHeaders headers() {
    return headers;
  }

  /**
   * The id the service gave the request, from {@code X-Request-ID} (or the problem's {@code
   * request_id}).
   *
   * @return the request id, or empty when the response carried none
   */
  public Optional<String> requestId() {
    Optional<String> header = headers.firstValue(Headers.REQUEST_ID);
    return header.isPresent() ? header : problem().map(Problem::requestId);
  }

  /**
   * The rate-limit state this response reported.
   *
   * @return the limit, the requests remaining and the time until the window resets, or empty when
   *     the response carried no {@code X-RateLimit-*} headers
   */
  public Optional<RateLimitInfo> rateLimit() {
    return RateLimitInfo.from(headers.map());
  }

  /**
   * The body as received.
   *
   * @return a copy of the bytes
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * The body as UTF-8 text.
   *
   * @return the text, empty when there was no body
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The value of a successful response.
   *
   * @return the parsed value, or empty for an error status (or an empty body)
   * @throws InvalidResponseException if a success's body is not the JSON the operation promises
   */
  public Optional<T> value() {
    Optional<T> v = value;
    if (v == null) {
      v = isSuccess() && body.length > 0 ? Optional.ofNullable(read()) : Optional.empty();
      value = v;
    }
    return v;
  }

  /**
   * The RFC 9457 problem of an error response.
   *
   * @return the problem, or empty for a success or a body that is not a problem document
   */
  public Optional<Problem> problem() {
    return Optional.ofNullable(problem);
  }

  /**
   * The exception this response stands for, as the non-raw client would throw it.
   *
   * @return for example a {@link dev.terrace.api.NotFoundException} for a 404; empty for a success
   */
  public Optional<TerraceException> error() {
    return isSuccess()
        ? Optional.empty()
        : Optional.of(ErrorResponses.exception(statusCode, headers, bodyText(), problem));
  }

  /**
   * The value, or the exception the status calls for, as the non-raw client returns or throws.
   *
   * @return the value (null only for an empty success body)
   * @throws TerraceException the error's class (see {@link #error()}) for an error status
   * @throws InvalidResponseException if a success's body is not the JSON the operation promises
   */
  public @Nullable T parse() {
    Optional<TerraceException> error = error();
    if (error.isPresent()) {
      throw error.get();
    }
    return value().orElse(null);
  }

  private @Nullable T read() {
    try {
      return Json.MAPPER.readValue(body, type);
    } catch (JacksonException e) {
      throw new InvalidResponseException(
          "HTTP "
              + statusCode
              + " response is not a valid "
              + type.getSimpleName()
              + ": "
              + e.getOriginalMessage(),
          unreadable(),
          e);
    } catch (IOException e) {
      throw new InvalidResponseException(
          "HTTP " + statusCode + " response could not be read: " + e, unreadable(), e);
    }
  }

  /**
   * The response as the exception keeps it: status and headers, not the body, which may be large.
   */
  private ErrorResponse unreadable() {
    return new ErrorResponse(statusCode, headers.map(), "", null);
  }

  /**
   * The status and request id.
   *
   * @return for example {@code RawResponse[status=200, requestId=req_1]}
   */
  @Override
  public String toString() {
    return "RawResponse[status=" + statusCode + ", requestId=" + requestId().orElse(null) + "]";
  }
}
