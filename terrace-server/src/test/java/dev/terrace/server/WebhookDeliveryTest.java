package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.WebhookEvent;
import dev.terrace.client.Webhooks;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks delivered by a real server on loopback ({@code --webhook-allow 127.0.0.0/8}) to a
 * scripted receiver that fails, stalls and recovers, across a restart of the service.
 */
class WebhookDeliveryTest {

  private static final String SECRET = "whsec_delivery_test_secret";

  /** Milliseconds between attempts and a second per attempt, so that the test takes seconds. */
  static final WebhookOptions FAST =
      WebhookOptions.defaults()
          .withAllowed(List.of("127.0.0.0/8"))
          .withRetry(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofDays(1))
          .withAttemptTimeout(Duration.ofSeconds(1));

  @Test
  void aDeliveryFailsStallsAndRecoversEveryAttemptRecordedEverySignatureValid() throws Exception {
    int[] script = {500, WebhookReceiver.STALL, 200};
    AtomicInteger next = new AtomicInteger();
    try (WebhookReceiver receiver = new WebhookReceiver(() -> script[next.getAndIncrement()]);
        RunningServer running = RunningServer.start(b -> b.auth(true).webhooks(FAST))) {
      Caller caller = Caller.of(running);
      String webhookId = caller.create(receiver.url("/hooks/terrace"), "job.succeeded");

      int made =
          running
              .server
              .webhooks()
              .publish(
                  caller.owner,
                  WebhookEvent.JOB_SUCCEEDED,
                  "evt_1",
                  Map.of("id", "job_1", "status", "succeeded"));
      assertThat(made).isEqualTo(1);

      JsonNode delivery =
          caller.awaitDelivery(webhookId, d -> d.path("status").asText().equals("delivered"));
      assertThat(delivery.path("event").asText()).isEqualTo("job.succeeded");
      assertThat(delivery.path("event_id").asText()).isEqualTo("evt_1");
      assertThat(delivery.has("next_attempt_at")).isFalse();
      JsonNode attempts = delivery.path("attempts");
      assertThat(attempts).hasSize(3);
      assertThat(attempts.get(0).path("status_code").asInt()).isEqualTo(500);
      assertThat(attempts.get(0).has("error")).isFalse();
      assertThat(attempts.get(1).has("status_code")).isFalse();
      assertThat(attempts.get(1).path("error").asText()).isEqualTo("no answer within 1000 ms");
      assertThat(attempts.get(2).path("status_code").asInt()).isEqualTo(200);
      assertThat(attempts.get(2).has("error")).isFalse();

      List<WebhookReceiver.Received> got = new ArrayList<>(receiver.received);
      assertThat(got).hasSize(3);
      for (WebhookReceiver.Received r : got) {
        assertThat(r.path()).isEqualTo("/hooks/terrace");
        assertThat(r.header("Terrace-Event")).isEqualTo("job.succeeded");
        assertThat(r.header("Terrace-Delivery")).isEqualTo(delivery.path("id").asText());
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(
                Webhooks.verify(
                    r.body(), r.header("Terrace-Signature"), SECRET, Duration.ofMinutes(5)))
            .as(r.header("Terrace-Signature"))
            .isTrue();
        assertThat(
                Webhooks.verify(
                    r.body(),
                    r.header("Terrace-Signature"),
                    "whsec_other_secret_x",
                    Duration.ofMinutes(5)))
            .isFalse();
      }
      assertThat(got).extracting(WebhookReceiver.Received::body).containsOnly(got.get(0).body());
      JsonNode body = Json.MAPPER.readTree(got.get(0).body());
      assertThat(body.path("id").asText()).isEqualTo("evt_1");
      assertThat(body.path("type").asText()).isEqualTo("job.succeeded");
      assertThat(body.path("created_at").asText()).isEqualTo(delivery.path("created_at").asText());
      assertThat(body.path("data").path("id").asText()).isEqualTo("job_1");
      assertThat(body.path("data").path("status").asText()).isEqualTo("succeeded");
    }
  }

