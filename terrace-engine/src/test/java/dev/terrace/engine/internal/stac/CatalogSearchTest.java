package dev.terrace.engine.internal.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.SortBy;
import dev.terrace.api.StacItem;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.Terrace;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item Search over a catalog of the three kinds of dataset: twelve monthly COGs ({@code stack:pr}),
 * one file without time ({@code single:dem}, lon 9.91…10.08, lat 49.94…50.07) and a grid of
 * one-degree tiles of which three files are there ({@code tiles:dem}).
 */
class CatalogSearchTest {

  @TempDir static Path folder;
  static Terrace terrace;

  @BeforeAll
  static void catalog() throws IOException, URISyntaxException {
    Path series = resource("/timeseries/bcsd_pr_1999-01.tif").getParent();
    Path single = resource("/geotiff/crs_epsg4326.tif");
    Path tiles = Files.createDirectories(folder.resolve("tiles"));
    for (String name : List.of("N10E020.tif", "N10E021.tif", "S05W030.tif")) {
      Files.write(tiles.resolve(name), new byte[0]);
    }
    // A remote grid whose index lists two tiles, one by URL and one by file name; never fetched.
    Files.writeString(
        folder.resolve("index.txt"),
        "# the tiles that exist\nhttp://127.0.0.1:9/dem/N20E030.tif\n\nS20W040.tif\n");
    StringBuilder steps = new StringBuilder();
    for (int m = 1; m <= 12; m++) {
      String month = String.format("1999-%02d", m);
      steps
          .append(m == 1 ? "" : ",")
          .append("{\"time\":\"")
          .append(month)
          .append("-01\",\"path\":\"")
          .append(series.resolve("bcsd_pr_" + month + ".tif"))
          .append("\"}");
    }
    Path catalog = folder.resolve("catalog.json");
    Files.writeString(
        catalog,
        "{\"providers\":["
            + "{\"slug\":\"stack\",\"protocol\":\"cog\",\"datasets\":[{\"name\":\"pr\","
            + "\"units\":\"mm/month\",\"time_steps\":["
            + steps
            + "]}]},"
            + "{\"slug\":\"single\",\"protocol\":\"cog\",\"datasets\":[{\"name\":\"dem\","
            + "\"units\":\"m\",\"path\":\""
            + single
            + "\"}]},"
            + "{\"slug\":\"tiles\",\"protocol\":\"cog_tiles\",\"datasets\":[{\"name\":\"dem\","
            + "\"tile_degrees\":1,\"url_template\":\"tiles/{NS}{lat:02}{EW}{lon:03}.tif\"}]},"
            + "{\"slug\":\"remote\",\"protocol\":\"cog_tiles\",\"datasets\":["
            + "{\"name\":\"indexed\",\"tile_degrees\":1,\"tile_index\":\"index.txt\","
            + "\"url_template\":\"http://127.0.0.1:9/dem/{NS}{lat:02}{EW}{lon:03}.tif\"},"
            + "{\"name\":\"unindexed\",\"tile_degrees\":1,"
            + "\"url_template\":\"http://127.0.0.1:9/dem/{NS}{lat:02}{EW}{lon:03}.tif\"}]}]}");
    terrace = Terrace.embedded(catalog);
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(CatalogSearchTest.class.getResource(name).toURI());
  }

