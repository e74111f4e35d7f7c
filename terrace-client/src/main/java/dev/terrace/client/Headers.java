package dev.terrace.client;

import dev.terrace.api.ErrorResponse;

/** Header names the API uses; the readers of their values are the API's ({@link ErrorResponse}). */
final class Headers {

  static final String REQUEST_ID = ErrorResponse.REQUEST_ID;
  static final String RETRY_AFTER = ErrorResponse.RETRY_AFTER;
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String AUTHORIZATION = "Authorization";

  private Headers() {}
}
