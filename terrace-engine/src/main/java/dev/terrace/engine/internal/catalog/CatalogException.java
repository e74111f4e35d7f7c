package dev.terrace.engine.internal.catalog;

import dev.terrace.engine.internal.failure.TerraceEngineException;

/**
 * A catalog file that cannot be used: unreadable, not JSON or YAML, or breaking a rule. The message
 * names the file and the offending field, e.g. {@code catalog.json: providers[1].datasets[0].band:
 * must be at least 1, got 0}.
 */
public class CatalogException extends TerraceEngineException {

  /**
   * @param message what is wrong and where
   */
  public CatalogException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong and where
   * @param cause the parser's complaint
   */
  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
