package dev.terrace.cli;

import dev.terrace.api.TerraceApi;

/**
 * An open {@link TerraceApi}, local or remote, and how many geometries one {@code extract.batch} to
 * it may hold.
 *
 * @param api the engine or the client
 * @param maxBatch the most geometries per {@code batchExtract} call
 * @param where what it is, for messages: "the service at http://…" or the catalog
 * @param resource what closing releases
 */
record Service(TerraceApi api, int maxBatch, String where, AutoCloseable resource)
    implements AutoCloseable {

  /**
   * What a service accepts per batch unless configured otherwise ({@code serve --max-geometries}).
   */
  static final int REMOTE_BATCH = 1000;

  @Override
  public void close() {
    try {
      resource.close();
    } catch (Exception e) {
      // Nothing was written through it that closing could lose: the rasters or the HTTP pool are
      // released.
    }
  }
}
