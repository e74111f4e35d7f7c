package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.Webhook;
import dev.terrace.api.WebhookDelivery;
import dev.terrace.api.WebhookDeliveryPage;
import dev.terrace.api.WebhookDeliveryStatus;
import dev.terrace.api.WebhookEvent;
import dev.terrace.api.WebhookPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The webhook store's SQL, run once per database kind by the subclasses. */
abstract class WebhookStoreContract {

  private String databaseUrl;
  private Database db;
  private WebhookStore store;

  void startWith(String databaseUrl) {
    this.databaseUrl = databaseUrl;
    db = Database.open(databaseUrl);
    store = new WebhookStore(db);
  }

  @AfterAll
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void webhooksBelongToTheirOwnerAndPage() {
    Webhook a =
        store.create(
            "key:pager", "https://203.0.113.1/a", List.of(WebhookEvent.JOB_FAILED), "s".repeat(16));
    Webhook b =
        store.create(
            "key:pager",
            "https://203.0.113.1/b",
            List.of(WebhookEvent.JOB_SUCCEEDED, WebhookEvent.JOB_PROGRESS),
            "t".repeat(16));
    store.create(
        "key:someone-else",
        "https://203.0.113.1/c",
        List.of(WebhookEvent.JOB_FAILED),
        "u".repeat(16));
    assertThat(a.id()).startsWith("wh_").hasSize(27);
    assertThat(a.secret()).isEqualTo("s".repeat(16));

    // Oldest first, then by id: two made in the same millisecond may come in either order.
    WebhookPage first = store.list("key:pager", 1, 0);
    assertThat(first.total()).isEqualTo(2);
    assertThat(first.hasNextPage()).isTrue();
    WebhookPage second = store.list("key:pager", 1, first.nextOffset());
    assertThat(second.hasNextPage()).isFalse();
    List<Webhook> both = List.of(first.webhooks().get(0), second.webhooks().get(0));
    assertThat(both).extracting(Webhook::id).containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(both).extracting(Webhook::secret).containsOnlyNulls();
    assertThat(both.stream().filter(w -> w.id().equals(b.id())).findFirst().orElseThrow().events())
        .containsExactly(WebhookEvent.JOB_SUCCEEDED, WebhookEvent.JOB_PROGRESS);

    assertThat(store.subscribers("key:pager", WebhookEvent.JOB_FAILED)).containsExactly(a.id());
    assertThat(store.subscribers("key:pager", WebhookEvent.JOB_CANCELLED)).isEmpty();
    assertThat(store.delete("key:someone-else", a.id())).isEmpty();
    assertThat(store.deliveries("key:someone-else", a.id(), 10, 0)).isEmpty();
  }

  @Test
  void aDeliveryIsClaimedOnceAndRecordedWithItsAttempts() {
    Webhook hook =
        store.create(
            "key:deliverer",
            "https://203.0.113.1/d",
            List.of(WebhookEvent.JOB_SUCCEEDED),
            "v".repeat(16));
    long now = System.currentTimeMillis();
    String id = store.newId("dlv_");
    store.insert(
        List.of(
            new WebhookStore.NewDelivery(
                id, hook.id(), WebhookEvent.JOB_SUCCEEDED, "evt_9", "{}", now)));
    WebhookStore.Due due =
        store.due(now, 100).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    assertThat(due.url()).isEqualTo("https://203.0.113.1/d");
    assertThat(due.secret()).isEqualTo("v".repeat(16));
    assertThat(due.attempts()).isZero();
    assertThat(store.nextDue().orElseThrow()).isLessThanOrEqualTo(now);

    assertThat(store.claim(due, now + 60_000)).isTrue();
    assertThat(store.claim(due, now + 60_000)).as("claimed already").isFalse();
    assertThat(store.due(now, 100)).extracting(WebhookStore.Due::id).doesNotContain(id);

    store.record(id, 1, now, 503, 12, null, WebhookDeliveryStatus.PENDING, now + 5);
    store.record(
        id,
        2,
        now + 5,
        null,
        300,
        "no answer within 300 ms",
        WebhookDeliveryStatus.PENDING,
        now + 10);
    WebhookDelivery pending =
        store.deliveries("key:deliverer", hook.id(), 10, 0).orElseThrow().deliveries().get(0);
    assertThat(pending.status()).isEqualTo(WebhookDeliveryStatus.PENDING);
    assertThat(pending.nextAttemptAt()).isEqualTo(WebhookStore.time(now + 10));
    assertThat(
            store.due(now + 10, 100).stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow()
                .attempts())
        .isEqualTo(2);

    store.record(id, 3, now + 10, 200, 7, null, WebhookDeliveryStatus.DELIVERED, null);
    WebhookDeliveryPage page = store.deliveries("key:deliverer", hook.id(), 10, 0).orElseThrow();
    assertThat(page.total()).isEqualTo(1);
    WebhookDelivery delivered = page.deliveries().get(0);
    assertThat(delivered.id()).isEqualTo(id);
    assertThat(delivered.eventId()).isEqualTo("evt_9");
    assertThat(delivered.status()).isEqualTo(WebhookDeliveryStatus.DELIVERED);
    assertThat(delivered.nextAttemptAt()).isNull();
    assertThat(delivered.attempts())
        .extracting(a -> a.statusCode(), a -> a.latencyMs(), a -> a.error())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(503, 12L, null),
            org.assertj.core.groups.Tuple.tuple(null, 300L, "no answer within 300 ms"),
            org.assertj.core.groups.Tuple.tuple(200, 7L, null));
    assertThat(delivered.attempts().get(0).at()).isEqualTo(WebhookStore.time(now));

    assertThat(store.delete("key:deliverer", hook.id())).isPresent();
    assertThat(store.deliveries("key:deliverer", hook.id(), 10, 0)).isEmpty();
    assertThat(store.due(Long.MAX_VALUE, 1000)).extracting(WebhookStore.Due::id).doesNotContain(id);
  }

  @Test
  void aServerOnThisDatabaseDeliversToALoopbackReceiver() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(() -> 200);
        RunningServer running =
            RunningServer.start(
                b -> b.auth(true).databaseUrl(databaseUrl).webhooks(WebhookDeliveryTest.FAST))) {
      WebhookDeliveryTest.Caller caller = WebhookDeliveryTest.Caller.of(running);
      String webhookId = caller.create(receiver.url("/pg"), "job.cancelled");
      running
          .server
          .webhooks()
          .publish(caller.owner(), WebhookEvent.JOB_CANCELLED, "evt_c", Map.of("id", "job_c"));
      JsonNode delivery =
          caller.awaitDelivery(webhookId, d -> d.path("status").asText().equals("delivered"));
      assertThat(delivery.path("attempts")).hasSize(1);
      assertThat(delivery.at("/attempts/0/status_code").asInt()).isEqualTo(200);
      assertThat(receiver.received).hasSize(1);
    }
  }
}
