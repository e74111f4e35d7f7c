package dev.terrace.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.Dataset;
import dev.terrace.api.DatasetPage;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.Provider;
import dev.terrace.api.ProviderPage;
import dev.terrace.client.ScriptedServer.Recorded;
import dev.terrace.client.ScriptedServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A catalog of 5 datasets and 3 providers, served by limit and offset. */
class PaginationTest {

  private ScriptedServer server;
  private TerraceClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer(PaginationTest::serve);
    client = Fixtures.client(server, new RecordingSleeper()).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  private static Reply serve(Recorded request) {
    try {
      JsonNode body = Json.MAPPER.readTree(request.body());
      int limit = body.path("limit").asInt();
      int offset = body.path("offset").asInt();
      if (request.path().endsWith("catalog.datasets.list")) {
        List<Dataset> items =
            IntStream.range(offset, Math.min(offset + limit, 5))
                .mapToObj(
                    i -> Json.MAPPER.convertValue(java.util.Map.of("id", "p:d" + i), Dataset.class))
                .collect(Collectors.toList());
        return Reply.json(200, Fixtures.write(DatasetPage.of(5, limit, offset, items)));
      }
      List<Provider> items =
          IntStream.range(offset, Math.min(offset + limit, 3))
              .mapToObj(
                  i -> Json.MAPPER.convertValue(java.util.Map.of("slug", "p" + i), Provider.class))
              .collect(Collectors.toList());
      return Reply.json(200, Fixtures.write(ProviderPage.of(3, limit, offset, items)));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private List<Integer> offsetsAsked() {
    return server.requests().stream()
        .map(r -> Json.MAPPER.convertValue(readTree(r.body()).path("offset"), Integer.class))
        .collect(Collectors.toList());
  }

  private static JsonNode readTree(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theAutoPagerWalksEveryPage() {
    CatalogPage<Dataset> first =
        client.catalog().datasets().list(new ListDatasetsRequest(null, 2, 0));

    List<String> ids = new ArrayList<>();
    for (Dataset d : first.autoPager()) {
      ids.add(d.id());
    }

    assertThat(ids).containsExactly("p:d0", "p:d1", "p:d2", "p:d3", "p:d4");
    assertThat(offsetsAsked()).containsExactly(0, 2, 4);
  }

  @Test
  void aStreamStoppedEarlyFetchesNoFurtherPage() {
    List<String> ids =
        client.catalog().datasets().list(new ListDatasetsRequest(null, 2, 0)).autoPager().stream()
            .limit(3)
            .map(Dataset::id)
            .collect(Collectors.toList());

    assertThat(ids).containsExactly("p:d0", "p:d1", "p:d2");
    assertThat(offsetsAsked()).containsExactly(0, 2);
  }

  @Test
  void nextPageKeepsTheFilterAndSizeAndStopsAtTheLast() {
    CatalogPage<Dataset> page =
        client.catalog().datasets().list(new ListDatasetsRequest("p", 3, 0));
    CatalogPage<Dataset> last = page.nextPage();

    assertThat(page.hasNextPage()).isTrue();
    assertThat(last.offset()).isEqualTo(3);
    assertThat(last.items()).extracting(Dataset::id).containsExactly("p:d3", "p:d4");
    assertThat(last.hasNextPage()).isFalse();
    assertThat(last.page()).isInstanceOf(DatasetPage.class);
    assertThatThrownBy(last::nextPage).isInstanceOf(NoSuchElementException.class);
    assertThat(readTree(server.requests().get(1).body()).path("provider").asText()).isEqualTo("p");
  }

  @Test
  void theAsyncPagerCollectsEveryPage() throws Exception {
    List<Provider> all =
        client
            .async()
            .catalog()
            .providers()
            .list(new ListProvidersRequest(1, 0))
            .thenCompose(page -> page.autoPager().toList())
            .get();

    assertThat(all).extracting(Provider::slug).containsExactly("p0", "p1", "p2");
    assertThat(offsetsAsked()).containsExactly(0, 1, 2);
  }

  @Test
  void theAsyncPagerStopsWhenTheActionSaysSo() throws Exception {
    List<String> seen = new ArrayList<>();

    client
        .async()
        .catalog()
        .datasets()
        .list(new ListDatasetsRequest(null, 2, 0))
        .thenCompose(page -> page.autoPager().forEach(d -> seen.add(d.id()) && seen.size() < 3))
        .get();

    assertThat(seen).containsExactly("p:d0", "p:d1", "p:d2");
    assertThat(offsetsAsked()).containsExactly(0, 2);
  }

  @Test
  void theAsyncNextPageAfterTheLastFails() throws Exception {
    CatalogPageAsync<Dataset> last =
        client.async().catalog().datasets().list(new ListDatasetsRequest(null, 10, 0)).get();

    assertThat(last.count()).isEqualTo(5);
    assertThatThrownBy(() -> last.nextPage().get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NoSuchElementException.class);
  }
}
