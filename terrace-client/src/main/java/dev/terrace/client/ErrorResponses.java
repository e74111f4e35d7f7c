package dev.terrace.client;

import dev.terrace.api.AuthenticationException;
import dev.terrace.api.ConflictException;
import dev.terrace.api.ErrorResponse;
import dev.terrace.api.ErrorType;
import dev.terrace.api.FieldError;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.PermissionDeniedException;
import dev.terrace.api.Problem;
import dev.terrace.api.RateLimitException;
import dev.terrace.api.ServiceException;
import dev.terrace.api.TerraceException;
import java.net.http.HttpHeaders;
import java.util.List;

/**
 * An error response turned into the exception the API names for it, the class the engine throws
 * in-process for the same error, so that one {@code catch} serves both sides.
 */
final class ErrorResponses {

  /** Longest body excerpt a message quotes when the body is not a problem. */
  private static final int EXCERPT = 200;

  private ErrorResponses() {}

  /**
   * The exception for an error response: by the problem's {@code error_type} when it names one the
   * API has a class for (both sides share error types, not statuses), else by the status: 400, 413
   * and 422 {@link InvalidRequestException}, 401 {@link AuthenticationException}, 403 {@link
   * PermissionDeniedException}, 404 {@link NotFoundException}, 409 {@link ConflictException}, 429
   * {@link RateLimitException}, 5xx {@link ServiceException}; any other status an {@link
   * UnexpectedStatusException}.
   */
  static TerraceException exception(int status, HttpHeaders headers, String body, Problem problem) {
    ErrorResponse response = new ErrorResponse(status, headers.map(), body, problem);
    String message = message(response);
    ErrorType type = problem == null ? null : problem.errorType();
    if (type != null) {
      switch (type) {
        case VALIDATION_ERROR:
        case REQUEST_LIMIT:
          return new InvalidRequestException(message, response);
        case UNAUTHORIZED:
          return new AuthenticationException(message, response);
        case FORBIDDEN:
          return new PermissionDeniedException(message, response);
        case NOT_FOUND:
          return new NotFoundException(message, response);
        case CONFLICT:
          return new ConflictException(message, response);
        case RATE_LIMITED:
          return new RateLimitException(message, response);
        case INTERNAL_ERROR:
        case UPSTREAM_ERROR:
        case OVERLOADED:
        case TIMEOUT:
          return new ServiceException(message, response);
        default:
          break; // METHOD_NOT_ALLOWED, and any added later: by status
      }
    }
    switch (status) {
      case 400:
      case 413:
      case 422:
        return new InvalidRequestException(message, response);
      case 401:
        return new AuthenticationException(message, response);
      case 403:
        return new PermissionDeniedException(message, response);
      case 404:
        return new NotFoundException(message, response);
      case 409:
        return new ConflictException(message, response);
      case 429:
        return new RateLimitException(message, response);
      default:
        return status >= 500 && status <= 599
            ? new ServiceException(message, response)
            : new UnexpectedStatusException(message, response);
    }
  }

  /** The exception message: the status, what the problem says, and the request id. */
  static String message(ErrorResponse response) {
    int status = response.status();
    Problem problem = response.problem();
    StringBuilder sb = new StringBuilder("HTTP ").append(status);
    if (problem != null) {
      if (problem.title() != null) {
        sb.append(' ').append(problem.title());
      }
      if (problem.detail() != null) {
        sb.append(": ").append(problem.detail());
      }
      for (FieldError e : problem.errors() == null ? List.<FieldError>of() : problem.errors()) {
        sb.append("; ").append(e.path()).append(": ").append(e.msg());
      }
    } else if (status >= 300 && status < 400) {
      sb.append(" redirect to ")
          .append(response.header("Location").orElse("(no Location)"))
          .append(
              " not followed: the client follows only 307 and 308 redirects within the base URL's"
                  + " origin, so that the API key never leaves it");
    } else if (!response.body().isBlank()) {
      String text = response.body().strip().replaceAll("\\s+", " ");
      sb.append(": ").append(text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
    }
    response.requestId().ifPresent(id -> sb.append(" (request id ").append(id).append(')'));
    return sb.toString();
  }
}