  @Test
  void aPendingDeliverySurvivesARestartAndIsDeliveredAfterIt(@TempDir Path dir) throws Exception {
    AtomicBoolean healthy = new AtomicBoolean();
    String database = "jdbc:sqlite:" + dir.resolve("terrace.db");
    try (WebhookReceiver receiver = new WebhookReceiver(() -> healthy.get() ? 204 : 503)) {
      String webhookId;
      String deliveryId;
      String key;
      String owner;
      try (RunningServer first =
          RunningServer.start(b -> b.auth(true).databaseUrl(database).webhooks(FAST))) {
        Caller caller = Caller.of(first);
        key = caller.key;
        owner = caller.owner;
        webhookId = caller.create(receiver.url("/hooks"), "job.failed", "job.succeeded");
        first
            .server
            .webhooks()
            .publish(owner, WebhookEvent.JOB_FAILED, "evt_2", Map.of("id", "job_2"));
        JsonNode pending = caller.awaitDelivery(webhookId, d -> d.path("attempts").size() >= 2);
        assertThat(pending.path("status").asText()).isEqualTo("pending");
        assertThat(pending.path("attempts").get(0).path("status_code").asInt()).isEqualTo(503);
        deliveryId = pending.path("id").asText();
      }
      healthy.set(true);
      try (RunningServer second =
          RunningServer.start(b -> b.auth(true).databaseUrl(database).webhooks(FAST))) {
        Caller caller = new Caller(second, key, owner);
        JsonNode delivered =
            caller.awaitDelivery(webhookId, d -> d.path("status").asText().equals("delivered"));
        assertThat(delivered.path("id").asText()).isEqualTo(deliveryId);
        JsonNode attempts = delivered.path("attempts");
        assertThat(attempts.get(attempts.size() - 1).path("status_code").asInt()).isEqualTo(204);
        for (int i = 0; i < attempts.size() - 1; i++) {
          assertThat(attempts.get(i).path("status_code").asInt()).isEqualTo(503);
        }
        assertThat(receiver.received)
            .allSatisfy(
                r -> {
                  assertThat(r.header("Terrace-Delivery")).isEqualTo(deliveryId);
                  assertThat(
                          Webhooks.verify(
                              r.body(),
                              r.header("Terrace-Signature"),
                              SECRET,
                              Duration.ofMinutes(5)))
                      .isTrue();
                });
      }
    }
    assertThat(Files.exists(dir.resolve("terrace.db"))).isTrue();
  }

  @Test
  void anAddressNoLongerAllowedFailsTheAttemptWithoutConnectingAndTheDeliveryGivesUp(
      @TempDir Path dir) throws Exception {
    String database = "jdbc:sqlite:" + dir.resolve("terrace.db");
    try (WebhookReceiver receiver = new WebhookReceiver(() -> 200)) {
      WebhookDeliveryTest.Caller creator;
      String webhookId;
      try (RunningServer allowing =
          RunningServer.start(b -> b.auth(true).databaseUrl(database).webhooks(FAST))) {
        creator = Caller.of(allowing);
        webhookId = creator.create(receiver.url("/hooks"), "job.succeeded");
      }
      // The operator took the block away, as DNS rebinding would move a name: checked again
      // before the attempt. Retried for a millisecond only, so the first failure is the last.
      WebhookOptions strict =
          FAST.withAllowed(List.of())
              .withRetry(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(1));
      try (RunningServer strictServer =
          RunningServer.start(b -> b.auth(true).databaseUrl(database).webhooks(strict))) {
        Caller caller = new Caller(strictServer, creator.key(), creator.owner());
        assertThat(
                strictServer
                    .server
                    .webhooks()
                    .publish(
                        caller.owner(), WebhookEvent.JOB_SUCCEEDED, "evt_3", Map.of("id", "j")))
            .isEqualTo(1);
        JsonNode failed =
            caller.awaitDelivery(webhookId, d -> d.path("status").asText().equals("failed"));
        assertThat(failed.has("next_attempt_at")).isFalse();
        assertThat(failed.path("attempts")).hasSize(1);
        JsonNode attempt = failed.path("attempts").get(0);
        assertThat(attempt.has("status_code")).isFalse();
        assertThat(attempt.path("error").asText())
            .isEqualTo(
                "url's host 127.0.0.1 is a loopback address: webhooks may not reach the service's"
                    + " own network unless the operator allows it (--webhook-allow)");
      }
      assertThat(receiver.received).isEmpty();
    }
  }

  /** A caller with an API key of its own, and its webhooks over HTTP. */
  record Caller(RunningServer running, String key, String owner) {

    static Caller of(RunningServer running) {
      ApiKeyStore.Created created =
          new ApiKeyStore(running.server.database()).create("hooks", Set.of(Scope.EXTRACT));
      return new Caller(running, created.secret(), "key:" + created.key().id());
    }

    String create(String url, String... events) throws Exception {
      HttpResponse<String> r =
          running.post(
              "/api/v1/webhooks",
              Json.MAPPER.writeValueAsString(
                  Map.of("url", url, "events", List.of(events), "secret", SECRET)),
              "Authorization",
              "Bearer " + key);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode webhook = Json.MAPPER.readTree(r.body());
      assertThat(webhook.path("secret").asText()).isEqualTo(SECRET);
      return webhook.path("id").asText();
    }

    /** The webhook's one delivery, once it is as the test waits for it to be. */
    JsonNode awaitDelivery(String webhookId, Predicate<JsonNode> done) throws Exception {
      long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      JsonNode last = null;
      while (System.nanoTime() < giveUp) {
        HttpResponse<String> r =
            running.get(
                "/api/v1/webhooks/" + webhookId + "/deliveries", "Authorization", "Bearer " + key);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode page = Json.MAPPER.readTree(r.body());
        assertThat(page.path("total").asInt()).isEqualTo(1);
        last = page.path("deliveries").get(0);
        if (done.test(last)) {
          return last;
        }
        Thread.sleep(20);
      }
      throw new AssertionError("the delivery never got there; last seen: " + last);
    }
  }
}
