package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;

class OptionPrecedenceTest {

  @TempDir Path dir;

  @Test
  void withNothingSetServeUsesTheDocumentedDefaults() {
    ServerConfig c = Cli.parseServe(Map.of()).serverConfig();
    assertThat(c.port()).isEqualTo(8000);
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.catalog()).isNull();
    assertThat(c.auth()).isFalse();
    assertThat(c.databaseUrl()).isEqualTo("jdbc:sqlite:terrace.db");
    assertThat(c.rateLimit()).isEqualTo(100.0);
    assertThat(c.rateBurst()).isEqualTo(200);
    assertThat(c.maxBodyBytes()).isEqualTo(16L << 20);
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.limits().maxDatasets()).isEqualTo(50);
    assertThat(c.limits().maxGeometries()).isEqualTo(1000);
    assertThat(c.limits().maxVertices()).isEqualTo(10_000);
    assertThat(c.webhooks().allowed()).isEmpty();
  }

  @Test
  void webhookAllowTakesBlocksFromTheFlagOrTheEnvironment() {
    assertThat(
            Cli.parseServe(Map.of(), "--webhook-allow", "127.0.0.0/8,::1/128")
                .serverConfig()
                .webhooks()
                .allowed())
        .containsExactly("127.0.0.0/8", "::1/128");
    assertThat(
            Cli.parseServe(Map.of("TERRACE_WEBHOOK_ALLOW", "10.1.0.0/16"))
                .serverConfig()
                .webhooks()
                .allowed())
        .containsExactly("10.1.0.0/16");
  }

  @Test
  void aFlagBeatsTheEnvironmentWhichBeatsTheConfigFile() throws Exception {
    Path yaml =
        Files.writeString(
            dir.resolve("terrace.yaml"),
            """
        port: 7001
        host: 127.0.0.1
        rate_limit: 7/s
        max-body: 1MiB
        timeout: 7s
        auth: true
        """);
    Map<String, String> env = Map.of("TERRACE_PORT", "7002", "TERRACE_RATE_LIMIT", "8/s");

    ServerConfig fileOnly = Cli.parseServe(Map.of(), "--config", yaml.toString()).serverConfig();
    assertThat(fileOnly.port()).isEqualTo(7001);
    assertThat(fileOnly.rateLimit()).isEqualTo(7.0);

    ServerConfig envAndFile = Cli.parseServe(env, "--config", yaml.toString()).serverConfig();
    assertThat(envAndFile.port()).isEqualTo(7002);
    assertThat(envAndFile.rateLimit()).isEqualTo(8.0);
    assertThat(envAndFile.host()).isEqualTo("127.0.0.1");
    assertThat(envAndFile.maxBodyBytes()).isEqualTo(1L << 20);
    assertThat(envAndFile.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(envAndFile.auth()).isTrue();
    assertThat(envAndFile.rateBurst()).as("set nowhere: the default").isEqualTo(200);

    ServerConfig all =
        Cli.parseServe(
                env,
                "--config",
                yaml.toString(),
                "--port",
                "7003",
                "--auth=false",
                "--timeout",
                "500ms")
            .serverConfig();
    assertThat(all.port()).isEqualTo(7003);
    assertThat(all.auth()).isFalse();
    assertThat(all.requestTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(all.rateLimit()).isEqualTo(8.0);
  }

  @Test
  void theConfigFileCanComeFromTheEnvironmentAndBeAPropertiesFile() throws Exception {
    Path props =
        Files.writeString(
            dir.resolve("terrace.properties"),
            """
        db = jdbc:sqlite:/var/lib/terrace/keys.db
        max-datasets = 5
        max_vertices = 40
        rate-limit = off
        """);
    ServerConfig c =
        Cli.parseServe(Map.of("TERRACE_CONFIG", props.toString(), "TERRACE_MAX_GEOMETRIES", "9"))
            .serverConfig();
    assertThat(c.databaseUrl()).isEqualTo("jdbc:sqlite:/var/lib/terrace/keys.db");
    assertThat(c.limits().maxDatasets()).isEqualTo(5);
    assertThat(c.limits().maxVertices()).isEqualTo(40);
    assertThat(c.limits().maxGeometries()).isEqualTo(9);
    assertThat(c.rateLimit()).isZero();
  }

  @Test
  void theDatabaseOfKeysCommandsComesFromTheEnvironmentToo() {
    Path db = dir.resolve("env.db");
    Cli.Result r =
        Cli.run(
            Map.of("TERRACE_DB", "jdbc:sqlite:" + db),
            "keys",
            "create",
            "--name",
            "n",
            "--scope",
            "admin");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(db).exists();
  }

  @Test
  void aJsonConfigFileWorksAndAnUnknownSettingIsNamed() throws Exception {
    Path json =
        Files.writeString(dir.resolve("terrace.json"), "{\"port\": 7100, \"rate-burst\": 3}");
    ServerConfig c = Cli.parseServe(Map.of(), "--config", json.toString()).serverConfig();
    assertThat(c.port()).isEqualTo(7100);
    assertThat(c.rateBurst()).isEqualTo(3);

    Path typo = Files.writeString(dir.resolve("typo.yaml"), "prot: 8080\n");
    Cli.Result r = Cli.run("serve", "--config", typo.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown setting(s) [prot]", "port", "rate-limit");
  }

  @Test
  void aMissingConfigFileIsAUsageError() {
    Cli.Result r = Cli.run("serve", "--config", dir.resolve("nope.yaml").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("nope.yaml does not exist");
  }

  @Test
  void badValuesSayWhatIsExpected() {
    Cli.Result rate = Cli.run("serve", "--rate-limit", "fast");
    assertThat(rate.exitCode()).isEqualTo(2);
    assertThat(rate.err()).contains("'fast' is not a rate such as 100/s");
    Cli.Result env = Cli.run(Map.of("TERRACE_TIMEOUT", "soon"), "serve");
    assertThat(env.exitCode()).isEqualTo(2);
    assertThat(env.err()).contains("'soon' is not a duration");
    assertThatThrownBy(() -> Cli.parseServe(Map.of(), "--port", "eighty"))
        .isInstanceOf(ParameterException.class);
    Cli.Result range = Cli.run("serve", "--port", "70000");
    assertThat(range.exitCode()).isEqualTo(2);
    assertThat(range.err()).contains("port must be between 0 and 65535");
  }

  @Test
  void sizesRatesAndDurationsReadTheUsualSpellings() {
    assertThat(new Values.ByteSizeValue().convert("512k")).isEqualTo(512L * 1024);
    assertThat(new Values.ByteSizeValue().convert("2048")).isEqualTo(2048L);
    assertThat(new Values.RateValue().convert("6000/m")).isEqualTo(100.0);
    assertThat(new Values.RateValue().convert("25")).isEqualTo(25.0);
    assertThat(new Values.DurationValue().convert("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(new Values.DurationValue().convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
  }
}
