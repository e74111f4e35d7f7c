package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.ErrorType;
import dev.terrace.api.Operation;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The /docs page: self-contained, complete, and its curl example works. */
class DocsTest {

  static final String CURL =
      "curl -s localhost:8000/v1/op/extract -H 'Content-Type: application/json' -d"
          + " '{\"geometry\":{\"type\":\"Point\",\"coordinates\":[6.13,49.61]},\"dataset_ids\":[\"lux:elevation\"]}'";

  private static final Pattern LINK =
      Pattern.compile(
          "\\b(?:src|href|action)\\s*=\\s*[\"']?([^\"'\\s>]*)", Pattern.CASE_INSENSITIVE);

  private static RunningServer server;
  private static HttpResponse<String> page;

  @BeforeAll
  static void fetch() {
    server = RunningServer.start();
    page = server.get("/docs");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void isAnHtmlPage() {
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.headers().firstValue("X-Request-ID")).isPresent();
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            p -> assertThat(p).contains("default-src 'none'").doesNotContain("http"));
    assertThat(page.body()).startsWith("<!doctype html>").contains("</html>").doesNotContain("{{");
  }

  @Test
  void referencesNoOtherHost() {
    assertThat(page.body())
        .doesNotContainIgnoringCase("http://")
        .doesNotContainIgnoringCase("https://");
    Matcher links = LINK.matcher(page.body());
    int count = 0;
    while (links.find()) {
      assertThat(links.group(1)).as(links.group()).matches("(/|#)[^/].*");
      count++;
    }
    assertThat(count).isPositive();
    assertThat(page.body()).contains("fetch('/openapi.json')");
  }

  @Test
  void listsOperationsRoutesAuthAndErrors() {
    String body = page.body();
    for (Operation op : Operation.values()) {
      assertThat(body).contains("/v1/op/" + op.operationName());
    }
    for (ApiRoutes.Route route : TerraceServer.ROUTES) {
      if (route != ApiRoutes.BY_NAME) {
        assertThat(body).contains(route.method().text() + " " + route.path());
      }
    }
    for (ErrorType type : ErrorType.values()) {
      assertThat(body).contains("<code>" + type.wireName() + "</code>");
    }
    assertThat(body)
        .contains(
            "Authorization: Bearer trc_",
            "X-API-Key",
            "Idempotency-Key",
            "Retry-After",
            "application/problem+json",
            "href=\"#schema-ExtractRequest\"");
  }

  @Test
  void curlExampleIsShownAndWorks() {
    assertThat(page.body()).contains(CURL);
    String body = CURL.substring(CURL.indexOf("-d '") + 4, CURL.length() - 1);
    HttpResponse<String> answer = server.post("/v1/op/extract", body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body())
        .contains("\"dataset_id\":\"lux:elevation\"")
        .contains("\"units\":\"m\"");
  }

  @Test
  void docsRoutesAnswer405ToOtherMethods() {
    for (String path : new String[] {"/docs", "/openapi.json", "/health"}) {
      HttpResponse<String> answer =
          server.send(
              HttpRequest.newBuilder(server.uri(path))
                  .POST(HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(answer.statusCode()).as(path).isEqualTo(405);
      assertThat(answer.headers().firstValue("Allow")).hasValue("GET");
    }
  }
}
