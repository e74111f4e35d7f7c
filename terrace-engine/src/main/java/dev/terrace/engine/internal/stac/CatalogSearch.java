package dev.terrace.engine.internal.stac;

import dev.terrace.api.Dataset;
import dev.terrace.api.ErrorType;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.StacItem;
import dev.terrace.api.StacLink;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.catalog.CatalogViews;
import dev.terrace.engine.internal.catalog.RasterItem;
import dev.terrace.engine.internal.geometry.GeometryReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * {@code catalog.search}: STAC API Item Search over the catalog. Every request is checked first,
 * naming the parameter at fault as STAC API expects; then the items of the collections asked for
 * are listed in catalog order, filtered, sorted and cut into the page the token names.
 */
public final class CatalogSearch {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  /** The most vertices an {@code intersects} geometry may have. */
  private static final int MAX_VERTICES = 100_000;

  private final Catalog catalog;

  /**
   * @param catalog the catalog searched
   */
  public CatalogSearch(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * @param request the search
   * @return the page of items the request's token names
   * @throws InvalidRequestException naming the parameter at fault
   */
  public ItemCollection search(ItemSearchRequest request) {
    int limit = limit(request.limit());
    Geometry area = area(request);
    TimeFilter time = TimeFilter.parse(request.datetime());
    Comparator<StacItem> order = SearchSort.of(request.sortby());
    FieldsFilter fields = FieldsFilter.of(request.fields());
    check("collections", request.collections());
    check("ids", request.ids());
    int offset = PageToken.offset(request.token());
    Set<String> collections =
        request.collections() == null ? null : Set.copyOf(request.collections());
    Set<String> ids = request.ids() == null ? null : Set.copyOf(request.ids());

    Envelope reach = area == null ? new Envelope(-180, 180, -90, 90) : area.getEnvelopeInternal();
    List<StacItem> matched = new ArrayList<>();
    for (CatalogDataset d : catalog.datasets()) {
      if (collections != null && !collections.contains(d.id())) {
        continue;
      }
      Dataset view = CatalogViews.dataset(d);
      for (RasterItem raster : d.items(reach)) {
        if (ids != null && !ids.contains(raster.id())) {
          continue;
        }
        StacItem item = StacItems.item(view, raster);
        if (meets(item, area) && time.meets(SearchSort.start(item), SearchSort.end(item))) {
          matched.add(item);
        }
      }
    }
    if (order != null) {
      matched.sort(order);
    }
    int from = Math.min(offset, matched.size());
    int to = (int) Math.min((long) from + limit, matched.size());
    List<StacItem> page = new ArrayList<>(to - from);
    for (StacItem item : matched.subList(from, to)) {
      page.add(fields == null ? item : fields.apply(item));
    }
    List<StacLink> links = new ArrayList<>();
    if (to < matched.size()) {
      links.add(next(PageToken.of(to)));
    }
    return new ItemCollection("FeatureCollection", page, links, matched.size(), page.size());
  }

  /**
   * The link to the next page: its token as a relative URL for GET and as a body to merge for POST;
   * the service makes the URL absolute for the route the search came by.
   */
  static StacLink next(String token) {
    return new StacLink(
        "next",
        "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
        "application/geo+json",
        null,
        "POST",
        Map.<String, Object>of("token", token),
        true);
  }

  private static boolean meets(StacItem item, Geometry area) {
    if (area == null) {
      return true;
    }
    List<Double> b = item.bbox();
    if (b == null) {
      return false;
    }
    return area.intersects(
        FACTORY.toGeometry(new Envelope(b.get(0), b.get(2), b.get(1), b.get(3))));
  }

  private static int limit(Integer limit) {
    if (limit == null) {
      return ItemSearchRequest.DEFAULT_LIMIT;
    }
    if (limit < 1) {
      throw InvalidRequestException.of(
          ErrorType.VALIDATION_ERROR,
          "limit must be at least 1, got " + limit,
          "value_error",
          "limit");
    }
    return Math.min(limit, ItemSearchRequest.MAX_LIMIT);
  }

  /**
   * The search's area in lon/lat, from {@code bbox} or {@code intersects}, or null for anywhere.
   */
  private static Geometry area(ItemSearchRequest request) {
    if (request.bbox() != null && request.intersects() != null) {
      throw InvalidRequestException.of(
          ErrorType.VALIDATION_ERROR,
          "give bbox or intersects, not both",
          "value_error",
          "intersects");
    }
    if (request.intersects() != null) {
      return GeometryReader.read(request.intersects(), MAX_VERTICES, true, true, "intersects")
          .geometry();
    }
    return request.bbox() == null ? null : SearchBox.of(request.bbox());
  }

  private static void check(String field, List<String> values) {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null || values.get(i).isBlank()) {
        throw InvalidRequestException.of(
            ErrorType.VALIDATION_ERROR,
            field + "[" + i + "] must be a non-empty string",
            "value_error",
            field,
            i);
      }
    }
  }
}
