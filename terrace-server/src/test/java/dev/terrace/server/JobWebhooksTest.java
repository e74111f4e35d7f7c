package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.client.Webhooks;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A job tells its owner's webhooks of its progress (at most once a minute) and of its end, each
 * event signed, to a receiver on loopback that the operator allowed.
 */
class JobWebhooksTest {

  private static final String CSV =
      "lon,lat\n5.9,49.9\n6.13,49.61\n5.9,49.9\n6.13,49.61\n5.9,49.9\n";

  @Test
  void aJobsProgressAndEndReachItsOwnersWebhooks() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(() -> 200);
        RunningServer running =
            RunningServer.start(
                b ->
                    b.auth(true)
                        .webhooks(WebhookDeliveryTest.FAST)
                        .jobs(new JobSettings(b.build().jobs().folder(), 1, 2)))) {
      WebhookDeliveryTest.Caller caller = WebhookDeliveryTest.Caller.of(running);
      String webhook =
          caller.create(receiver.url("/hooks"), "job.succeeded", "job.progress", "job.cancelled");

      HttpResponse<String> created =
          running.send(
              HttpRequest.newBuilder(running.uri("/api/v1/jobs?dataset_ids=lux:elevation"))
                  .header("Content-Type", "text/csv")
                  .header("Authorization", "Bearer " + caller.key())
                  .POST(HttpRequest.BodyPublishers.ofString(CSV)));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
      String job = Json.MAPPER.readTree(created.body()).path("id").asText();

      List<JsonNode> events = new ArrayList<>();
      long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < giveUp) {
        events.clear();
        for (WebhookReceiver.Received r : receiver.received) {
          assertThat(
                  Webhooks.verify(
                      r.body(),
                      r.header("Terrace-Signature"),
                      "whsec_delivery_test_secret",
                      Duration.ofMinutes(5)))
              .isTrue();
          events.add(Json.MAPPER.readTree(r.body()));
        }
        // Deliveries are sent as they fall due, each on its own: either may come first.
        if (events.stream().anyMatch(e -> e.path("type").asText().equals("job.succeeded"))
            && events.stream().anyMatch(e -> e.path("type").asText().equals("job.progress"))) {
          break;
        }
        Thread.sleep(20);
      }
      // Three chunks committed, but progress is told once a minute: the first only.
      assertThat(events)
          .extracting(e -> e.path("type").asText())
          .containsExactlyInAnyOrder("job.progress", "job.succeeded");
      JsonNode progress =
          events.stream()
              .filter(e -> e.path("type").asText().equals("job.progress"))
              .findFirst()
              .orElseThrow();
      assertThat(progress.at("/data/id").asText()).isEqualTo(job);
      assertThat(progress.at("/data/processed").asLong()).isEqualTo(2);
      assertThat(progress.path("id").asText()).isEqualTo("evt_" + job + "_2");
      JsonNode succeeded =
          events.stream()
              .filter(e -> e.path("type").asText().equals("job.succeeded"))
              .findFirst()
              .orElseThrow();
      assertThat(succeeded.at("/data/status").asText()).isEqualTo("succeeded");
      assertThat(succeeded.at("/data/processed").asLong()).isEqualTo(5);
      assertThat(succeeded.path("id").asText()).isEqualTo("evt_" + job + "_succeeded");

      HttpResponse<String> deliveries =
          running.get(
              "/api/v1/webhooks/" + webhook + "/deliveries",
              "Authorization",
              "Bearer " + caller.key());
      assertThat(Json.MAPPER.readTree(deliveries.body()).path("total").asInt()).isEqualTo(2);
    }
  }
}
