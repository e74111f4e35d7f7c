package dev.terrace.engine.internal.stac;

import dev.terrace.api.ItemFields;
import dev.terrace.api.StacItem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The STAC API fields extension: which members of each item a search returns. Paths are a top-level
 * member ({@code assets}) or one property ({@code properties.datetime}); with {@code include} only
 * those are kept, and always {@code type}, {@code stac_version}, {@code id} and {@code collection},
 * which say what the item is; {@code exclude} removes members; a path in both is kept.
 */
final class FieldsFilter {

  private static final String PROPERTIES = "properties.";

  private final Set<String> include;
  private final Set<String> exclude;

  private FieldsFilter(Set<String> include, Set<String> exclude) {
    this.include = include;
    this.exclude = exclude;
  }

  /**
   * @return the filter, or null when the request keeps every member
   */
  static FieldsFilter of(ItemFields fields) {
    if (fields == null
        || (fields.include() == null || fields.include().isEmpty())
            && (fields.exclude() == null || fields.exclude().isEmpty())) {
      return null;
    }
    return new FieldsFilter(
        fields.include() == null || fields.include().isEmpty()
            ? null
            : Set.copyOf(fields.include()),
        fields.exclude() == null ? Set.of() : Set.copyOf(fields.exclude()));
  }

  StacItem apply(StacItem item) {
    return new StacItem(
        item.type(),
        item.stacVersion(),
        keep("stac_extensions") ? item.stacExtensions() : null,
        item.id(),
        item.collection(),
        keep("geometry") ? item.geometry() : null,
        keep("bbox") ? item.bbox() : null,
        properties(item.properties()),
        keep("links") ? item.links() : null,
        keep("assets") ? item.assets() : null);
  }

  private Map<String, Object> properties(Map<String, Object> all) {
    if (all == null) {
      return null;
    }
    boolean whole = keep("properties");
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : all.entrySet()) {
      String path = PROPERTIES + e.getKey();
      boolean named = include != null && include.contains(path);
      if (named || (whole && !exclude.contains(path))) {
        kept.put(e.getKey(), e.getValue());
      }
    }
    return kept.isEmpty() && !whole && !anyProperty() ? null : kept;
  }

  private boolean anyProperty() {
    return include != null && include.stream().anyMatch(p -> p.startsWith(PROPERTIES));
  }

  private boolean keep(String member) {
    if (include != null && include.contains(member)) {
      return true;
    }
    return include == null && !exclude.contains(member);
  }
}
