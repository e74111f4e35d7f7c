package dev.terrace.engine;

/**
 * Root of every exception the engine throws. Unchecked: callers that can recover catch the specific
 * subclass, everyone else lets it travel to the edge where it is mapped to a response.
 */
public class TerraceEngineException extends RuntimeException {

  /**
   * @param message what went wrong, with the context a user needs to act on it
   */
  public TerraceEngineException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, with the context a user needs to act on it
   * @param cause the underlying failure
   */
  public TerraceEngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
