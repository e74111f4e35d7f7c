package dev.terrace.cli;

import dev.terrace.client.TerraceClient;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import picocli.CommandLine.Option;

/**
 * Where extract, batch and catalog get their answers: the engine in this process over {@code
 * --catalog} (or the built-in catalog), or a service at {@code --url}. Both answer through {@link
 * dev.terrace.api.TerraceApi}, so the commands print the same either way.
 */
final class ServiceOptions {

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description =
          "Catalog file (JSON or YAML) to extract from in this process; without it and without --url,"
              + " the built-in sample catalog.")
  Path catalog;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "Base URL of a Terrace service to ask instead, e.g. http://localhost:8000 (https:// for other"
              + " machines).")
  String url;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description =
          "API key for a service that runs with --auth (ignored without --url); better set"
              + " TERRACE_API_KEY than type it here.")
  String apiKey;

  /**
   * Opens the engine or the client.
   *
   * @param maxGeometries the most geometries one local batch may hold (a service keeps its own
   *     limit)
   * @param timeout the deadline of each local request, or null for none (a service keeps its own)
   * @throws IllegalArgumentException when both --catalog and --url are given, or the URL is
   *     unusable
   */
  Service open(int maxGeometries, Duration timeout) {
    if (url != null && catalog != null) {
      throw new IllegalArgumentException(
          "--catalog and --url both given: use --catalog FILE to extract here, or"
              + " --url URL to ask a service, not both");
    }
    if (url != null) {
      TerraceClient client;
      try {
        client = TerraceClient.builder().baseUrl(url.strip()).apiKey(apiKey).build();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--url " + url + ": " + e.getMessage(), e);
      }
      return new Service(client, Service.REMOTE_BATCH, "the service at " + url.strip(), client);
    }
    Limits defaults = Limits.defaults();
    Limits limits =
        new Limits(
                defaults.maxDatasets(),
                Math.max(maxGeometries, defaults.maxGeometries()),
                defaults.maxVertices(),
                defaults.maxCells(),
                defaults.concurrency())
            .withTimeout(timeout);
    Catalog loaded = catalog == null ? Catalog.builtin() : Catalog.load(catalog);
    Engine engine = Engine.open(loaded, limits, Executors.newVirtualThreadPerTaskExecutor());
    return new Service(
        engine,
        limits.maxGeometries(),
        catalog == null ? "the built-in catalog" : catalog.toString(),
        engine);
  }
}
