package dev.terrace.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.common.parameters.Parameters;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A query string as the JSON object its request record reads, so that a query parameter is held to
 * the same types as the body member of the same name: a GET route's request, or the options of a
 * job whose input is the body.
 */
final class QueryFields {

  private static final Set<Class<?>> INTEGERS =
      Set.of(int.class, Integer.class, long.class, Long.class);
  private static final Set<Class<?>> NUMBERS = Set.of(double.class, Double.class);
  private static final Set<Class<?>> BOOLEANS = Set.of(boolean.class, Boolean.class);

  /**
   * Decimal digits that fit an int; anything else stays text and is refused by the strict mapper.
   */
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");

  /** A decimal number as JSON writes one; anything else stays text and is refused. */
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

  private QueryFields() {}

  /**
   * Query values are text: one is sent on typed only when the request's member of that name has
   * that type and the text is that type's: {@code limit=10} reads as the body's {@code 10}, {@code
   * min_coverage_frac=0.5} as {@code 0.5}, {@code densify=true} as {@code true}, and a list member
   * ({@code dataset_ids=a,b}, or the parameter repeated) as an array; {@code limit=1.5} or {@code
   * limit=%20} stays text and is refused as not an integer, and {@code provider=123} stays the slug
   * "123". Parameters the record has no member for are dropped.
   */
  static ObjectNode of(Parameters query, Class<?> requestType) {
    ObjectNode fields = Json.MAPPER.createObjectNode();
    for (String name : query.names()) {
      Class<?> type = memberType(requestType, name);
      if (type == null) {
        continue;
      }
      String value = query.get(name);
      if (List.class.isAssignableFrom(type)) {
        ArrayNode items = fields.putArray(name);
        for (String v : query.all(name)) {
          for (String item : v.split(",")) {
            items.add(item.strip());
          }
        }
      } else if (INTEGERS.contains(type) && INTEGER.matcher(value).matches()) {
        fields.put(name, Integer.parseInt(value));
      } else if (NUMBERS.contains(type) && NUMBER.matcher(value).matches()) {
        fields.put(name, Double.parseDouble(value));
      } else if (BOOLEANS.contains(type) && (value.equals("true") || value.equals("false"))) {
        fields.put(name, Boolean.parseBoolean(value));
      } else {
        fields.put(name, value);
      }
    }
    return fields;
  }

  /**
   * @return the type of the record's member of that wire name, or null when it has none
   */
  private static Class<?> memberType(Class<?> requestType, String wireName) {
    RecordComponent[] components = requestType.getRecordComponents();
    if (components == null) {
      return null;
    }
    for (RecordComponent c : components) {
      if (JsonSchemas.wireName(c).equals(wireName)) {
        return c.getType();
      }
    }
    return null;
  }
}
