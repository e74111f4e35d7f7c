package dev.terrace.server;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.api.Aggregation;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.Cell;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.CreateWebhookRequest;
import dev.terrace.api.DeleteWebhookRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.GetDatasetRequest;
import dev.terrace.api.GetProviderRequest;
import dev.terrace.api.JobIdRequest;
import dev.terrace.api.JobResultsRequest;
import dev.terrace.api.ListWebhookDeliveriesRequest;
import dev.terrace.api.Operation;
import dev.terrace.api.Temporal;
import dev.terrace.api.TimeRange;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * JSON Schema 2020-12 for the wire records, read from their components and Jackson annotations so
 * that the schemas describe what the mapper actually reads and writes. Records and enums become
 * named definitions that other schemas reference; a type the rules below do not cover fails loudly
 * instead of being guessed.
 */
final class JsonSchemas {

  static final String REF = "#/components/schemas/";
  private static final String RESULT_VALUE = "ResultValue";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * What the engine rejects when missing; Java types cannot say it, since defaults make every field
   * optional.
   */
  private static final Map<Class<?>, List<String>> REQUIRED_INPUTS =
      Map.ofEntries(
          Map.entry(ExtractRequest.class, List.of("geometry", "dataset_ids")),
          Map.entry(BatchExtractRequest.class, List.of("geometries", "dataset_ids")),
          Map.entry(GetProviderRequest.class, List.of("slug")),
          Map.entry(GetDatasetRequest.class, List.of("id")),
          Map.entry(CreateJobRequest.class, List.of("dataset_ids")),
          Map.entry(JobIdRequest.class, List.of("id")),
          Map.entry(JobResultsRequest.class, List.of("id")),
          Map.entry(CreateWebhookRequest.class, List.of("url", "events")),
          Map.entry(DeleteWebhookRequest.class, List.of("id")),
          Map.entry(ListWebhookDeliveriesRequest.class, List.of("webhook_id")),
          Map.entry(TimeRange.class, List.of("start", "end")));

  /**
   * Records clients send; their primitive members have defaults, so unlike in answers they may be
   * left out.
   */
  private static final Set<Class<?>> INPUTS =
      Stream.concat(
              REQUIRED_INPUTS.keySet().stream(),
              Arrays.stream(Operation.values()).map(Operation::requestType))
          .collect(Collectors.toUnmodifiableSet());

  private final Map<String, ObjectNode> definitions = new TreeMap<>();
  private final Map<String, Class<?>> named = new HashMap<>();

  /**
   * @return the definitions made so far, by name, for {@code components.schemas}
   */
  Map<String, ObjectNode> definitions() {
    return definitions;
  }

