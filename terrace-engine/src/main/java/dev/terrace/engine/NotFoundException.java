package dev.terrace.engine;

/** A provider or dataset asked for by id does not exist in the catalog. */
public class NotFoundException extends TerraceEngineException {

  private final String kind;
  private final String id;

  /**
   * @param kind what was looked up, e.g. {@code "provider"} or {@code "dataset"}
   * @param id the id asked for
   * @param hint how to find the valid ids
   */
  public NotFoundException(String kind, String id, String hint) {
    super("no " + kind + " \"" + id + "\" in the catalog; " + hint);
    this.kind = kind;
    this.id = id;
  }

  /** @return what was looked up */
  public String kind() {
    return kind;
  }

  /** @return the id asked for */
  public String id() {
    return id;
  }
}
