package dev.terrace.spark;

import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.rows.TileKeys;
import java.nio.file.Path;
import java.util.List;
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
  private static final Map<String, TileKeys> KEYS = new ConcurrentHashMap<>();

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

  /**
   * @return the tile keys of the first of {@code datasets} in this JVM's engine for the catalog
   */
  static TileKeys keys(String catalog, List<String> datasets) {
    return KEYS.computeIfAbsent(
        (catalog == null ? BUILTIN : catalog) + "\n" + datasets.get(0),
        k -> TileKeys.of(engine(catalog).catalog(), datasets));
  }
}
