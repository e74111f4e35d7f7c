package dev.terrace.engine.internal.stac;

import dev.terrace.api.ErrorType;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.SortBy;
import dev.terrace.api.StacItem;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The STAC API sort extension over the fields every item has: {@code id}, {@code collection} and
 * its times. A key may name a property with or without {@code properties.}; ties keep catalog
 * order.
 */
final class SearchSort {

  private SearchSort() {}

  /**
   * @return the order, or null to keep catalog order
   * @throws InvalidRequestException naming the {@code sortby} entry whose field cannot be sorted by
   */
  static Comparator<StacItem> of(List<SortBy> keys) {
    if (keys == null || keys.isEmpty()) {
      return null;
    }
    Comparator<StacItem> order = null;
    for (int i = 0; i < keys.size(); i++) {
      SortBy key = keys.get(i);
      if (key == null) {
        throw invalid(i, "must be an object {field, direction}");
      }
      Comparator<StacItem> one = comparator(i, key.field());
      if (key.direction() == SortBy.Direction.DESC) {
        one = one.reversed();
      }
      order = order == null ? one : order.thenComparing(one);
    }
    return order;
  }

  private static Comparator<StacItem> comparator(int index, String field) {
    String name = field.startsWith("properties.") ? field.substring(11) : field;
    return switch (name) {
      case "id" -> Comparator.comparing(StacItem::id);
      case "collection" -> Comparator.comparing(StacItem::collection);
      case "datetime", "start_datetime" -> by(SearchSort::start);
      case "end_datetime" -> by(SearchSort::end);
      default ->
          throw invalid(
              index,
              "cannot sort by '"
                  + field
                  + "'; sort by id, collection, properties.datetime,"
                  + " properties.start_datetime or properties.end_datetime");
    };
  }

  private static Comparator<StacItem> by(Function<StacItem, Instant> time) {
    return Comparator.comparing(time);
  }

  /** When an item starts: its instant, or its interval's start. */
  static Instant start(StacItem item) {
    return item.datetime().orElseGet(() -> item.startDatetime().orElseThrow());
  }

  /** When an item ends: its instant, or its interval's end. */
  static Instant end(StacItem item) {
    return item.datetime().orElseGet(() -> item.endDatetime().orElseThrow());
  }

  private static InvalidRequestException invalid(int index, String problem) {
    return InvalidRequestException.of(
        ErrorType.VALIDATION_ERROR,
        "sortby[" + index + "] " + problem,
        "value_error",
        "sortby",
        index);
  }
}
