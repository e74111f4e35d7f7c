package dev.terrace.engine.internal.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The one place where reading the wire models is made strict: a value of the wrong JSON type is
 * refused, never converted. The service's mapper is built with it, and so is whatever else reads
 * requests from JSON, such as the command line's geometries for the embedded engine.
 */
public final class StrictJson {

  /**
   * A mapper that reads the wire models strictly and ignores members it does not know: what a
   * geometry or a feature read from a file is read with.
   */
  public static final ObjectMapper MAPPER =
      strict(
              JsonMapper.builder()
                  .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false))
          .build();

  private StrictJson() {}

  /**
   * Refuses every conversion Jackson would otherwise make silently, because each turns a client's
   * bug into an answer to a question it did not ask: {@code [null, 49.7]} read at longitude 0,
   * {@code "limit": 1.5} read as 1, a blank string read as "absent" and so as the default, {@code
   * [1999, 2000]} read as the years "1999" and "2000". Integers still read as floating-point
   * numbers: {@code 6} is a valid JSON spelling of {@code 6.0}.
   *
   * @param builder the mapper being built
   * @return the same builder, strict
   */
  public static JsonMapper.Builder strict(JsonMapper.Builder builder) {
    builder
        // "6" is not a coordinate, "true" is not a boolean, 1 is not true.
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        // 1.5 is not a page size.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        // null inside [lon, lat] is not 0, nor an absent position. A member that is null is still
        // read as
        // absent, so as its default: clients that write every member send null for "not given".
        .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
        // 0 is not the first constant of an enumeration.
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false))
        // Jackson counts strings as scalars only for the legacy switch above, so these are refused
        // by name.
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    for (LogicalType scalar :
        new LogicalType[] {
          LogicalType.Integer,
          LogicalType.Float,
          LogicalType.Boolean,
          LogicalType.Enum,
          LogicalType.Textual
        }) {
      // A blank or empty string is a value the client sent, not an absent one.
      builder.withCoercionConfig(
          scalar,
          c ->
              c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                  .setAcceptBlankAsEmpty(false));
    }
    return builder.withCoercionConfig(
        LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
  }
}
