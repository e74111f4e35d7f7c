package dev.terrace.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.FieldError;
import dev.terrace.api.InvalidRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests may name their CRS {@code target_crs}, as attribute-service clients do; the wire records
 * read it as {@code crs}, so the engine reports a bad one as {@code crs}. This puts the name the
 * client sent back into the problem, so the field it is told to fix is one it wrote.
 */
final class CrsAlias {

  private static final String ALIAS = "target_crs";
  private static final byte[] ALIAS_BYTES = ("\"" + ALIAS + "\"").getBytes(StandardCharsets.UTF_8);

  private CrsAlias() {}

  /**
   * @return whether a JSON body names its CRS only by the alias
   */
  static boolean usedIn(byte[] body) {
    if (!contains(body, ALIAS_BYTES)) {
      return false; // the common case costs a scan, not a second parse
    }
    try {
      return usedIn(Json.MAPPER.readTree(body));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * @return whether request fields name the CRS only by the alias
   */
  static boolean usedIn(JsonNode fields) {
    return fields != null && fields.isObject() && fields.has(ALIAS) && !fields.has("crs");
  }

  /**
   * @return {@code e} with errors about {@code crs} reported as {@code target_crs}
   */
  static InvalidRequestException renamed(InvalidRequestException e) {
    List<FieldError> errors = new ArrayList<>(e.fieldErrors().size());
    boolean changed = false;
    for (FieldError f : e.fieldErrors()) {
      if (!f.loc().isEmpty() && "crs".equals(f.loc().get(0))) {
        List<Object> loc = new ArrayList<>(f.loc());
        loc.set(0, ALIAS);
        errors.add(new FieldError(loc, f.msg(), f.type()));
        changed = true;
      } else {
        errors.add(f);
      }
    }
    return changed ? new InvalidRequestException(e.errorType().orElseThrow(), errors) : e;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
