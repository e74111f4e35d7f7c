package dev.terrace.engine.internal.extract;

import dev.terrace.api.ErrorEnvelope;
import dev.terrace.api.ErrorType;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The entry of an {@code extract.batch} response standing for a geometry that could not be
 * evaluated: no results, and an {@code error} with the same type, message and field errors a single
 * {@code extract} of that geometry would have been refused with, so one bad geometry does not cost
 * the caller the whole batch.
 */
final class BatchEntryError {

  private BatchEntryError() {}

  /**
   * @param requestId the entry's id
   * @param errors why the geometry was refused
   * @return the entry
   */
  static ExtractResponse of(String requestId, List<FieldError> errors) {
    String message =
        errors.stream().map(e -> e.path() + ": " + e.msg()).collect(Collectors.joining("; "));
    ErrorEnvelope error =
        new ErrorEnvelope(ErrorType.VALIDATION_ERROR.wireName(), message, requestId, errors);
    return new ExtractResponse(requestId, null, List.of(), List.of(), 0, error);
  }

  /**
   * @param answered the answers to the geometries that could be read, in input order
   * @param failed the entries of those that could not, by their index in the request
   * @return every entry in input order
   */
  static List<ExtractResponse> merge(
      List<ExtractResponse> answered, Map<Integer, ExtractResponse> failed) {
    List<ExtractResponse> out = new ArrayList<>(answered.size() + failed.size());
    int next = 0;
    for (int i = 0; i < answered.size() + failed.size(); i++) {
      ExtractResponse f = failed.get(i);
      out.add(f != null ? f : answered.get(next++));
    }
    return out;
  }
}
