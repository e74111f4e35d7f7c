package dev.terrace.server;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/** Idempotent responses in the service's database, kept for a day. */
final class JdbcIdempotencyStore implements IdempotencyStore {

  private static final Duration KEEP = Duration.ofHours(24);

  private final Database db;

  JdbcIdempotencyStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Recorded> find(String owner, String key) {
    try (Connection c = db.connection();
         PreparedStatement s = c.prepareStatement("SELECT request_hash, status, body FROM idempotency_keys"
             + " WHERE owner = ? AND idem_key = ? AND created_at > ?")) {
      s.setString(1, owner);
      s.setString(2, key);
      s.setLong(3, System.currentTimeMillis() - KEEP.toMillis());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(new Recorded(rs.getString(1), rs.getInt(2), rs.getString(3).getBytes(StandardCharsets.UTF_8)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read idempotency keys: " + e.getMessage(), e);
    }
  }

  @Override
  public void save(String owner, String key, Recorded response) {
    long now = System.currentTimeMillis();
    try (Connection c = db.connection()) {
      try (PreparedStatement expire = c.prepareStatement("DELETE FROM idempotency_keys WHERE created_at <= ?")) {
        expire.setLong(1, now - KEEP.toMillis());
        expire.executeUpdate();
      }
      // A concurrent first use may have stored its answer meanwhile; the first one stays.
      try (PreparedStatement s = c.prepareStatement("INSERT INTO idempotency_keys (owner, idem_key, request_hash,"
          + " status, body, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (owner, idem_key) DO NOTHING")) {
        s.setString(1, owner);
        s.setString(2, key);
        s.setString(3, response.requestHash());
        s.setInt(4, response.status());
        s.setString(5, new String(response.body(), StandardCharsets.UTF_8));
        s.setLong(6, now);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record an idempotency key: " + e.getMessage(), e);
    }
  }
}
