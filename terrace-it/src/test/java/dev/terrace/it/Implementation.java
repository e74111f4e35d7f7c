package dev.terrace.it;

import dev.terrace.api.ErrorType;
import dev.terrace.api.FieldError;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.TerraceException;
import java.util.List;

/**
 * One implementation of {@link TerraceApi} under the contract. Every one refuses a request with the
 * same API exception, so the suite catches each kind with one {@code catch} whichever it is.
 *
 * @param name how test reports name it
 * @param api the implementation
 * @param overHttp whether calls travel over HTTP, so that refusals carry the request id the service
 *     gave
 */
record Implementation(String name, TerraceApi api, boolean overHttp) {

  /**
   * What a refusal says: its error type and the location of each field error.
   *
   * @param errorType the API's error type
   * @param locs the location of each field error, in order; empty when the refusal names no field
   */
  record Refusal(ErrorType errorType, List<List<Object>> locs) {

    static Refusal of(TerraceException e) {
      return new Refusal(
          e.errorType().orElseThrow(() -> new AssertionError("no error type in " + e, e)),
          e.fieldErrors().stream().map(FieldError::loc).toList());
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
