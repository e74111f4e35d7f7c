package dev.terrace.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The request is invalid ({@link ErrorType#VALIDATION_ERROR}) or larger than a configured limit
 * ({@link ErrorType#REQUEST_LIMIT}). Over HTTP a 422 (a 413 for a body over the size limit, a 400
 * for a body that is not a request at all). {@link #fieldErrors()} names each offending field by
 * its path in the request, for example {@code ["geometry", "coordinates", 0, 3]}, and says what is
 * wrong with it, so that the caller can fix the call. Not retried.
 */
public final class InvalidRequestException extends TerraceException {

  private static final long serialVersionUID = 1L;

  /**
   * An in-process refusal, the engine's: the message lists the field errors, which the problem
   * carries.
   *
   * @param type {@link ErrorType#VALIDATION_ERROR} or {@link ErrorType#REQUEST_LIMIT}
   * @param errors at least one field error
   * @throws IllegalArgumentException if {@code type} is another or {@code errors} is empty
   */
  public InvalidRequestException(ErrorType type, List<FieldError> errors) {
    this(describe(errors), checked(type, errors), List.copyOf(errors));
  }

  private InvalidRequestException(String detail, ErrorType type, List<FieldError> errors) {
    super(detail, ErrorResponse.of(Problem.of(type, detail, null).withErrors(errors)), null);
  }

  /**
   * A refusal the service answered.
   *
   * @param message what went wrong, for humans
   * @param response the response, its problem naming the fields
   */
  public InvalidRequestException(String message, ErrorResponse response) {
    super(message, response, null);
  }

  /**
   * An in-process refusal naming one field.
   *
   * @param type {@link ErrorType#VALIDATION_ERROR} or {@link ErrorType#REQUEST_LIMIT}
   * @param msg what is wrong
   * @param reason a machine-readable reason, for example {@code "out_of_range"}
   * @param loc the path to the field: {@code String} names and {@code Integer} indexes
   * @return the exception, for {@code throw}
   */
  public static InvalidRequestException of(
      ErrorType type, String msg, String reason, Object... loc) {
    return new InvalidRequestException(type, List.of(FieldError.of(reason, msg, loc)));
  }

  private static ErrorType checked(ErrorType type, List<FieldError> errors) {
    Objects.requireNonNull(type, "type");
    if (type != ErrorType.VALIDATION_ERROR && type != ErrorType.REQUEST_LIMIT) {
      throw new IllegalArgumentException(
          "an invalid request is a validation_error or a request_limit, not " + type);
    }
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid request names at least one field error");
    }
    return type;
  }

  private static String describe(List<FieldError> errors) {
    return errors.stream().map(e -> e.path() + ": " + e.msg()).collect(Collectors.joining("; "));
  }
}