  /**
   * @return the schema of a Java type: inline for scalars, lists and maps, a {@code $ref} for
   *     records and enums
   */
  ObjectNode schema(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return array(schema(args[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return typed("object").set("additionalProperties", schema(args[1]));
      }
    }
    if (!(type instanceof Class<?> c)) {
      throw new IllegalStateException("no JSON schema rule for " + type);
    }
    if (c == String.class) {
      return typed("string");
    }
    if (c == int.class || c == Integer.class) {
      return typed("integer").put("format", "int32");
    }
    if (c == long.class || c == Long.class) {
      return typed("integer").put("format", "int64");
    }
    if (c == double.class || c == Double.class) {
      return typed("number").put("format", "double");
    }
    if (c == boolean.class || c == Boolean.class) {
      return typed("boolean");
    }
    if (c == Object.class) {
      return NODES.objectNode();
    }
    if (c.isArray()) {
      return array(schema(c.getComponentType()));
    }
    return ref(c);
  }

  /**
   * What a request's {@code crs} accepts and how its coordinates are read; the wire names say
   * neither.
   */
  static final String CRS_DESCRIPTION =
      "The CRS of the geometry's coordinates (alias target_crs): an EPSG code"
          + " (EPSG:32633, urn:ogc:def:crs:EPSG::32633, http://www.opengis.net/def/crs/EPSG/0/32633) or OGC:CRS84"
          + " (also as its URN or URI). Coordinates are always x/y, longitude first, as RFC 7946 and GDAL's"
          + " traditional GIS order, whatever axis order the authority declares. Anything else is a 422.";

  /**
   * Bounds and meanings of request members that their Java types cannot state: the engine answers
   * 422 outside them. {@code default_value} and {@code default_weight} must be finite, which every
   * JSON number is.
   */
  private static final Map<String, ObjectNode> INPUT_NOTES =
      Map.of(
          "crs", NODES.objectNode().put("description", CRS_DESCRIPTION),
          "min_coverage_frac",
              NODES
                  .objectNode()
                  .put("minimum", 0)
                  .put("maximum", 1)
                  .put(
                      "description",
                      "Cells a polygon covers less than this fraction of are ignored (default 0: every covered cell)."),
          "tie",
              NODES
                  .objectNode()
                  .put(
                      "description",
                      "Which value majority and minority answer when several values"
                          + " share the largest (smallest) weight: the lowest (default) or the highest."));

  /**
   * @return the JSON name of a record component
   */
  static String wireName(RecordComponent component) {
    JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
    return property == null || property.value().isEmpty() ? component.getName() : property.value();
  }

  /**
   * @return the named definition of a record, made first if needed
   */
  private JsonNode definition(Class<?> c) {
    ref(c);
    return definitions.get(c.getSimpleName());
  }

  private ObjectNode ref(Class<?> c) {
    String name = c.getSimpleName();
    Class<?> previous = named.putIfAbsent(name, c);
    if (previous != null && previous != c) {
      throw new IllegalStateException(
          c + " and " + previous + " would share the schema name " + name);
    }
    if (previous == null) {
      definitions.put(name, NODES.objectNode());
      definitions.put(name, define(c));
    }
    return NODES.objectNode().put("$ref", REF + name);
  }

  private ObjectNode define(Class<?> c) {
    if (c.isEnum()) {
      ArrayNode values = NODES.arrayNode();
      Arrays.stream(c.getEnumConstants()).forEach(e -> values.add(Json.MAPPER.valueToTree(e)));
      return typed("string").set("enum", values);
    }
    if (jsonValue(c)) {
      return valueType(c);
    }
    if (c.isInterface() && c.isAnnotationPresent(JsonSubTypes.class)) {
      return union(c);
    }
    if (!c.isRecord()) {
      throw new IllegalStateException("no JSON schema rule for " + c);
    }
    JsonFormat format = c.getAnnotation(JsonFormat.class);
    if (format != null && format.shape() == JsonFormat.Shape.ARRAY) {
      return tuple(c);
    }
    ObjectNode object = object(c);
    ArrayNode alternatives = NODES.arrayNode().add(object);
    for (Method m : c.getMethods()) {
      JsonCreator creator = m.getAnnotation(JsonCreator.class);
      if (creator != null
          && creator.mode() == JsonCreator.Mode.DELEGATING
          && Modifier.isStatic(m.getModifiers())) {
        alternatives.add(schema(m.getGenericParameterTypes()[0]));
      }
    }
    return alternatives.size() == 1 ? object : NODES.objectNode().set("oneOf", alternatives);
  }

  /**
   * A record written as a JSON object: one property per component, the subtype's name first if it
   * has one.
   */
  private ObjectNode object(Class<?> c) {
    ObjectNode properties = NODES.objectNode();
    Set<String> required = new LinkedHashSet<>(REQUIRED_INPUTS.getOrDefault(c, List.of()));
    String[] discriminator = discriminator(c);
    if (discriminator != null) {
      properties.set(discriminator[0], typed("string").put("const", discriminator[1]));
      required.add(discriminator[0]);
    }
    JsonNode defaults = INPUTS.contains(c) ? defaults(c) : NODES.objectNode();
    for (RecordComponent component : c.getRecordComponents()) {
      Method accessor = component.getAccessor();
      if (accessor.isAnnotationPresent(JsonIgnore.class)) {
        continue;
      }
      if (accessor.isAnnotationPresent(JsonUnwrapped.class)) {
        // Its members are the enclosing object's, optional there whatever they are alone.
        definition(component.getType())
            .path("properties")
            .properties()
            .forEach(e -> properties.set(e.getKey(), e.getValue()));
        continue;
      }
      String name = wireName(component);
      boolean primitive = component.getType().isPrimitive();
      // GeoJSON (RFC 7946) requires every member of a typed object; a primitive is always written.
      if (discriminator != null || primitive && !INPUTS.contains(c)) {
        required.add(name);
      }
      ObjectNode schema =
          c == ExtractResult.class && name.equals("value")
              ? resultValue()
              : schema(component.getGenericType());
      if (required.contains(name)) {
        properties.set(name, schema);
        continue;
      }
      ObjectNode optional = nullable(schema);
      if (INPUTS.contains(c) && INPUT_NOTES.containsKey(name)) {
        optional.setAll(INPUT_NOTES.get(name));
      }
      JsonNode fallback = defaults.path(name);
      if (!fallback.isMissingNode()
          && !fallback.isNull()
          && !(fallback.isContainerNode() && fallback.isEmpty())) {
        optional.set("default", fallback);
      }
      properties.set(name, optional);
    }
    // Members written by a method of their own, such as a time kept as an Instant and written as
    // text.
    for (Method m : c.getDeclaredMethods()) {
      JsonProperty property = m.getAnnotation(JsonProperty.class);
      if (property != null && m.getParameterCount() == 0 && !properties.has(property.value())) {
        ObjectNode schema = schema(m.getGenericReturnType());
        properties.set(
            property.value(),
            m.getAnnotatedReturnType().isAnnotationPresent(Nullable.class)
                ? nullable(schema)
                : schema);
        if (!m.getAnnotatedReturnType().isAnnotationPresent(Nullable.class)) {
          required.add(property.value());
        }
      }
    }
    ObjectNode object = typed("object").set("properties", properties);
    if (!required.isEmpty()) {
      ArrayNode names = object.putArray("required");
      required.forEach(names::add);
    }
    return object;
  }

  /**
   * A result's value is a {@link dev.terrace.api.ResultValue} in Java, whose records travel as
   * plain JSON values with no type property to tell them apart: the schema lists what the
   * statistics yield, so that a client generator knows, for one, that {@code cells} gives an array
   * of {@link Cell} objects. It is a named definition, {@code ResultValue} as in Java, so that a
   * generator that cannot build the union can be told to read it as a plain JSON value.
   */
  private ObjectNode resultValue() {
    if (!definitions.containsKey(RESULT_VALUE)) {
      definitions.put(RESULT_VALUE, resultValueSchema());
    }
    return NODES.objectNode().put("$ref", REF + RESULT_VALUE);
  }

  private ObjectNode resultValueSchema() {
    ObjectNode value =
        NODES
            .objectNode()
            .put(
                "description",
                "What the aggregation yields: a number for most"
                    + " statistics; an object of class to number for distribution, histogram and weighted_frac; an array of"
                    + " numbers for unique; an array of Cell objects, one per covered cell with data in row-major order, for"
                    + " cells; null when there is no value.");
    value
        .putArray("oneOf")
        .add(typed("number"))
        .add(typed("object").set("additionalProperties", typed("number")))
        .add(array(typed("number")))
        .add(array(schema(Cell.class)));
    return value;
  }

  /**
   * @return what the record holds when read from {@code {}}: the defaults it fills in; empty if it
   *     refuses
   */
  private static JsonNode defaults(Class<?> c) {
    try {
      return Json.MAPPER.valueToTree(Json.MAPPER.readValue("{}", c));
    } catch (IOException | RuntimeException e) {
      return NODES.objectNode();
    }
  }

  /** A sealed interface whose records Jackson tells apart by a type property. */
  private ObjectNode union(Class<?> c) {
    JsonTypeInfo info = c.getAnnotation(JsonTypeInfo.class);
    ArrayNode oneOf = NODES.arrayNode();
    ObjectNode mapping = NODES.objectNode();
    for (JsonSubTypes.Type subtype : c.getAnnotation(JsonSubTypes.class).value()) {
      ObjectNode ref = ref(subtype.value());
      oneOf.add(ref);
      mapping.set(subtype.name(), ref.get("$ref"));
    }
    ObjectNode union = NODES.objectNode().set("oneOf", oneOf);
    union.putObject("discriminator").put("propertyName", info.property()).set("mapping", mapping);
    return union;
  }

  /**
   * @return the type property's name and this record's value of it, or null when it is not a
   *     subtype
   */
  private static String[] discriminator(Class<?> c) {
    for (Class<?> parent : c.getInterfaces()) {
      JsonTypeInfo info = parent.getAnnotation(JsonTypeInfo.class);
      JsonSubTypes subtypes = parent.getAnnotation(JsonSubTypes.class);
      if (info == null || subtypes == null) {
        continue;
      }
      for (JsonSubTypes.Type subtype : subtypes.value()) {
        if (subtype.value() == c) {
          return new String[] {info.property(), subtype.name()};
        }
      }
    }
    return null;
  }

  /** A record written as a fixed-length array of its components, in order. */
  private ObjectNode tuple(Class<?> c) {
    ArrayNode items = NODES.arrayNode();
    StringBuilder names = new StringBuilder();
    for (RecordComponent component : c.getRecordComponents()) {
      items.add(schema(component.getGenericType()).put("title", component.getName()));
      names.append(names.isEmpty() ? "" : ", ").append(component.getName());
    }
    return typed("array")
        .put("description", "[" + names + "]")
        .<ObjectNode>set("prefixItems", items)
        .put("minItems", items.size())
        .put("maxItems", items.size())
        .put("items", false);
  }

  /**
   * Records that travel as one JSON value through {@code @JsonValue}; their shape is in their
   * parsers.
   */
  private ObjectNode valueType(Class<?> c) {
    if (c == Aggregation.class) {
      String names =
          String.join(
              "|", Aggregation.NAMES.stream().filter(n -> !n.equals("percentile")).toList());
      return typed("string")
          .put("pattern", "^(" + names + "|percentile:\\d+(\\.\\d+)?)$")
          .put(
              "description",
              "A statistic; percentile:P takes P in [0, 100], for example percentile:90.");
    }
    if (c == Temporal.class) {
      ObjectNode schema =
          NODES
              .objectNode()
              .put(
                  "description",
                  "\"static\" for a dataset without time, otherwise its timestamps (ISO 8601).");
      schema
          .putArray("oneOf")
          .add(typed("string").put("const", Temporal.STATIC_NAME))
          .add(array(typed("string")));
      return schema;
    }
    throw new IllegalStateException("no JSON schema rule for the value type " + c);
  }

  private static boolean jsonValue(Class<?> c) {
    return Arrays.stream(c.getMethods()).anyMatch(m -> m.isAnnotationPresent(JsonValue.class));
  }

  /**
   * Optional members may be null: the mapper omits them when writing and accepts null when reading.
   */
  private static ObjectNode nullable(ObjectNode schema) {
    if (schema.has("type")) {
      schema.set("type", NODES.arrayNode().add(schema.get("type")).add("null"));
      return schema;
    }
    if (schema.isEmpty()) {
      return schema;
    }
    ObjectNode either = NODES.objectNode();
    either.putArray("anyOf").add(schema).add(typed("null"));
    return either;
  }

  private static ObjectNode typed(String type) {
    return NODES.objectNode().put("type", type);
  }

  private static ObjectNode array(ObjectNode items) {
    return typed("array").set("items", items);
  }
}
