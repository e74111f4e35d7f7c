package dev.terrace.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.terrace.engine.internal.json.StrictJson;

/**
 * The service's one JSON mapper, with parser limits that keep hostile bodies cheap to reject,
 * reading the wire models strictly ({@link StrictJson}).
 */
final class Json {

  /**
   * Deep enough for any GeoJSON geometry in a batch; far below what would exhaust a thread's stack.
   */
  static final int MAX_NESTING_DEPTH = 64;

  /** Digits in one number: a coordinate needs about 20, a megabyte of digits is an attack. */
  static final int MAX_NUMBER_LENGTH = 100;

  static final ObjectMapper MAPPER =
      StrictJson.strict(
              JsonMapper.builder(
                      JsonFactory.builder()
                          .streamReadConstraints(
                              StreamReadConstraints.builder()
                                  .maxNestingDepth(MAX_NESTING_DEPTH)
                                  .maxNumberLength(MAX_NUMBER_LENGTH)
                                  .build())
                          .build())
                  .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION))
          .build();

  private Json() {}
}
