package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./terrace} script as a subprocess: its JDK lookup, argument passing and
 * signal delivery. The tests run before the jar is packaged, so the script is pointed at this
 * module's classes with {@code TERRACE_CLASSPATH} instead of building; the build-on-first-use path
 * is what a fresh clone exercises.
 */
class LauncherTest {

  private static final Path LAUNCHER = Launcher.SCRIPT;
  private static final Pattern LISTENING = Pattern.compile("Terrace listening on (http://\\S+) ");

  @TempDir Path dir;

  @Test
  void theScriptIsValidBash() throws Exception {
    Process p =
        new ProcessBuilder("bash", "-n", LAUNCHER.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue())
        .as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    assertThat(Files.isExecutable(LAUNCHER)).isTrue();
  }

  @Test
  void versionPrintsTheProjectVersion() throws Exception {
    Process p = launcher("--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).startsWith("terrace 0.").contains("Java ");
  }

  @Test
  void aBatchOfPointsInThisProcessGetsAHeapFromWhatItKeeps() throws Exception {
    Files.writeString(dir.resolve("points.csv"), "\uFEFFid, Lon ,\"LAT\"\r\n1,6.13,49.61\r\n");
    // Twice its sort memory and tile cache: 2 × (128m + 64m) by default.
    assertThat(jvmOptions("batch", "--in", "points.csv"))
        .contains("-Xmx384m", "-XX:+UseParallelGC");
    assertThat(jvmOptions("batch", "--in=points.csv", "--memory", "1g", "--tile-cache=256m"))
        .contains("-Xmx2560m");
    assertThat(jvmOptions("batch", "--memory=1.5g", "--tile-cache", "16MiB", "--in", "points.csv"))
        .contains("-Xmx3104m");
    assertThat(jvmOptions("batch", "--in", "points.csv", "--memory", "16m", "--tile-cache", "0"))
        .contains("-Xmx256m");
  }

  @Test
  void otherInputsAServiceOrAnUnreadableSizeLeaveTheHeapToTheJvm() throws Exception {
    Files.writeString(dir.resolve("points.csv"), "id,lon,lat\n1,6.13,49.61\n");
    Files.writeString(dir.resolve("shapes.csv"), "id,wkt\n1,POINT (6.13 49.61)\n");
    Files.writeString(dir.resolve("shapes.geojson"), "{\"type\":\"FeatureCollection\"}");
    for (List<String> args :
        List.of(
            List.of("batch", "--in", "shapes.csv"),
            List.of("batch", "--in", "shapes.geojson"),
            List.of("batch", "--in", "missing.csv"),
            List.of("batch", "--in", "points.csv", "--url", "http://localhost:1"),
            List.of("batch", "--in", "points.csv", "--memory", "lots"),
            List.of("serve"))) {
      assertThat(jvmOptions(args.toArray(String[]::new)))
          .as("%s", args)
          .noneMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:+Use"));
    }
  }

  @Test
  void terraceJavaOptsComeLastSoTheyWin() throws Exception {
    Files.writeString(dir.resolve("points.csv"), "id,lon,lat\n");
    ProcessBuilder pb = launcher("batch", "--in", "points.csv");
    pb.environment().put("TERRACE_MAIN", JvmOptionsProbe.class.getName());
    pb.environment().put("TERRACE_JAVA_OPTS", "-Xmx1g");
    List<String> options = run(pb);
    assertThat(options).containsSubsequence("-Xmx384m", "-Xmx1g");
  }

  @Test
  void aCollectorInTerraceJavaOptsReplacesTheLaunchersOwn() throws Exception {
    Files.writeString(dir.resolve("points.csv"), "id,lon,lat\n");
    ProcessBuilder pb = launcher("batch", "--in", "points.csv");
    pb.environment().put("TERRACE_MAIN", JvmOptionsProbe.class.getName());
    pb.environment().put("TERRACE_JAVA_OPTS", "-XX:+UseG1GC");
    assertThat(run(pb)).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseParallelGC");
  }

  private List<String> jvmOptions(String... args) throws Exception {
    ProcessBuilder pb = launcher(args);
    pb.environment().put("TERRACE_MAIN", JvmOptionsProbe.class.getName());
    return run(pb);
  }

  private static List<String> run(ProcessBuilder pb) throws Exception {
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  @Test
  void serveAnswersHealthAndStopsGracefullyOnSigterm() throws Exception {
    Path err = dir.resolve("stderr.txt");
    Process p =
        launcher("serve", "--port", "0", "--db", "jdbc:sqlite:" + dir.resolve("terrace.db"))
            .redirectError(err.toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> firstMatch(out)).get(120, TimeUnit.SECONDS);
      assertThat(line).as(Files.readString(err)).isNotNull();
      assertThat(line).as("loopback unless --host says otherwise").contains("(bound to 127.0.0.1:");
      Matcher m = LISTENING.matcher(line);
      assertThat(m.find()).isTrue();
      URI base = URI.create(m.group(1));

      try (HttpClient http = HttpClient.newHttpClient()) {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(base.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");
      }

      p.destroy(); // SIGTERM
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      // 128 + 15: the JVM's status after SIGTERM, reached once the shutdown hook has closed the
      // server.
      assertThat(p.exitValue()).isEqualTo(143);
      assertThat(Files.readString(err))
          .contains("Terrace stopping", "Terrace stopped.")
          .doesNotContain("Exception")
          .doesNotContain("Warning");
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void servingEveryInterfaceWithoutAuthWarnsOnStderr() throws Exception {
    Path err = dir.resolve("stderr.txt");
    Process p =
        launcher(
                "serve",
                "--port",
                "0",
                "--host",
                "0.0.0.0",
                "--db",
                "jdbc:sqlite:" + dir.resolve("terrace.db"))
            .redirectError(err.toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> firstMatch(out)).get(120, TimeUnit.SECONDS);
      assertThat(line).as(Files.readString(err)).contains("(bound to 0.0.0.0:");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.readString(err).contains("Warning") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(Files.readString(err))
          .contains("can be reached from other machines and auth is off", "--auth");
    } finally {
      p.destroyForcibly();
    }
  }

  private ProcessBuilder launcher(String... args) {
    return Launcher.command(dir, List.of(args));
  }

  private static String firstMatch(BufferedReader out) {
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (LISTENING.matcher(line).find()) {
          return line;
        }
      }
      return null;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
