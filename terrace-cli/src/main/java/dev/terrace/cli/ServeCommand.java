package dev.terrace.cli;

import dev.terrace.engine.config.Limits;
import dev.terrace.server.JobSettings;
import dev.terrace.server.ServerConfig;
import dev.terrace.server.TerraceServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code terrace serve}: runs the HTTP service until SIGTERM or Ctrl-C, then stops gracefully. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Runs the HTTP service: POST /v1/op/{operation} and /api/v1/…, GET /health, /metrics,"
          + " /openapi.json, /docs.",
      "Stops on SIGTERM or Ctrl-C after the requests in flight have finished (the JVM then exits 143 or 130)."
    },
    footer = {
      "%nEvery option also reads TERRACE_<NAME> from the environment (--rate-limit: TERRACE_RATE_LIMIT)"
          + " and <name> from the --config file.",
      "%nExamples:",
      "  terrace serve                # 127.0.0.1:8000, the built-in catalog, SQLite in ./terrace.db",
      "  terrace serve --host 0.0.0.0 --auth   # every interface, API keys required",
      "  terrace serve --port 8080 --catalog catalog.json --auth --rate-limit 50/s",
      "  terrace serve --webhook-allow 127.0.0.0/8   # webhooks may call receivers on this machine",
      "  TERRACE_DB='jdbc:postgresql://db/terrace?user=terrace' terrace serve --auth",
      "  terrace serve --config terrace.yaml"
    })
final class ServeCommand implements Callable<Integer> {

