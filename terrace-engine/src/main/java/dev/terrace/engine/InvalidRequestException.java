package dev.terrace.engine;

import dev.terrace.api.FieldError;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A request the engine refuses: bad input or a limit exceeded. Each {@link FieldError} names the field by
 * its path in the request (e.g. {@code ["geometry", "coordinates", 0, 3]}) and says what is wrong, so the
 * service can answer 422 with the same list and an SDK user can fix the call.
 */
public class InvalidRequestException extends TerraceEngineException {

  /** Why a request was refused, as the API's {@code error_type} names it. */
  public enum Kind {
    /** The input is malformed or inconsistent. */
    VALIDATION_ERROR,
    /** The input is well-formed but larger than a configured limit. */
    REQUEST_LIMIT
  }

  private final Kind kind;
  private final List<FieldError> errors;

  /**
   * @param kind why the request is refused
   * @param errors at least one field error
   */
  public InvalidRequestException(Kind kind, List<FieldError> errors) {
    super(describe(errors));
    this.kind = Objects.requireNonNull(kind, "kind");
    this.errors = List.copyOf(errors);
    if (this.errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid request names at least one field error");
    }
  }

  /**
   * @param kind why the request is refused
   * @param msg what is wrong
   * @param type a machine-readable code
   * @param loc the path to the field
   * @return the exception, for {@code throw}
   */
  public static InvalidRequestException of(Kind kind, String msg, String type, Object... loc) {
    return new InvalidRequestException(kind, List.of(new FieldError(List.of(loc), msg, type)));
  }

  /** @return why the request is refused */
  public Kind kind() {
    return kind;
  }

  /** @return the problems, at least one */
  public List<FieldError> errors() {
    return errors;
  }

  private static String describe(List<FieldError> errors) {
    return errors.stream().map(e -> e.path() + ": " + e.msg()).collect(Collectors.joining("; "));
  }
}
