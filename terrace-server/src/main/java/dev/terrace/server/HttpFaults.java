package dev.terrace.server;

import dev.terrace.api.ErrorType;

/**
 * The problem for a fault in the HTTP exchange itself, as Helidon reports it: a malformed request
 * line, header or chunk, a missing {@code Host}, an oversized request line or header section, an
 * unsupported coding.
 */
final class HttpFaults {

  /** Helidon's message for an oversized header section, which it reports as a plain 400. */
  private static final String HEADERS_TOO_LARGE = "Header size exceeded";

  /**
   * Helidon's stand-in for a message it will not repeat, which points at a log the client cannot
   * read.
   */
  private static final String WITHHELD = "Bad request, see server log";

  private HttpFaults() {}

  /**
   * The problem to answer, with Helidon's status unless it is a plain 400 for what has its own
   * status.
   *
   * @param status the status Helidon chose
   * @param message Helidon's message when it is safe to repeat, or null
   */
  static ProblemException of(int status, String message) {
    String said =
        message == null || message.isBlank() || message.startsWith(WITHHELD)
            ? null
            : message.strip();
    if (status == 400 && HEADERS_TOO_LARGE.equals(said)) {
      status = 431;
    }
    return switch (status) {
      case 413 ->
          ProblemException.of(
                  ErrorType.REQUEST_LIMIT,
                  "the body is larger than this service accepts: split the work into several requests")
              .withStatus(413);
      case 414 ->
          ProblemException.of(
                  ErrorType.REQUEST_LIMIT,
                  "the request line is longer than this service reads: send large inputs in a POST body")
              .withStatus(414);
      case 431 ->
          ProblemException.of(
                  ErrorType.REQUEST_LIMIT,
                  "the request's header fields are larger than this service reads")
              .withStatus(431);
      case 503 ->
          ProblemException.retryLater(
              ErrorType.OVERLOADED,
              "the service is answering as many requests as it can; retry shortly",
              1);
      default ->
          status >= 500 && status != 501 && status != 505
              ? ProblemException.of(
                      ErrorType.INTERNAL_ERROR, "the service failed to read the request")
                  .withStatus(status)
              : ProblemException.of(
                      ErrorType.VALIDATION_ERROR,
                      "the request is not valid HTTP/1.1" + (said == null ? "" : ": " + said))
                  .withStatus(status);
    };
  }
}
