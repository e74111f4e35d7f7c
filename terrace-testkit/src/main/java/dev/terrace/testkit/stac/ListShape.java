package dev.terrace.testkit.stac;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the top level of the two STAC API list responses: an ItemCollection ({@code /items},
 * {@code /search}: a GeoJSON FeatureCollection of Items) and a collections list ({@code
 * /collections}). The validator checks each listed Item or Collection but skips the rest of the
 * response, so this covers what it skips: the type, the list itself and the links.
 */
final class ListShape {

  private ListShape() {}

  /**
   * @param document a parsed JSON document ({@link JsonReader})
   * @return what is wrong with its top level, empty if nothing is or if it is no list response
   */
  static List<String> problems(Object document) {
    List<String> problems = new ArrayList<>();
    if (!(document instanceof Map<?, ?> top)) {
      return problems;
    }
    if (top.containsKey("features") || "FeatureCollection".equals(top.get("type"))) {
      if (!"FeatureCollection".equals(top.get("type"))) {
        problems.add(
            "ItemCollection: 'type' must be \"FeatureCollection\", not " + shown(top.get("type")));
      }
      if (!(top.get("features") instanceof List<?>)) {
        problems.add("ItemCollection: 'features' must be an array of Items");
      }
      // The ItemCollection fragment makes links optional; the ones given must still be links.
      if (top.containsKey("links")) {
        links("ItemCollection", top.get("links"), problems);
      }
    } else if (top.containsKey("collections")) {
      if (!(top.get("collections") instanceof List<?>)) {
        problems.add("collections list: 'collections' must be an array of Collections");
      }
      // OGC API - Features requires links on /collections.
      links("collections list", top.get("links"), problems);
    }
    return problems;
  }

  private static void links(String what, Object links, List<String> problems) {
    if (!(links instanceof List<?> list)) {
      problems.add(what + ": 'links' must be an array of Link objects");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> link)) {
        problems.add(what + ": links[" + i + "] must be a Link object");
        continue;
      }
      for (String field : List.of("href", "rel")) {
        if (!(link.get(field) instanceof String)) {
          problems.add(what + ": links[" + i + "] must have a string '" + field + "'");
        }
      }
    }
  }

  private static String shown(Object value) {
    return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
  }
}
