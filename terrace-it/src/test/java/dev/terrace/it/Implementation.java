package dev.terrace.it;

import dev.terrace.api.ErrorType;
import dev.terrace.api.FieldError;
import dev.terrace.api.TerraceApi;
import dev.terrace.client.ApiException;
import dev.terrace.engine.InvalidRequestException;
import dev.terrace.engine.NotFoundException;
import java.util.List;

/**
 * One implementation of {@link TerraceApi} under the contract, with the exception types it refuses requests
 * with.
 *
 * @param name how test reports name it
 * @param api the implementation
 * @param invalid the type thrown for an invalid request
 * @param notFound the type thrown for an unknown provider or dataset
 */
record Implementation(String name, TerraceApi api, Class<? extends RuntimeException> invalid,
                      Class<? extends RuntimeException> notFound) {

  /**
   * What a refusal says, in terms both the engine's and the SDK's exceptions can express.
   *
   * @param errorType the API's error type
   * @param locs the location of each field error, in order; empty when the refusal names no field
   */
  record Refusal(ErrorType errorType, List<List<Object>> locs) {

    static Refusal of(RuntimeException e) {
      return switch (e) {
        case InvalidRequestException invalid -> new Refusal(
            invalid.kind() == InvalidRequestException.Kind.REQUEST_LIMIT
                ? ErrorType.REQUEST_LIMIT : ErrorType.VALIDATION_ERROR,
            invalid.errors().stream().map(FieldError::loc).toList());
        case NotFoundException notFound -> new Refusal(ErrorType.NOT_FOUND, List.of());
        case ApiException api -> new Refusal(
            api.errorType().orElseThrow(() -> new AssertionError("no problem in " + api.body())),
            api.problem().map(p -> p.errors() == null ? List.<FieldError>of() : p.errors()).orElseThrow()
                .stream().map(FieldError::loc).toList());
        default -> throw new AssertionError("not a refusal", e);
      };
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
