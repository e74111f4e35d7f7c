package dev.terrace.server;

import dev.terrace.api.Operation;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an API key may do. {@link #ADMIN} may do everything. */
public enum Scope {
  /**
   * Run {@code extract}, {@code extract.batch} and {@code extract.estimate}, run jobs, and manage
   * the webhooks told of them.
   */
  EXTRACT("extract"),
  /** Read providers and datasets. */
  CATALOG_READ("catalog:read"),
  /** Everything, including key management. */
  ADMIN("admin");

  private final String wireName;

  Scope(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The scope's name as keys carry it.
   *
   * @return for example {@code "catalog:read"}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a scope name.
   *
   * @param name for example {@code "extract"}
   * @return the scope
   * @throws IllegalArgumentException naming the valid scopes if {@code name} is not one
   */
  public static Scope of(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (Scope s : values()) {
      if (s.wireName.equals(wanted)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown scope '"
            + name
            + "'; expected one of: "
            + Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", ")));
  }

  static Scope requiredFor(Operation op) {
    return switch (op) {
      case EXTRACT,
          EXTRACT_BATCH,
          EXTRACT_ESTIMATE,
          JOBS_CREATE,
          JOBS_GET,
          JOBS_LIST,
          JOBS_CANCEL,
          JOBS_RESULTS,
          WEBHOOKS_CREATE,
          WEBHOOKS_LIST,
          WEBHOOKS_DELETE,
          WEBHOOKS_DELIVERIES_LIST ->
          EXTRACT;
      case CATALOG_PROVIDERS_LIST,
          CATALOG_PROVIDERS_GET,
          CATALOG_DATASETS_LIST,
          CATALOG_DATASETS_GET,
          CATALOG_SEARCH ->
          CATALOG_READ;
    };
  }

  @Override
  public String toString() {
    return wireName;
  }
}
