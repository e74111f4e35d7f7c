package dev.terrace.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.common.parameters.Parameters;
import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A GET route's query string as the JSON object its request record reads, so that a query parameter
 * is held to the same types as the body member of the same name.
 */
final class QueryFields {

  private static final Set<Class<?>> INTEGERS =
      Set.of(int.class, Integer.class, long.class, Long.class);

  /**
   * Decimal digits that fit an int; anything else stays text and is refused by the strict mapper.
   */
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");

  private QueryFields() {}

  /**
   * Query values are text: one is sent on as a number only when the request's member of that name
   * is an integer and the text is an integer's, so {@code limit=10} reads as the body's {@code 10},
   * while {@code limit=1.5} or {@code limit=%20} stays text and is refused as not an integer, and
   * {@code provider=123} stays the slug "123".
   */
  static ObjectNode of(Parameters query, Class<?> requestType) {
    ObjectNode fields = Json.MAPPER.createObjectNode();
    for (String name : query.names()) {
      String value = query.get(name);
      if (integerMember(requestType, name) && INTEGER.matcher(value).matches()) {
        fields.put(name, Integer.parseInt(value));
      } else {
        fields.put(name, value);
      }
    }
    return fields;
  }

  private static boolean integerMember(Class<?> requestType, String wireName) {
    RecordComponent[] components = requestType.getRecordComponents();
    if (components == null) {
      return false;
    }
    for (RecordComponent c : components) {
      JsonProperty property = c.getAnnotation(JsonProperty.class);
      String name = property == null || property.value().isEmpty() ? c.getName() : property.value();
      if (name.equals(wireName)) {
        return INTEGERS.contains(c.getType());
      }
    }
    return false;
  }
}
