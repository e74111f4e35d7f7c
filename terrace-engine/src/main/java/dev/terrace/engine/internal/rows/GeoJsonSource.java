package dev.terrace.engine.internal.rows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.internal.json.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GeoJSON FeatureCollection read feature by feature with Jackson's streaming parser, so that only
 * one feature is in memory at a time. Each feature's properties are carried to the output; the
 * columns are the first feature's property names.
 */
public final class GeoJsonSource implements RowSource {

  private final Path file;
  private final JsonParser parser;
  private final List<String> columns;
  private InputRow peeked;
  private long features;

  /**
   * @throws IllegalArgumentException when the file is not a FeatureCollection
   */
  public GeoJsonSource(Path file) throws IOException {
    this.file = file;
    this.parser = StrictJson.MAPPER.getFactory().createParser(Files.newInputStream(file));
    try {
      if (parser.nextToken() != JsonToken.START_OBJECT || !toFeatures()) {
        throw new IllegalArgumentException(
            file + " is not a GeoJSON FeatureCollection with a \"features\" array");
      }
      peeked = read();
    } catch (JsonProcessingException e) {
      parser.close();
      throw notJson(e);
    } catch (IllegalArgumentException e) {
      parser.close();
      throw e;
    }
    columns = peeked == null ? List.of() : List.copyOf(peeked.fields().keySet());
  }

  /** Moves to the start of the features array, skipping the members around it. */
  private boolean toFeatures() throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("features".equals(name) && value == JsonToken.START_ARRAY) {
        return true;
      }
      parser.skipChildren();
    }
    return false;
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public InputRow next() throws IOException {
    InputRow row = peeked;
    if (row != null) {
      try {
        peeked = read();
      } catch (JsonProcessingException e) {
        throw notJson(e);
      }
    }
    return row;
  }

  private InputRow read() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null || t == JsonToken.END_ARRAY) {
      return null;
    }
    long line = parser.currentTokenLocation().getLineNr();
    long index = features++;
    JsonNode feature = parser.readValueAsTree();
    return row(feature, line, "line " + line + " (feature " + index + ")");
  }

  /**
   * A feature read into a row: its properties as the row's fields, its geometry, or what is wrong
   * with it.
   *
   * @param where the feature's place in the input, for the row's error
   */
  static InputRow row(JsonNode feature, long line, String where) {
    Map<String, Object> fields = new LinkedHashMap<>();
    JsonNode properties = feature.path("properties");
    if (properties.isObject()) {
      properties
          .properties()
          .forEach(
              e ->
                  fields.put(
                      e.getKey(), StrictJson.MAPPER.convertValue(e.getValue(), Object.class)));
    }
    if (!feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
      return new InputRow(line, fields, null, where + ": not a Feature");
    }
    JsonNode geometry = feature.get("geometry");
    if (geometry == null || geometry.isNull()) {
      return new InputRow(line, fields, null, where + ": the feature has no geometry");
    }
    try {
      Geometry g = StrictJson.MAPPER.treeToValue(geometry, Geometry.class);
      return new InputRow(line, fields, g, null);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String message =
          e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      return new InputRow(line, fields, null, where + ": geometry is not GeoJSON: " + message);
    }
  }

  private IllegalArgumentException notJson(JsonProcessingException e) {
    return new IllegalArgumentException(
        file
            + " line "
            + e.getLocation().getLineNr()
            + ": not valid JSON: "
            + e.getOriginalMessage(),
        e);
  }

  @Override
  public long bytesRead() {
    return parser.currentLocation().getByteOffset();
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
