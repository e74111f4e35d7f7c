package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.WebhookEvent;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook operations on a server with the default options: no internal address allowed, a
 * problem naming the field for every refusal, and each caller seeing only its own webhooks.
 */
class WebhookRoutesTest {

  private static RunningServer running;
  private static String alice;
  private static String aliceOwner;
  private static String bob;

  @BeforeAll
  static void start() {
    running = RunningServer.start(b -> b.auth(true));
    ApiKeyStore keys = new ApiKeyStore(running.server.database());
    ApiKeyStore.Created a = keys.create("alice", Set.of(Scope.EXTRACT));
    alice = a.secret();
    aliceOwner = "key:" + a.key().id();
    bob = keys.create("bob", Set.of(Scope.EXTRACT, Scope.CATALOG_READ)).secret();
  }

  @AfterAll
  static void stop() throws Exception {
    running.close();
  }

  private static HttpResponse<String> post(String key, String path, String body) {
    return running.post(path, body, "Authorization", "Bearer " + key);
  }

  private static HttpResponse<String> send(String key, String method, String path) {
    return running.send(
        HttpRequest.newBuilder(running.uri(path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Authorization", "Bearer " + key));
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  private static String create(String key, String events) throws Exception {
    HttpResponse<String> r =
        post(
            key,
            "/v1/op/webhooks.create",
            "{\"url\":\"https://203.0.113.7/hooks\",\"events\":" + events + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r).path("id").asText();
  }

  private static void assertProblemAt(HttpResponse<String> r, int status, Object... loc)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode field = json(r).at("/errors/0/loc");
    assertThat(Json.MAPPER.convertValue(field, List.class)).as(r.body()).isEqualTo(List.of(loc));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hooks",
        "https://10.0.0.1/hooks",
        "https://169.254.169.254/latest/meta-data",
        "https://localhost/hooks",
        "http://203.0.113.7/hooks"
      })
  void aUrlIntoTheServicesNetworkOrNotHttpsIsA422NamingUrl(String url) throws Exception {
    HttpResponse<String> r =
        post(alice, "/api/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"job.failed\"]}");
    assertProblemAt(r, 422, "url");
    assertThat(json(r).path("detail").asText()).containsAnyOf("--webhook-allow", "must use https");
  }

  @Test
  void badEventsAndSecretsAre422sNamingTheirField() throws Exception {
    String url = "\"url\":\"https://203.0.113.7/hooks\"";
    assertProblemAt(
        post(alice, "/v1/op/webhooks.create", "{" + url + ",\"events\":[\"job.exploded\"]}"),
        422,
        "events",
        0);
    assertProblemAt(post(alice, "/v1/op/webhooks.create", "{" + url + "}"), 422, "events");
    assertProblemAt(
        post(alice, "/v1/op/webhooks.create", "{" + url + ",\"events\":[]}"), 422, "events");
    assertProblemAt(
        post(
            alice,
            "/v1/op/webhooks.create",
            "{" + url + ",\"events\":[\"job.failed\"],\"secret\":\"short\"}"),
        422,
        "secret");
    assertProblemAt(
        post(alice, "/v1/op/webhooks.create", "{\"events\":[\"job.failed\"]}"), 422, "url");
    assertProblemAt(send(alice, "GET", "/api/v1/webhooks?limit=0"), 422, "limit");
  }

  @Test
  void aCreatedWebhookShowsItsSecretOnceAndOnlyItsOwnerSeesOrDeletesIt() throws Exception {
    HttpResponse<String> created =
        post(
            alice,
            "/api/v1/webhooks",
            "{\"url\":\"https://203.0.113.7/own\",\"events\":[\"job.succeeded\",\"job.succeeded\",\"job.cancelled\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode webhook = json(created);
    String id = webhook.path("id").asText();
    assertThat(webhook.path("secret").asText()).startsWith("whsec_").hasSize(30);
    assertThat(webhook.path("events"))
        .extracting(JsonNode::asText)
        .containsExactly("job.succeeded", "job.cancelled");
    assertThat(webhook.path("created_at").asText()).endsWith("Z");

    JsonNode listed = json(send(alice, "GET", "/api/v1/webhooks"));
    JsonNode mine = null;
    for (JsonNode w : listed.path("webhooks")) {
      if (w.path("id").asText().equals(id)) {
        mine = w;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.has("secret")).isFalse();

    assertThat(json(send(bob, "GET", "/api/v1/webhooks")).path("total").asInt()).isZero();
    assertProblemAt(send(bob, "DELETE", "/api/v1/webhooks/" + id), 404, "id");
    assertProblemAt(send(bob, "GET", "/api/v1/webhooks/" + id + "/deliveries"), 404, "webhook_id");

    HttpResponse<String> deleted = send(alice, "DELETE", "/api/v1/webhooks/" + id);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    assertThat(json(deleted).path("id").asText()).isEqualTo(id);
    assertThat(json(deleted).has("secret")).isFalse();
    assertProblemAt(send(alice, "DELETE", "/api/v1/webhooks/" + id), 404, "id");
    assertProblemAt(
        post(alice, "/v1/op/webhooks.deliveries.list", "{\"webhook_id\":\"" + id + "\"}"),
        404,
        "webhook_id");
  }

  @Test
  void aKeyWithoutTheExtractScopeCannotManageWebhooks() throws Exception {
    String reader =
        new ApiKeyStore(running.server.database())
            .create("reader", Set.of(Scope.CATALOG_READ))
            .secret();
    HttpResponse<String> r = send(reader, "GET", "/api/v1/webhooks");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
  }

  @Test
  void eventsGoOnlyToSubscribersAndProgressAtMostOnceAMinutePerJob() throws Exception {
    String progress = create(alice, "[\"job.progress\"]");
    String failures = create(alice, "[\"job.failed\"]");
    WebhookDispatcher dispatcher = running.server.webhooks();
    assertThat(
            dispatcher.publish(
                aliceOwner, WebhookEvent.JOB_PROGRESS, "evt_p1", Map.of("id", "job_1")))
        .isEqualTo(1);
    assertThat(
            dispatcher.publish(
                aliceOwner, WebhookEvent.JOB_PROGRESS, "evt_p2", Map.of("id", "job_1")))
        .as("the same job within the minute")
        .isZero();
    assertThat(
            dispatcher.publish(
                aliceOwner, WebhookEvent.JOB_PROGRESS, "evt_p3", Map.of("id", "job_2")))
        .isEqualTo(1);
    assertThat(
            dispatcher.publish(
                "key:nobody", WebhookEvent.JOB_PROGRESS, "evt_p4", Map.of("id", "job_3")))
        .isZero();

    JsonNode deliveries =
        json(send(alice, "GET", "/api/v1/webhooks/" + progress + "/deliveries?limit=10"));
    assertThat(deliveries.path("total").asInt()).isEqualTo(2);
    assertThat(deliveries.path("deliveries"))
        .extracting(d -> d.path("event_id").asText())
        .containsExactlyInAnyOrder("evt_p1", "evt_p3");
    assertThat(
            json(send(alice, "GET", "/api/v1/webhooks/" + failures + "/deliveries"))
                .path("total")
                .asInt())
        .isZero();
  }

  @Test
  void backoffDoublesFromTheBaseUpToTheCap() {
    WebhookDispatcher dispatcher = running.server.webhooks();
    assertThat(List.of(1, 2, 3, 4, 9, 10, 11, 1000))
        .extracting(dispatcher::backoff)
        .containsExactly(
            10_000L, 20_000L, 40_000L, 80_000L, 2_560_000L, 3_600_000L, 3_600_000L, 3_600_000L);
  }
}
