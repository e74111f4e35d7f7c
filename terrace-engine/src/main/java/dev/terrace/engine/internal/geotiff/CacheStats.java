package dev.terrace.engine.internal.geotiff;

/**
 * A snapshot of a {@link TileCache}'s counters.
 *
 * @param requests blocks asked of the cache
 * @param decodes blocks fetched and decoded because they were not cached
 * @param bytes decoded bytes held now
 * @param maxBytes the budget
 */
public record CacheStats(long requests, long decodes, long bytes, long maxBytes) {

  /**
   * The blocks served from memory.
   *
   * @return {@code requests - decodes}, never negative
   */
  public long hits() {
    return Math.max(0, requests - decodes);
  }
}
