package dev.terrace.server;

import java.time.Instant;
import java.util.Set;

/**
 * A stored API key, without its secret.
 *
 * @param id the public id, the part of the key after {@code trc_} and before the second {@code _}
 * @param name what the key is for
 * @param scopes what it may do
 * @param createdAt when it was made
 * @param revokedAt when it was revoked, or null while it is valid
 */
public record ApiKey(
    String id, String name, Set<Scope> scopes, Instant createdAt, Instant revokedAt) {

  /**
   * @return whether requests with this key are accepted
   */
  public boolean active() {
    return revokedAt == null;
  }
}
