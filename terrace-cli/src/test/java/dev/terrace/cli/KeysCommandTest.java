package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.server.ServerConfig;
import dev.terrace.server.TerraceServer;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

  @TempDir Path dir;

  private String db() {
    return "jdbc:sqlite:" + dir.resolve("keys.db");
  }

  @Test
  void aCreatedKeyAuthenticatesOverHttpUntilItIsRevoked() throws Exception {
    Cli.Result created =
        Cli.run(
            "keys",
            "create",
            "--name",
            "etl",
            "--scope",
            "extract",
            "--scope",
            "catalog:read",
            "--db",
            db());
    assertThat(created.exitCode()).as(created.err()).isZero();
    String key = created.out().strip();
    assertThat(key).startsWith("trc_").doesNotContain("\n");
    String id = key.substring(4, key.indexOf('_', 4));
    assertThat(created.err())
        .contains("Created key " + id + " (etl) with scopes extract,catalog:read")
        .contains("shown only once");

    ServerConfig config =
        ServerConfig.defaults().toBuilder()
            .host("127.0.0.1")
            .port(0)
            .auth(true)
            .databaseUrl(db())
            .build();
    try (TerraceServer server = TerraceServer.start(config);
        HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest.Builder providers =
          HttpRequest.newBuilder(server.uri().resolve("/api/v1/providers"));
      assertThat(status(http, providers.copy().header("Authorization", "Bearer " + key)))
          .isEqualTo(200);
      assertThat(status(http, providers.copy().header("X-API-Key", key))).isEqualTo(200);
      assertThat(status(http, providers.copy())).isEqualTo(401);

      Cli.Result revoked = Cli.run("keys", "revoke", id, "--db", db());
      assertThat(revoked.exitCode()).as(revoked.err()).isZero();
      assertThat(revoked.out()).contains("Revoked key " + id);
      assertThat(status(http, providers.copy().header("Authorization", "Bearer " + key)))
          .isEqualTo(401);
    }

    Cli.Result again = Cli.run("keys", "revoke", id, "--db", db());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .contains("no active key with id '" + id + "'")
        .contains("terrace keys list");
  }

  @Test
  void listPrintsATableAndJsonWithoutSecrets() throws Exception {
    String first =
        Cli.run("keys", "create", "--name", "etl", "--scope", "extract", "--db", db())
            .out()
            .strip();
    Cli.run("keys", "create", "--name", "ops", "--scope", "admin", "--db", db());
    Cli.run("keys", "revoke", first, "--db", db());

    Cli.Result table = Cli.run("keys", "list", "--db", db());
    assertThat(table.exitCode()).isZero();
    String[] lines = table.out().split("\\R");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).matches("ID\\s+NAME\\s+SCOPES\\s+CREATED\\s+REVOKED");
    assertThat(lines[1]).contains("etl", "extract").matches(".*Z\\s+\\d{4}-.*Z$");
    assertThat(lines[2]).contains("ops", "admin").endsWith("-");
    assertThat(table.out()).doesNotContain(first);

    Cli.Result json = Cli.run("keys", "list", "--json", "--db", db());
    JsonNode keys = new ObjectMapper().readTree(json.out());
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0).get("name").asText()).isEqualTo("etl");
    assertThat(keys.get(0).get("active").asBoolean()).isFalse();
    assertThat(keys.get(1).get("scopes").get(0).asText()).isEqualTo("admin");
    assertThat(keys.get(1).get("revoked_at").isNull()).isTrue();
    assertThat(json.out()).doesNotContain(first);
  }

  @Test
  void anEmptyListSaysHowToCreateAKey() {
    Cli.Result empty = Cli.run("keys", "list", "--db", db());
    assertThat(empty.exitCode()).isZero();
    assertThat(empty.out()).isEmpty();
    assertThat(empty.err()).contains("terrace keys create");
  }

  @Test
  void anUnknownScopeIsAUsageErrorListingTheValidOnes() {
    Cli.Result r = Cli.run("keys", "create", "--name", "x", "--scope", "write", "--db", db());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "unknown scope 'write'", "extract, catalog:read, admin", "terrace keys create --help");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMissingOptionIsAUsageError() {
    Cli.Result r = Cli.run("keys", "create", "--scope", "extract", "--db", db());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--name");
  }

  @Test
  void anUnreachableDatabaseNamesItsUrlWithoutThePassword() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String url =
        "jdbc:postgresql://127.0.0.1:" + closedPort + "/terrace?user=terrace&password=hunter2";
    Cli.Result r = Cli.run("keys", "list", "--db", url);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "jdbc:postgresql://127.0.0.1:" + closedPort + "/terrace?user=terrace&password=***")
        .contains("Check --db")
        .doesNotContain("hunter2")
        .doesNotContain("\tat ");
  }

  @Test
  void anUnsupportedDatabaseUrlIsAUsageError() {
    Cli.Result r = Cli.run("keys", "list", "--db", "jdbc:mysql://db/terrace");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
  }

  @Test
  void everyCommandHasHelpWithAnExampleAndTheExitCodes() {
    for (String[] command :
        new String[][] {
          {}, {"serve"}, {"keys"}, {"keys", "create"}, {"keys", "list"}, {"keys", "revoke"}
        }) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      Cli.Result r = Cli.run(args);
      assertThat(r.exitCode()).isZero();
      assertThat(r.out())
          .as(String.join(" ", args))
          .contains("Usage: terrace", "Examples:", "Exit codes:", "2   wrong command line");
    }
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Result r = Cli.run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Missing a command", "terrace --help");
  }

  private static int status(HttpClient http, HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
