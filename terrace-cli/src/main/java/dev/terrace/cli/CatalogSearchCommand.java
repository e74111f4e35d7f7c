package dev.terrace.cli;

import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemFields;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.SortBy;
import dev.terrace.api.StacItem;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code terrace catalog search}: the catalog's items as STAC API Item Search finds them. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Searches the catalog's items as STAC API Item Search does: each dataset is a collection,"
            + " each file, time step or tile behind it an item. Prints collection, id, time,"
            + " bounding box and file, or with --format json a GeoJSON FeatureCollection of the"
            + " STAC items.",
    footer = {
      "%nExamples:",
      "  terrace catalog search --collection bcsd:pr --datetime 1999-03-01T00:00:00Z/1999-05-31T23:59:59Z",
      "  terrace catalog search --bbox 5.9,49.4,6.5,50.2 --format json",
      "  terrace catalog search --intersects @examples/parcel.geojson --sortby=-properties.datetime",
      "  terrace catalog search --url http://localhost:8000 --collection lux:elevation"
    })
final class CatalogSearchCommand extends CatalogListing {

  @Option(
      names = "--collection",
      paramLabel = "ID",
      description = "Only items of this collection (a dataset id); repeat for several.")
  List<String> collections;

  @Option(names = "--id", paramLabel = "ID", description = "Only the item with this id; repeat.")
  List<String> ids;

  @Option(
      names = "--bbox",
      paramLabel = "W,S,E,N",
      split = ",",
      description =
          "Only items meeting this box in lon/lat (west > east crosses the antimeridian).")
  List<Double> bbox;

  @Option(
      names = "--intersects",
      paramLabel = "GEOJSON",
      description = "Only items meeting this geometry: GeoJSON in lon/lat, @FILE, or - for stdin.")
  String intersects;

  @Option(
      names = "--datetime",
      paramLabel = "TIME",
      description = "An RFC 3339 instant, or START/END with .. for an open end.")
  String datetime;

  @Option(
      names = "--sortby",
      paramLabel = "FIELD",
      split = ",",
      description = "Order by id, collection or properties.datetime; -FIELD for descending.")
  List<String> sortby;

  @Option(
      names = "--fields",
      paramLabel = "PATH",
      split = ",",
      description = "Members to keep in each item (properties.datetime, assets); -PATH leaves out.")
  List<String> fields;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "The most items to print, fetched page by page (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  void print(Service s) {
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
    }
    ItemSearchRequest request =
        new ItemSearchRequest(
            collections,
            ids,
            bbox,
            intersects == null ? null : ExtractCommand.parse("--intersects", intersects),
            datetime,
            Math.min(limit, PAGE),
            null,
            sortby == null ? null : sortby.stream().map(SortBy::parse).toList(),
            fields == null ? null : ItemFields.parse(fields));
    List<StacItem> items = new ArrayList<>();
    ItemCollection page = s.api().search(request);
    Integer matched = page.numberMatched();
    items.addAll(page.features());
    while (items.size() < limit && page.hasNextPage()) {
      page = s.api().search(request.withToken(page.nextToken().orElseThrow()));
      items.addAll(page.features());
    }
    List<StacItem> shown = items.subList(0, Math.min(limit, items.size()));
    Table table = new Table("COLLECTION", "ID", "DATETIME", "BBOX", "HREF");
    for (StacItem item : shown) {
      table.row(
          item.collection(),
          item.id(),
          item.datetime().map(Object::toString).orElse(null),
          item.bbox(),
          item.assets() == null || item.assets().get("data") == null
              ? null
              : item.assets().get("data").href());
    }
    print(new ItemCollection("FeatureCollection", shown, List.of(), matched, shown.size()), table);
  }
}
