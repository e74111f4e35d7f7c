package dev.terrace.cli;

import dev.terrace.api.AuthenticationException;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.PermissionDeniedException;
import dev.terrace.api.RateLimitException;
import dev.terrace.client.ApiConnectionException;
import dev.terrace.client.ApiTimeoutException;

/**
 * The exit code of a failure and what to do about it. The engine and the SDK throw the same API
 * exception for the same kind of failure (an unknown dataset, a bad geometry), so a local and a
 * remote run fail alike.
 */
final class Failures {

  private Failures() {}

  /**
   * @return {@link Main#USAGE}, {@link Main#UNREACHABLE}, {@link Main#REFUSED} or {@link
   *     Main#FAILURE}
   */
  static int exitCode(Throwable ex) {
    if (ex instanceof ApiConnectionException || ex instanceof ApiTimeoutException) {
      return Main.UNREACHABLE;
    }
    if (ex instanceof AuthenticationException
        || ex instanceof PermissionDeniedException
        || ex instanceof RateLimitException) {
      return Main.REFUSED;
    }
    if (ex instanceof IllegalArgumentException || isBadRequest(ex)) {
      return Main.USAGE;
    }
    return Main.FAILURE;
  }

  /**
   * A request the engine or the service rejected as wrong: a bad geometry or option, an unknown id.
   */
  static boolean isBadRequest(Throwable ex) {
    return ex instanceof InvalidRequestException || ex instanceof NotFoundException;
  }

  /**
   * A failure that would fail every row alike, so a batch stops rather than writing it into each
   * row.
   */
  static boolean stopsABatch(Throwable ex) {
    int code = exitCode(ex);
    return code == Main.UNREACHABLE || code == Main.REFUSED;
  }

  /** The message, and the next step when there is an obvious one. */
  static String message(Throwable ex) {
    String text = Errors.message(ex);
    if (ex instanceof ApiConnectionException || ex instanceof ApiTimeoutException) {
      // The SDK names the I/O exception's class, which says nothing to someone at a terminal.
      text =
          text.replaceAll("java\\.net\\.ConnectException(: [^;()]*)?", "connection refused")
              .replaceAll("java\\.net\\.(http\\.)?(\\w+)Exception", "$2");
      return text
          + "; check --url (or TERRACE_URL) and that the service is running there ('terrace serve')";
    }
    if (ex instanceof AuthenticationException) {
      return text
          + "; give an API key with --api-key or TERRACE_API_KEY ('terrace keys create' makes one)";
    }
    if (ex instanceof PermissionDeniedException) {
      return text
          + "; the API key lacks the scope: create one with --scope extract --scope catalog:read";
    }
    if (ex instanceof RateLimitException) {
      return text + "; wait and run again (batch: with --resume), or ask for a higher --rate-limit";
    }
    if (ex instanceof NotFoundException) {
      return text + " ('terrace catalog datasets' lists the dataset ids)";
    }
    return text;
  }
}