  static final String EXAMPLE_BODY =
      "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[6.13,49.61]},\"dataset_ids\":[\"lux:elevation\"]}";

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Mixin DatabaseOption db;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description =
          "Catalog file (JSON or YAML); without it the built-in sample catalog is served.")
  Path catalog;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8000",
      description = "Port to listen on, 0 for any free one" + " (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on"
              + " (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface, with --auth).")
  String host;

  @Option(
      names = "--auth",
      paramLabel = "true|false",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      description =
          "Require an API key (create one with 'terrace keys create'); --auth=false turns it off.")
  boolean auth;

  @Option(
      names = "--rate-limit",
      paramLabel = "N/s",
      defaultValue = "100/s",
      converter = Values.RateValue.class,
      description =
          "Requests per second each key (or address, without auth) may sustain; off for none"
              + " (default: ${DEFAULT-VALUE}).")
  double rateLimit;

  @Option(
      names = "--rate-burst",
      paramLabel = "N",
      defaultValue = "200",
      description =
          "Requests a key may send at once before the rate applies (default: ${DEFAULT-VALUE}).")
  int rateBurst;

  @Mixin TileCacheOption tileCache;

  @Option(
      names = "--max-body",
      paramLabel = "BYTES",
      defaultValue = "16MiB",
      converter = Values.ByteSizeValue.class,
      description =
          "Largest request body accepted, e.g. 16MiB or 1048576 (default: ${DEFAULT-VALUE}).")
  long maxBody;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = Values.DurationValue.class,
      description = "Deadline of one request, e.g. 30s or 500ms (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--max-datasets",
      paramLabel = "N",
      defaultValue = "50",
      description = "Datasets per request (default: ${DEFAULT-VALUE}).")
  int maxDatasets;

  @Option(
      names = "--max-geometries",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Geometries per batch (default: ${DEFAULT-VALUE}).")
  int maxGeometries;

  @Option(
      names = "--max-vertices",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Vertices per geometry (default: ${DEFAULT-VALUE}).")
  int maxVertices;

  @Option(
      names = "--max-cells",
      paramLabel = "N",
      defaultValue = "500000000",
      description =
          "Raster cells one request may read, the pixel budget (default: ${DEFAULT-VALUE}).")
  long maxCells;

  @Option(
      names = "--jobs-dir",
      paramLabel = "DIR",
      defaultValue = "terrace-jobs",
      description =
          "Where jobs keep their input and their committed rows; with the database, what a"
              + " restarted service resumes them from (default: ${DEFAULT-VALUE}).")
  Path jobsDir;

  @Option(
      names = "--job-workers",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Jobs run at once, each on a thread of its own (default:" + " ${DEFAULT-VALUE}).")
  int jobWorkers;

  @Option(
      names = "--job-chunk",
      paramLabel = "ROWS",
      defaultValue = "10000",
      description =
          "Rows a job extracts and commits together: the most a killed service redoes per job"
              + " (default: ${DEFAULT-VALUE}).")
  int jobChunk;

  @Option(
      names = "--jobs-per-key",
      paramLabel = "N",
      defaultValue = "8",
      description =
          "Jobs one API key may have queued and running; beyond, a create is a 429 (default:"
              + " ${DEFAULT-VALUE}).")
  int jobsPerKey;

  @Option(
      names = "--job-rows-per-key",
      paramLabel = "N",
      defaultValue = "20000000",
      description =
          "Rows one key's unfinished jobs may leave to extract; beyond, a create is a 429"
              + " (default: ${DEFAULT-VALUE}).")
  long jobRowsPerKey;

  @Option(
      names = "--job-max-input",
      paramLabel = "SIZE",
      defaultValue = "16GiB",
      converter = Values.ByteSizeValue.class,
      description =
          "Largest input a job may stream as its body; beyond, the create is a 413 and nothing of"
              + " it is kept (default: ${DEFAULT-VALUE}).")
  long jobMaxInput;

  @Option(
      names = "--webhook-allow",
      paramLabel = "CIDR",
      split = ",",
      description =
          "Address blocks webhook URLs may reach although they are loopback, private or link-local,"
              + " over plain http too; repeatable or comma-separated, e.g. 127.0.0.0/8 for a receiver on"
              + " this machine (default: none, so that webhooks reach public https URLs only).")
  List<String> webhookAllow;

  /** The service's configuration from the options. */
  ServerConfig serverConfig() {
    ServerConfig defaults = ServerConfig.defaults();
    Limits limits =
        new Limits(
            maxDatasets, maxGeometries, maxVertices, maxCells, defaults.limits().concurrency());
    return defaults.toBuilder()
        .host(host)
        .port(port)
        .catalog(catalog)
        .auth(auth)
        .databaseUrl(db.url)
        .limits(limits)
        .maxBodyBytes(maxBody)
        .requestTimeout(timeout)
        .rateLimit(rateLimit, rateBurst)
        .jobs(
            new JobSettings(jobsDir, jobWorkers, jobChunk, jobsPerKey, jobRowsPerKey, jobMaxInput))
        .webhooks(defaults.webhooks().withAllowed(webhookAllow == null ? List.of() : webhookAllow))
        .build();
  }

  @Override
  public Integer call() throws InterruptedException {
    ServerConfig settings = serverConfig();
    db.open().close();
    tileCache.apply(-1);
    TerraceServer server = TerraceServer.start(settings);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  err.println("Terrace stopping: finishing the requests in flight…");
                  err.flush();
                  server.close();
                  err.println("Terrace stopped.");
                  err.flush();
                },
                "terrace-shutdown"));
    out.println(listening(server.address(), server.uri(), settings));
    out.println("Try: " + example(server, settings));
    out.println("Browse: " + server.uri() + "/explore");
    out.flush();
    exposure(server.address(), settings.auth())
        .ifPresent(
            warning -> {
              err.println(warning);
              err.flush();
            });
    server.awaitStop();
    return Main.OK;
  }

  static String listening(InetSocketAddress bound, URI uri, ServerConfig settings) {
    return "Terrace listening on "
        + uri
        + " (bound to "
        + hostAndPort(bound)
        + ", auth "
        + (settings.auth() ? "on" : "off")
        + ", catalog "
        + (settings.catalog() == null ? "built-in" : settings.catalog())
        + "). Stop with Ctrl-C.";
  }

  /** A warning when other machines can reach a service that asks them for no key. */
  static Optional<String> exposure(InetSocketAddress bound, boolean auth) {
    if (auth || bound.getAddress().isLoopbackAddress()) {
      return Optional.empty();
    }
    return Optional.of(
        "Warning: "
            + hostAndPort(bound)
            + " can be reached from other machines and auth is off:"
            + " anyone who reaches it can use the service. Add --auth, or --host 127.0.0.1 to serve this machine only.");
  }

  private static String hostAndPort(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  private static String example(TerraceServer server, ServerConfig settings) {
    String key = settings.auth() ? " -H \"Authorization: Bearer $TERRACE_API_KEY\"" : "";
    if (settings.catalog() != null) {
      return "curl -s " + server.uri() + "/api/v1/datasets" + key;
    }
    return "curl -s "
        + server.uri()
        + "/v1/op/extract"
        + key
        + " -H 'Content-Type: application/json' -d '"
        + EXAMPLE_BODY
        + "'";
  }
}
