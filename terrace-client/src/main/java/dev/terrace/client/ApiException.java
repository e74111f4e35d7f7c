package dev.terrace.client;

import dev.terrace.api.ErrorType;
import dev.terrace.api.Problem;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * The service answered with an error status. There is one subclass per status the API uses, so that callers
 * catch what they can handle:
 *
 * <pre>{@code
 * try {
 *     client.extract(request);
 * } catch (UnprocessableEntityException e) {      // 422: e.fieldErrors() names the offending fields
 * } catch (RateLimitException e) {                // 429 after the retries: e.retryAfter()
 * } catch (ApiException e) {                      // any other status: e.statusCode(), e.problem()
 * }
 * }</pre>
 *
 * <p>The body is parsed as an RFC 9457 {@link Problem} when it is one; {@link #problem()} is empty otherwise
 * (a proxy's error page, say) and {@link #body()} holds the text.
 */
public abstract sealed class ApiException extends TerraceException
        permits BadRequestException, AuthenticationException, PermissionDeniedException, NotFoundException,
        ConflictException, UnprocessableEntityException, RateLimitException, InternalServerException,
        UnexpectedStatusException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final transient HttpHeaders headers;
    private final transient Problem problem;
    private final String body;

    ApiException(ErrorResponse response) {
        super(response.message(), null);
        this.statusCode = response.status();
        this.headers = response.headers();
        this.problem = response.problem();
        this.body = response.body();
    }

    /**
     * The exception for an error response: the subclass its status calls for.
     *
     * @param response the status, headers, body and parsed problem
     * @return for example a {@link NotFoundException} for a 404
     */
    static ApiException of(ErrorResponse response) {
        int status = response.status();
        switch (status) {
            case 400:
                return new BadRequestException(response);
            case 401:
                return new AuthenticationException(response);
            case 403:
                return new PermissionDeniedException(response);
            case 404:
                return new NotFoundException(response);
            case 409:
                return new ConflictException(response);
            case 422:
                return new UnprocessableEntityException(response);
            case 429:
                return new RateLimitException(response);
            default:
                return status >= 500 && status <= 599
                        ? new InternalServerException(response)
                        : new UnexpectedStatusException(response);
        }
    }

    /**
     * The HTTP status of the response.
     *
     * @return for example 404
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The response's headers (case-insensitive names).
     *
     * @return the headers
     */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * The parsed RFC 9457 body.
     *
     * @return the problem, or empty when the body was not a problem document
     */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * The machine-readable error kind the problem names.
     *
     * @return for example {@link ErrorType#NOT_FOUND}, or empty without a problem or with an unknown kind
     */
    public Optional<ErrorType> errorType() {
        return problem().map(Problem::errorType);
    }

    /**
     * The id the service gave the request: the {@code X-Request-ID} header, or the problem's
     * {@code request_id} when the header is missing. Quote it when reporting a problem.
     *
     * @return the request id, or empty when the response carried none
     */
    public Optional<String> requestId() {
        Optional<String> header = headers.firstValue(Headers.REQUEST_ID);
        return header.isPresent() ? header : problem().map(Problem::requestId);
    }

    /**
     * The rate-limit state the response reported.
     *
     * @return the limit, the requests remaining and the time until the window resets, or empty when the
     *     response carried no {@code X-RateLimit-*} headers
     */
    public Optional<RateLimitInfo> rateLimit() {
        return RateLimitInfo.from(headers);
    }

    /**
     * The response body as text.
     *
     * @return the body, empty when there was none
     */
    public String body() {
        return body;
    }
}