  @Test
  void everyItemOnceThroughEveryPage() {
    List<String> seen = new ArrayList<>();
    ItemSearchRequest request = ItemSearchRequest.builder().limit(5).build();
    ItemCollection page = terrace.search(request);
    assertThat(page.numberMatched()).isEqualTo(18);
    int pages = 1;
    page.features().forEach(i -> seen.add(i.collection() + "/" + i.id()));
    while (page.hasNextPage()) {
      page = terrace.search(request.withToken(page.nextToken().orElseThrow()));
      page.features().forEach(i -> seen.add(i.collection() + "/" + i.id()));
      pages++;
    }
    assertThat(pages).isEqualTo(4);
    assertThat(page.numberReturned()).isEqualTo(3);
    assertThat(seen)
        .doesNotHaveDuplicates()
        .hasSize(18)
        .startsWith("stack:pr/pr-1999-01-01", "stack:pr/pr-1999-02-01")
        .endsWith(
            "single:dem/crs_epsg4326",
            "tiles:dem/S05W030",
            "tiles:dem/N10E020",
            "tiles:dem/N10E021",
            "remote:indexed/S20W040",
            "remote:indexed/N20E030");
    assertThat(terrace.search(ItemSearchRequest.ALL).features()).hasSize(10);
  }

  @Test
  void anItemSaysWhereAndWhenItsRasterIs() {
    StacItem march =
        terrace.search(ItemSearchRequest.builder().ids("pr-1999-03-01").build()).features().get(0);
    assertThat(march.collection()).isEqualTo("stack:pr");
    assertThat(march.datetime()).contains(Instant.parse("1999-03-01T00:00:00Z"));
    assertThat(march.assets().get("data").href()).endsWith("/timeseries/bcsd_pr_1999-03.tif");
    assertThat(march.assets().get("data").rasterBands().get(0)).containsEntry("unit", "mm/month");
    assertThat(march.stacVersion()).isEqualTo("1.0.0");

    StacItem dem = only(ItemSearchRequest.builder().collections("single:dem").build());
    assertThat(dem.bbox()).containsExactly(9.91, 49.94, 10.08, 50.07);
    assertThat(dem.datetime()).isEmpty();
    assertThat(dem.startDatetime()).contains(Instant.parse("0001-01-01T00:00:00Z"));
    assertThat(dem.properties()).containsEntry("datetime", null);

    StacItem tile =
        only(ItemSearchRequest.builder().collections("tiles:dem").ids("S05W030").build());
    assertThat(
            terrace
                .search(ItemSearchRequest.builder().collections("remote:indexed").build())
                .features())
        .as("a remote grid lists the tiles its index names, and only those")
        .extracting(StacItem::id)
        .containsExactly("S20W040", "N20E030");
    assertThat(
            terrace
                .search(ItemSearchRequest.builder().collections("remote:unindexed").build())
                .features())
        .as("without an index, whether a remote tile exists is not known: none listed")
        .isEmpty();
    assertThat(tile.bbox()).containsExactly(-30.0, -5.0, -29.0, -4.0);
    assertThat(tile.assets().get("data").href()).isEqualTo("tiles/S05W030.tif");
  }

  @Test
  void datetimeSelectsByClosedOpenAndInstantRanges() {
    assertThat(ids("1999-03-01T00:00:00Z/1999-05-31T23:59:59Z", "stack:pr"))
        .containsExactly("pr-1999-03-01", "pr-1999-04-01", "pr-1999-05-01");
    assertThat(ids("../1999-02-01T00:00:00Z", "stack:pr"))
        .containsExactly("pr-1999-01-01", "pr-1999-02-01");
    assertThat(ids("1999-12-01T00:00:00+00:00/", "stack:pr")).containsExactly("pr-1999-12-01");
    assertThat(ids("1999-06-01T00:00:00Z", "stack:pr")).containsExactly("pr-1999-06-01");
    // A raster without time answers for any time.
    assertThat(ids("1850-01-01T00:00:00Z", "single:dem")).containsExactly("crs_epsg4326");
  }

