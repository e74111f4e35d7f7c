package dev.terrace.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API keys in the service's database. A key reads {@code trc_<id>_<secret>}; only the SHA-256 of
 * the whole key is stored, so a leaked database reveals no key, and a presented key is compared in
 * constant time.
 */
public final class ApiKeyStore {

  /** Every key starts with this. */
  public static final String PREFIX = "trc_";

  private static final int ID_LENGTH = 12;
  private static final int SECRET_LENGTH = 32;
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  /** Compared against when the id is unknown, so a miss costs what a hit does. */
  private static final String UNKNOWN_HASH = "0".repeat(64);

  private final Database db;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param db the database holding the keys
   */
  public ApiKeyStore(Database db) {
    this.db = db;
  }

  /**
   * A new key, made now and stored as a hash.
   *
   * @param key the stored record
   * @param secret the whole key, shown once: it cannot be read back
   */
  public record Created(ApiKey key, String secret) {
    @Override
    public String toString() {
      return "Created[key=" + key + ", secret=trc_…]";
    }
  }

  /**
   * Makes and stores a key.
   *
   * @param name what the key is for
   * @param scopes what it may do; not empty
   * @return the key, whose secret is shown only now
   * @throws IllegalArgumentException if {@code scopes} is empty or {@code name} blank
   */
  public Created create(String name, Set<Scope> scopes) {
    if (scopes.isEmpty() || name == null || name.isBlank()) {
      throw new IllegalArgumentException("a key needs a name and at least one scope");
    }
    String id = randomText(ID_LENGTH);
    String secret = PREFIX + id + "_" + randomText(SECRET_LENGTH);
    Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
    update(
        "INSERT INTO api_keys (id, name, secret_hash, scopes, created_at) VALUES (?, ?, ?, ?, ?)",
        id,
        name,
        sha256(secret),
        scopeText(scopes),
        now.toEpochMilli());
    return new Created(new ApiKey(id, name, EnumSet.copyOf(scopes), now, null), secret);
  }

  /**
   * Every key, revoked ones included, oldest first.
   *
   * @return the keys, without secrets
   */
  public List<ApiKey> list() {
    try (Connection c = db.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, name, scopes, created_at, revoked_at FROM api_keys ORDER BY created_at, id");
        ResultSet rs = s.executeQuery()) {
      List<ApiKey> keys = new ArrayList<>();
      while (rs.next()) {
        long revoked = rs.getLong(5);
        Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
        keys.add(
            new ApiKey(
                rs.getString(1),
                rs.getString(2),
                scopes(rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)),
                revokedAt));
      }
      return keys;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list API keys: " + e.getMessage(), e);
    }
  }

  /**
   * Revokes a key: requests with it are refused from now on.
   *
   * @param id the key's id, or the whole key
   * @return whether an active key was revoked
   */
  public boolean revoke(String id) {
    String keyId = id.startsWith(PREFIX) ? idOf(id).orElse(id) : id;
    return update(
            "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            System.currentTimeMillis(),
            keyId)
        > 0;
  }

  /**
   * The key's principal, or empty if it is malformed, unknown or revoked; see {@link KeyVerifier}.
   */
  Optional<Principal> verify(String presentedKey) {
    Optional<String> id = idOf(presentedKey);
    String stored = UNKNOWN_HASH;
    String scopes = null;
    boolean active = false;
    if (id.isPresent()) {
      try (Connection c = db.connection();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT secret_hash, scopes, revoked_at FROM api_keys WHERE id = ?")) {
        s.setString(1, id.get());
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            stored = rs.getString(1);
            scopes = rs.getString(2);
            rs.getLong(3);
            active = rs.wasNull();
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot check the API key: " + e.getMessage(), e);
      }
    }
    boolean same =
        MessageDigest.isEqual(
            sha256(presentedKey).getBytes(StandardCharsets.US_ASCII),
            stored.getBytes(StandardCharsets.US_ASCII));
    return same && active
        ? Optional.of(new Principal("key:" + id.get(), scopes(scopes)))
        : Optional.empty();
  }

  private static Optional<String> idOf(String key) {
    if (key == null
        || !key.startsWith(PREFIX)
        || key.length() != PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH
        || key.charAt(PREFIX.length() + ID_LENGTH) != '_') {
      return Optional.empty();
    }
    return Optional.of(key.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH));
  }

  private String randomText(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }

  private int update(String sql, Object... values) {
    try (Connection c = db.connection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update API keys: " + e.getMessage(), e);
    }
  }

  private static String scopeText(Set<Scope> scopes) {
    return scopes.stream().map(Scope::wireName).sorted().collect(Collectors.joining(" "));
  }

  private static Set<Scope> scopes(String text) {
    EnumSet<Scope> out = EnumSet.noneOf(Scope.class);
    Arrays.stream(text.split(" ")).filter(s -> !s.isBlank()).map(Scope::of).forEach(out::add);
    return out;
  }

  static String sha256(String text) {
    return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
  }
}
