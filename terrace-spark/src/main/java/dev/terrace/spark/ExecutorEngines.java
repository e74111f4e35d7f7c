package dev.terrace.spark;

import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One engine per catalog in each executor JVM, shared by its tasks — the catalog, the tile cache
 * and the HTTP client opened once, not per task or row — and closed when the JVM ends.
 */
final class ExecutorEngines {

  /** The built-in samples' key: no catalog file. */
  private static final String BUILTIN = "";

  private static final Map<String, Engine> ENGINES = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> ENGINES.values().forEach(Engine::close), "terrace-engines-close"));
  }

  private ExecutorEngines() {}

  /**
   * @param catalog a catalog file, or null for the built-in samples
   */
  static Engine engine(String catalog) {
    return ENGINES.computeIfAbsent(
        catalog == null ? BUILTIN : catalog,
        c ->
            Engine.open(
                c.isEmpty() ? Catalog.builtin() : Catalog.load(Path.of(c)), Limits.defaults()));
  }
}
