package dev.terrace.engine.internal;

import dev.terrace.api.ErrorType;
import dev.terrace.api.InvalidRequestException;
import java.util.List;

/** Limit/offset paging of catalog listings, with the API's bounds. */
final class Paging {

  static final int MAX_LIMIT = 1000;

  private Paging() {}

  static void check(int limit, int offset) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw InvalidRequestException.of(
          ErrorType.VALIDATION_ERROR,
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit,
          "out_of_range",
          "limit");
    }
    if (offset < 0) {
      throw InvalidRequestException.of(
          ErrorType.VALIDATION_ERROR,
          "offset must not be negative, got " + offset,
          "out_of_range",
          "offset");
    }
  }

  static <T> List<T> slice(List<T> all, int limit, int offset) {
    return offset >= all.size()
        ? List.of()
        : all.subList(offset, Math.min(all.size(), offset + limit));
  }
}
