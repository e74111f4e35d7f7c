package dev.terrace.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.StacItem;
import dev.terrace.api.StacLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seven items served three at a time, each page's next link carrying the token of the next (its
 * first item's position, as text a client must not read).
 */
class SearchPagingTest {

  private ScriptedServer server;
  private TerraceClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer(SearchPagingTest::serve);
    client = Fixtures.client(server, new RecordingSleeper()).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  private static ScriptedServer.Reply serve(ScriptedServer.Recorded request) {
    try {
      JsonNode body = Json.MAPPER.readTree(request.body());
      int from = body.has("token") ? Integer.parseInt(body.path("token").asText().substring(2)) : 0;
      int to = Math.min(from + body.path("limit").asInt(), 7);
      List<StacItem> items =
          IntStream.range(from, to)
              .mapToObj(
                  i ->
                      new StacItem(
                          "Feature",
                          "1.0.0",
                          null,
                          "item" + i,
                          "c",
                          null,
                          null,
                          Map.of(),
                          null,
                          null))
              .collect(Collectors.toList());
      List<StacLink> links = new ArrayList<>();
      if (to < 7) {
        links.add(
            new StacLink(
                "next",
                "http://h/stac/search",
                null,
                null,
                "POST",
                Map.of("token", "t:" + to),
                true));
      }
      return ScriptedServer.Reply.json(
          200,
          Fixtures.write(new ItemCollection("FeatureCollection", items, links, 7, items.size())));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private List<String> tokensSent() {
    return server.requests().stream()
        .map(r -> readTree(r.body()).path("token").asText(null))
        .collect(Collectors.toList());
  }

  private static JsonNode readTree(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static final ItemSearchRequest THREE = ItemSearchRequest.builder().limit(3).build();

  @Test
  void theAutoPagerFollowsEachNextTokenToTheEnd() {
    SearchPage first = client.catalog().search(THREE);
    assertThat(first.numberMatched()).hasValue(7);
    assertThat(first.autoPager().stream().map(StacItem::id))
        .containsExactly("item0", "item1", "item2", "item3", "item4", "item5", "item6");
    assertThat(tokensSent()).containsExactly(null, "t:3", "t:6");
    assertThat(server.requests()).allMatch(r -> r.path().endsWith("/v1/op/catalog.search"));
  }

  @Test
  void aStreamStoppedEarlyFetchesNoFurtherPage() {
    assertThat(client.catalog().search(THREE).autoPager().stream().limit(2)).hasSize(2);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void theLastPageHasNoNext() {
    SearchPage last = client.catalog().search(THREE).nextPage().nextPage();
    assertThat(last.items()).extracting(StacItem::id).containsExactly("item6");
    assertThat(last.hasNextPage()).isFalse();
    assertThatThrownBy(last::nextPage).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void theAsyncPagerCollectsEveryPage() throws Exception {
    List<StacItem> all =
        client.async().catalog().search(THREE).thenCompose(p -> p.autoPager().toList()).get();
    assertThat(all).extracting(StacItem::id).hasSize(7).startsWith("item0").endsWith("item6");
    SearchPageAsync last =
        client.async().catalog().search(ItemSearchRequest.builder().limit(10).build()).get();
    assertThat(last.hasNextPage()).isFalse();
    assertThatThrownBy(() -> last.nextPage().get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NoSuchElementException.class);
  }
}
