package dev.terrace.engine.internal.stacread;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a STAC collection says of the asset read, for a dataset's description where its catalog
 * entry is silent: the collection's {@code description}, and from its {@code item_assets} entry for
 * the asset, the band's {@code unit} and {@code nodata} ({@code raster:bands}) and its classes
 * ({@code classification:classes}, on the asset or its band).
 *
 * @param description the collection's description, or null
 * @param license the collection's license (an SPDX id, {@code various} or {@code proprietary}), or
 *     null
 * @param unit the band's unit, or null
 * @param nodata the band's nodata value, or null ({@code "nan"} reads as NaN)
 * @param classes class codes to names, empty when none are given
 */
public record StacMetadata(
    String description, String license, String unit, Double nodata, Map<String, String> classes) {

  /** Keeps the classes in the collection's order. */
  public StacMetadata {
    classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
  }

  static StacMetadata of(JsonNode collection, String asset) {
    JsonNode template = collection.path("item_assets").path(asset);
    JsonNode band = template.path("raster:bands").path(0);
    JsonNode nodata = band.path("nodata");
    Map<String, String> classes = new LinkedHashMap<>();
    JsonNode listed = template.path("classification:classes");
    for (JsonNode c : listed.isArray() ? listed : band.path("classification:classes")) {
      if (c.path("value").isIntegralNumber()) {
        String name = c.path("description").asText(c.path("name").asText(""));
        if (!name.isBlank()) {
          classes.put(c.path("value").asText(), name);
        }
      }
    }
    return new StacMetadata(
        text(collection.path("description")).orElse(null),
        text(collection.path("license")).orElse(null),
        text(band.path("unit")).orElse(null),
        nodata.isNumber()
            ? Double.valueOf(nodata.asDouble())
            : "nan".equalsIgnoreCase(nodata.asText()) ? Double.valueOf(Double.NaN) : null,
        classes);
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText())
        : Optional.empty();
  }
}