  @Test
  void bboxAndIntersectsFindTheItemsTheyMeet() {
    assertThat(
            terrace
                .search(ItemSearchRequest.builder().bbox(20.5, 10.2, 21.5, 10.4).build())
                .features())
        .extracting(StacItem::id)
        .containsExactly("N10E020", "N10E021");
    assertThat(
            terrace
                .search(
                    ItemSearchRequest.builder()
                        .intersects(Polygon.rectangle(10.0, 50.0, 10.5, 50.5))
                        .build())
                .features())
        .extracting(StacItem::id)
        .containsExactly("crs_epsg4326");
    // West greater than east crosses the antimeridian: from 179°E to 10°E the long way round.
    assertThat(
            terrace
                .search(ItemSearchRequest.builder().bbox(179, -10, 10, 11).limit(100).build())
                .features())
        .extracting(StacItem::id)
        .containsExactly("S05W030");
  }

  @Test
  void sortbyOrdersAndFieldsChooseMembers() {
    ItemCollection newest =
        terrace.search(
            ItemSearchRequest.builder()
                .collections("stack:pr")
                .sortBy("properties.datetime", SortBy.Direction.DESC)
                .limit(2)
                .include("properties.datetime")
                .build());
    assertThat(newest.features())
        .extracting(StacItem::id)
        .containsExactly("pr-1999-12-01", "pr-1999-11-01");
    StacItem first = newest.features().get(0);
    assertThat(first.properties()).containsOnlyKeys("datetime");
    assertThat(first.assets()).isNull();
    assertThat(first.bbox()).isNull();
    assertThat(first.collection()).isEqualTo("stack:pr");

    StacItem lean =
        only(
            ItemSearchRequest.builder()
                .ids("crs_epsg4326")
                .exclude("assets", "properties.start_datetime")
                .build());
    assertThat(lean.assets()).isNull();
    assertThat(lean.properties()).containsKey("end_datetime").doesNotContainKey("start_datetime");
    assertThat(lean.bbox()).hasSize(4);

    assertThat(
            terrace
                .search(
                    ItemSearchRequest.builder()
                        .sortBy("id", SortBy.Direction.ASC)
                        .collections("tiles:dem")
                        .build())
                .features())
        .extracting(StacItem::id)
        .containsExactly("N10E020", "N10E021", "S05W030");
  }

  @Test
  void badParametersAreNamed() {
    rejected(
        new ItemSearchRequest(
            null, null, List.of(1.0, 2.0, 3.0), null, null, null, null, null, null),
        "bbox",
        "4 numbers");
    rejected(
        new ItemSearchRequest(
            null,
            null,
            List.of(0.0, 0.0, 1.0, 1.0),
            Polygon.rectangle(0, 0, 1, 1),
            null,
            null,
            null,
            null,
            null),
        "intersects",
        "not both");
    rejected(ItemSearchRequest.builder().datetime("March 1999").build(), "datetime", "RFC 3339");
    rejected(ItemSearchRequest.builder().datetime("../..").build(), "datetime", "both ends");
    rejected(ItemSearchRequest.builder().limit(0).build(), "limit", "at least 1");
    rejected(ItemSearchRequest.ALL.withToken("nonsense"), "token", "not one this service made");
    rejected(
        ItemSearchRequest.builder().sortBy("eo:cloud_cover", SortBy.Direction.ASC).build(),
        "sortby",
        "cannot sort by 'eo:cloud_cover'");
    assertThat(terrace.search(ItemSearchRequest.builder().limit(1_000_000).build()).features())
        .hasSize(18);
  }

  private static void rejected(ItemSearchRequest request, String field, String message) {
    assertThatThrownBy(() -> terrace.search(request))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            (Consumer<InvalidRequestException>)
                e -> {
                  assertThat(e.fieldErrors().get(0).loc().get(0)).isEqualTo(field);
                  assertThat(e.getMessage()).contains(message);
                });
  }

  private static StacItem only(ItemSearchRequest request) {
    List<StacItem> items = terrace.search(request).features();
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private static List<String> ids(String datetime, String collection) {
    return terrace
        .search(
            ItemSearchRequest.builder()
                .collections(collection)
                .datetime(datetime)
                .limit(100)
                .build())
        .features()
        .stream()
        .map(StacItem::id)
        .toList();
  }
}
