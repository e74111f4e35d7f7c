package dev.terrace.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.CreateWebhookRequest;
import dev.terrace.api.ListWebhookDeliveriesRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.Webhook;
import dev.terrace.api.WebhookAttempt;
import dev.terrace.api.WebhookDelivery;
import dev.terrace.api.WebhookDeliveryPage;
import dev.terrace.api.WebhookDeliveryStatus;
import dev.terrace.api.WebhookEvent;
import dev.terrace.client.ScriptedServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** {@link Webhooks#verify} against openssl's HMAC, and the webhooks namespace over HTTP. */
class WebhooksTest {

  private static final String SECRET = "whsec_test_secret_0123456789";
  private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"job.succeeded\"}";

  /**
   * {@code printf '%s' '1700000000.{"id":"evt_1","type":"job.succeeded"}' | openssl dgst -sha256
   * -hmac 'whsec_test_secret_0123456789'}
   */
  private static final String OPENSSL =
      "464c43168f7a78f2e672a3a97428d4dd9a26b07ba0c560bc5e83d3c5eec759eb";

  private static final Clock AT =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  private static boolean verify(String header) {
    return Webhooks.verify(BODY, header, SECRET, FIVE_MINUTES, AT);
  }

  @Test
  void acceptsOpensslsSignatureAmongOthersInAnyCaseAndOrder() {
    assertThat(verify("t=1700000000,v1=" + OPENSSL)).isTrue();
    assertThat(verify("v1=" + "0".repeat(64) + ", t=1700000000 , v1=" + OPENSSL.toUpperCase()))
        .isTrue();
    assertThat(verify("t=1700000000,v0=ignored,v1=" + OPENSSL)).isTrue();
  }

  @Test
  void refusesWhatIsMissingMalformedWrongOrStale() {
    for (String header :
        List.of(
            "",
            "v1=" + OPENSSL,
            "t=1700000000",
            "t=1700000000,v1=" + "0".repeat(64),
            "t=abc,v1=" + OPENSSL,
            "t=1700000000,t=1700000000,v1=" + OPENSSL,
            "t=1699999699,v1=" + OPENSSL)) {
      assertThat(verify(header)).as(header).isFalse();
    }
    assertThat(Webhooks.verify(BODY, null, SECRET, FIVE_MINUTES)).isFalse();
    assertThat(Webhooks.verify(BODY, "t=1700000000,v1=" + OPENSSL, "", FIVE_MINUTES, AT)).isFalse();
    Clock tooLate = Clock.offset(AT, FIVE_MINUTES.plusSeconds(1));
    assertThat(Webhooks.verify(BODY, "t=1700000000,v1=" + OPENSSL, SECRET, FIVE_MINUTES, tooLate))
        .isFalse();
  }

  @Test
  void theNamespaceCallsTheWebhookOperationsAndPagesDeliveries() throws Exception {
    Webhook created =
        new Webhook(
            "wh_1",
            "https://example.com/h",
            List.of(WebhookEvent.JOB_FAILED),
            "2026-01-01T00:00:00Z",
            SECRET);
    List<WebhookDelivery> deliveries =
        IntStream.range(0, 3)
            .mapToObj(
                i ->
                    new WebhookDelivery(
                        "dlv_" + i,
                        "wh_1",
                        WebhookEvent.JOB_FAILED,
                        "evt_" + i,
                        "2026-01-01T00:00:00Z",
                        WebhookDeliveryStatus.DELIVERED,
                        List.of(new WebhookAttempt("2026-01-01T00:00:01Z", 200, 5, null)),
                        null))
            .toList();
    try (ScriptedServer server = new ScriptedServer()) {
      server.enqueue(
          Reply.json(200, Fixtures.write(created)),
          Reply.json(
              200, Fixtures.write(WebhookDeliveryPage.of(3, 2, 0, deliveries.subList(0, 2)))),
          Reply.json(
              200, Fixtures.write(WebhookDeliveryPage.of(3, 2, 2, deliveries.subList(2, 3)))),
          Reply.problem(
              404,
              "{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"error_type\":\"not_found\",\"detail\":\"no webhook\"}"));
      try (TerraceClient client = Fixtures.client(server, new RecordingSleeper()).build()) {
        Webhook hook =
            client
                .webhooks()
                .create(CreateWebhookRequest.of("https://example.com/h", WebhookEvent.JOB_FAILED));
        assertThat(hook.secret()).isEqualTo(SECRET);
        assertThat(
                client
                    .webhooks()
                    .deliveries(new ListWebhookDeliveriesRequest("wh_1", 2, 0))
                    .autoPager()
                    .stream()
                    .map(WebhookDelivery::id))
            .containsExactly("dlv_0", "dlv_1", "dlv_2");
        Assertions.assertThatThrownBy(() -> client.webhooks().delete("wh_gone"))
            .isInstanceOf(NotFoundException.class);
      }
      List<ScriptedServer.Recorded> requests = server.requests();
      assertThat(requests)
          .extracting(ScriptedServer.Recorded::path)
          .containsExactly(
              "/v1/op/webhooks.create",
              "/v1/op/webhooks.deliveries.list",
              "/v1/op/webhooks.deliveries.list",
              "/v1/op/webhooks.delete");
      assertThat(requests.get(0).header("Idempotency-Key")).isNotBlank();
      assertThat(requests.get(0).body())
          .isEqualTo("{\"url\":\"https://example.com/h\",\"events\":[\"job.failed\"]}");
      assertThat(requests.get(2).body()).contains("\"webhook_id\":\"wh_1\"", "\"offset\":2");
      assertThat(requests.get(3).body()).isEqualTo("{\"id\":\"wh_gone\"}");
    }
  }
}
