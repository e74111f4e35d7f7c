package dev.terrace.server;

import dev.terrace.api.ErrorType;
import dev.terrace.api.ItemFields;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.SortBy;
import dev.terrace.api.geojson.Geometry;
import io.helidon.common.parameters.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * A STAC API search in a query string, as {@code GET /stac/search} and {@code GET
 * /stac/collections/{id}/items} take it: lists comma-separated, {@code bbox=w,s,e,n}, {@code
 * intersects} as GeoJSON text, {@code sortby=-properties.datetime,+id} and {@code
 * fields=properties.datetime,-assets}.
 */
final class StacQuery {

  private StacQuery() {}

  /**
   * @param collection the collection the route names, which replaces any {@code collections}
   * @throws ProblemException with status 400 naming a parameter that is not of its type
   */
  static ItemSearchRequest of(Parameters query, String collection) {
    return new ItemSearchRequest(
        collection != null ? List.of(collection) : orNull(list(query, "collections")),
        orNull(list(query, "ids")),
        bbox(query),
        intersects(query),
        query.first("datetime").orElse(null),
        limit(query),
        query.first("token").orElse(null),
        orNull(list(query, "sortby").stream().map(SortBy::parse).toList()),
        ItemFields.parse(list(query, "fields")));
  }

  private static List<String> list(Parameters query, String name) {
    List<String> out = new ArrayList<>();
    if (query.contains(name)) {
      for (String value : query.all(name)) {
        for (String item : value.split(",")) {
          if (!item.isBlank()) {
            out.add(item.strip());
          }
        }
      }
    }
    return out;
  }

  private static <T> List<T> orNull(List<T> list) {
    return list.isEmpty() ? null : list;
  }

  private static List<Double> bbox(Parameters query) {
    if (!query.contains("bbox")) {
      return null;
    }
    List<Double> out = new ArrayList<>();
    for (String number : query.get("bbox").split(",", -1)) {
      try {
        out.add(Double.parseDouble(number.strip()));
      } catch (NumberFormatException e) {
        throw invalid("bbox", "bbox must be comma-separated numbers, got '" + number + "'");
      }
    }
    return out;
  }

  private static Geometry intersects(Parameters query) {
    if (!query.contains("intersects")) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(query.get("intersects"), Geometry.class);
    } catch (java.io.IOException e) {
      throw invalid("intersects", "intersects must be a GeoJSON geometry: " + e.getMessage());
    }
  }

  private static Integer limit(Parameters query) {
    if (!query.contains("limit")) {
      return null;
    }
    String text = query.get("limit");
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw invalid("limit", "limit must be a whole number, got '" + text + "'");
    }
  }

  static ProblemException invalid(String parameter, String detail) {
    return ProblemException.field(ErrorType.VALIDATION_ERROR, detail, "value_error", parameter)
        .withStatus(400);
  }
}
