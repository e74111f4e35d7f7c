package dev.terrace.server;

import dev.terrace.api.ErrorType;
import dev.terrace.api.FieldError;
import java.util.List;

/**
 * A failure the service itself detects (a body too large, an unknown route, overload), answered as
 * a problem.
 */
final class ProblemException extends RuntimeException {

  private final ErrorType type;
  private final int status;
  private final List<FieldError> errors;
  private final long retryAfterSeconds;

  ProblemException(
      ErrorType type, int status, String detail, List<FieldError> errors, long retryAfterSeconds) {
    super(detail, null, false, false);
    this.type = type;
    this.status = status;
    this.errors = errors;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static ProblemException of(ErrorType type, String detail) {
    return new ProblemException(type, type.status(), detail, null, 0);
  }

  static ProblemException field(ErrorType type, String detail, String errorKind, Object... loc) {
    return new ProblemException(
        type, type.status(), detail, List.of(FieldError.of(errorKind, detail, loc)), 0);
  }

  static ProblemException retryLater(ErrorType type, String detail, long retryAfterSeconds) {
    return new ProblemException(type, type.status(), detail, null, retryAfterSeconds);
  }

  ProblemException withStatus(int newStatus) {
    return new ProblemException(type, newStatus, getMessage(), errors, retryAfterSeconds);
  }

  ErrorType type() {
    return type;
  }

  int status() {
    return status;
  }

  List<FieldError> errors() {
    return errors;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
