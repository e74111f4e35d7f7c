package dev.terrace.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against the subset of JSON Schema 2020-12 the OpenAPI document uses,
 * strictly: an object member its schema does not list is an error, so that the document cannot fall
 * behind what the server writes.
 */
final class SchemaCheck {

  private final JsonNode document;

  SchemaCheck(JsonNode document) {
    this.document = document;
  }

  /**
   * @return what does not fit, one line per mismatch with its JSON pointer; empty when the value
   *     fits
   */
  List<String> errors(JsonNode value, JsonNode schema) {
    List<String> errors = new ArrayList<>();
    check(value, schema, "", errors);
    return errors;
  }

  private void check(JsonNode value, JsonNode schema, String at, List<String> errors) {
    if (schema.isBoolean()) {
      if (!schema.asBoolean()) {
        errors.add(at + ": no value allowed");
      }
      return;
    }
    if (schema.has("$ref")) {
      check(value, document.at(schema.path("$ref").asText().substring(1)), at, errors);
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      errors.add(at + ": expected " + schema.get("const") + ", got " + value);
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
    }
    if (schema.has("oneOf") && matching(value, schema.get("oneOf")) != 1) {
      errors.add(at + ": " + value + " matches not exactly one of " + schema.get("oneOf"));
    }
    if (schema.has("anyOf") && matching(value, schema.get("anyOf")) == 0) {
      errors.add(at + ": " + value + " matches none of " + schema.get("anyOf"));
    }
    if (schema.has("type") && !typeFits(value, schema.get("type"))) {
      errors.add(at + ": " + value.getNodeType() + " is not " + schema.get("type"));
      return;
    }
    if (value.isTextual()
        && schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
      errors.add(at + ": " + value + " does not match " + schema.get("pattern"));
    }
    if (value.isObject()) {
      checkObject(value, schema, at, errors);
    }
    if (value.isArray()) {
      checkArray(value, schema, at, errors);
    }
  }

  private void checkObject(JsonNode value, JsonNode schema, String at, List<String> errors) {
    for (JsonNode name : schema.path("required")) {
      if (!value.has(name.asText())) {
        errors.add(at + ": lacks required member " + name.asText());
      }
    }
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    if (properties == null && additional == null) {
      return;
    }
    value
        .properties()
        .forEach(
            member -> {
              String where = at + "/" + member.getKey();
              if (properties != null && properties.has(member.getKey())) {
                check(member.getValue(), properties.get(member.getKey()), where, errors);
              } else if (additional != null) {
                check(member.getValue(), additional, where, errors);
              } else {
                errors.add(where + ": not in the schema");
              }
            });
  }

  private void checkArray(JsonNode value, JsonNode schema, String at, List<String> errors) {
    if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()
        || schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
      errors.add(at + ": " + value.size() + " items");
    }
    JsonNode prefix = schema.path("prefixItems");
    for (int i = 0; i < value.size(); i++) {
      JsonNode items = i < prefix.size() ? prefix.get(i) : schema.get("items");
      if (items != null) {
        check(value.get(i), items, at + "/" + i, errors);
      }
    }
  }

  private int matching(JsonNode value, JsonNode alternatives) {
    int count = 0;
    for (JsonNode alternative : alternatives) {
      if (errors(value, alternative).isEmpty()) {
        count++;
      }
    }
    return count;
  }

  private static boolean typeFits(JsonNode value, JsonNode type) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeFits(value, t)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> throw new IllegalArgumentException("unknown JSON Schema type " + type);
    };
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode v : values) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
