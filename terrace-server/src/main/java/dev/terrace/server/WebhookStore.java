package dev.terrace.server;

import dev.terrace.api.Webhook;
import dev.terrace.api.WebhookAttempt;
import dev.terrace.api.WebhookDelivery;
import dev.terrace.api.WebhookDeliveryPage;
import dev.terrace.api.WebhookDeliveryStatus;
import dev.terrace.api.WebhookEvent;
import dev.terrace.api.WebhookPage;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Webhooks, their deliveries and every attempt at them, in the service's database. A webhook
 * belongs to the principal that created it: another caller neither sees nor deletes it.
 */
final class WebhookStore {

  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  /** A delivery to insert. */
  record NewDelivery(
      String id,
      String webhookId,
      WebhookEvent event,
      String eventId,
      String body,
      long createdAt) {}

  /** A pending delivery whose attempt is due. */
  record Due(
      String id,
      String webhookId,
      String url,
      String secret,
      WebhookEvent event,
      String body,
      long createdAt,
      long nextAttemptAt,
      int attempts) {}

  private final Database db;
  private final SecureRandom random = new SecureRandom();

  WebhookStore(Database db) {
    this.db = db;
  }

  /** A new id with its kind's prefix, {@code wh_…} or {@code dlv_…}. */
  String newId(String prefix) {
    char[] out = new char[24];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return prefix + new String(out);
  }

  /**
   * @return the webhook with its secret, which only this answer shows
   */
  Webhook create(String owner, String url, List<WebhookEvent> events, String secret) {
    String id = newId("wh_");
    long now = System.currentTimeMillis();
    try (Connection c = db.connection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO webhooks (id, owner, url, events, secret, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, owner);
      s.setString(3, url);
      s.setString(4, eventText(events));
      s.setString(5, secret);
      s.setLong(6, now);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failure("create a webhook", e);
    }
    return new Webhook(id, url, events, time(now), secret);
  }

  WebhookPage list(String owner, int limit, int offset) {
    try (Connection c = db.connection()) {
      int total = count(c, "SELECT COUNT(*) FROM webhooks WHERE owner = ?", owner);
      List<Webhook> page = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id, url, events, created_at FROM webhooks WHERE owner = ?"
                  + " ORDER BY created_at, id LIMIT ? OFFSET ?")) {
        s.setString(1, owner);
        s.setInt(2, limit);
        s.setInt(3, offset);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            page.add(
                new Webhook(
                    rs.getString(1),
                    rs.getString(2),
                    events(rs.getString(3)),
                    time(rs.getLong(4)),
                    null));
          }
        }
      }
      return WebhookPage.of(total, limit, offset, page);
    } catch (SQLException e) {
      throw failure("list webhooks", e);
    }
  }

  /**
   * Deletes a webhook with its deliveries and their attempts.
   *
   * @return the webhook as it was, or empty if the owner has none of that id
   */
  Optional<Webhook> delete(String owner, String id) {
    try {
      return db.inTransaction(
          c -> {
            Optional<Webhook> found = find(c, owner, id);
            if (found.isPresent()) {
              update(
                  c,
                  "DELETE FROM webhook_attempts WHERE delivery_id IN"
                      + " (SELECT id FROM webhook_deliveries WHERE webhook_id = ?)",
                  id);
              update(c, "DELETE FROM webhook_deliveries WHERE webhook_id = ?", id);
              update(c, "DELETE FROM webhooks WHERE id = ?", id);
            }
            return found;
          });
    } catch (SQLException e) {
      throw failure("delete a webhook", e);
    }
  }

  /**
   * @return a page of the webhook's deliveries, newest first, or empty if the owner has no webhook
   *     of that id
   */
  Optional<WebhookDeliveryPage> deliveries(String owner, String webhookId, int limit, int offset) {
    try (Connection c = db.connection()) {
      if (find(c, owner, webhookId).isEmpty()) {
        return Optional.empty();
      }
      int total =
          count(c, "SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ?", webhookId);
      List<String[]> rows = new ArrayList<>();
      List<Long> nextAttempts = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id, event, event_id, created_at, status, next_attempt_at"
                  + " FROM webhook_deliveries WHERE webhook_id = ?"
                  + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")) {
        s.setString(1, webhookId);
        s.setInt(2, limit);
        s.setInt(3, offset);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            rows.add(
                new String[] {
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  time(rs.getLong(4)),
                  rs.getString(5)
                });
            long next = rs.getLong(6);
            nextAttempts.add(rs.wasNull() ? null : next);
          }
        }
      }
      Map<String, List<WebhookAttempt>> attempts =
          attempts(c, rows.stream().map(r -> r[0]).toList());
      List<WebhookDelivery> page = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        String[] r = rows.get(i);
        WebhookDeliveryStatus status = WebhookDeliveryStatus.of(r[4]);
        Long next = nextAttempts.get(i);
        page.add(
            new WebhookDelivery(
                r[0],
                webhookId,
                WebhookEvent.of(r[1]),
                r[2],
                r[3],
                status,
                attempts.getOrDefault(r[0], List.of()),
                status == WebhookDeliveryStatus.PENDING && next != null ? time(next) : null));
      }
      return Optional.of(WebhookDeliveryPage.of(total, limit, offset, page));
    } catch (SQLException e) {
      throw failure("list webhook deliveries", e);
    }
  }

  /**
   * @return the ids of the owner's webhooks subscribed to the event
   */
  List<String> subscribers(String owner, WebhookEvent event) {
    try (Connection c = db.connection();
        PreparedStatement s =
            c.prepareStatement("SELECT id, events FROM webhooks WHERE owner = ? ORDER BY id")) {
      s.setString(1, owner);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (events(rs.getString(2)).contains(event)) {
            out.add(rs.getString(1));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("find webhooks", e);
    }
  }

  /** Inserts deliveries, pending and due at once, all or none. */
  void insert(List<NewDelivery> deliveries) {
    try {
      db.inTransaction(
          c -> {
            try (PreparedStatement s =
                c.prepareStatement(
                    "INSERT INTO webhook_deliveries"
                        + " (id, webhook_id, event, event_id, body, created_at, status,"
                        + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
              for (NewDelivery d : deliveries) {
                s.setString(1, d.id());
                s.setString(2, d.webhookId());
                s.setString(3, d.event().wireName());
                s.setString(4, d.eventId());
                s.setString(5, d.body());
                s.setLong(6, d.createdAt());
                s.setString(7, WebhookDeliveryStatus.PENDING.wireName());
                s.setLong(8, d.createdAt());
                s.addBatch();
              }
              return s.executeBatch();
            }
          });
    } catch (SQLException e) {
      throw failure("record webhook deliveries", e);
    }
  }

  /**
   * @return up to {@code max} pending deliveries due by {@code now}, the longest due first
   */
  List<Due> due(long now, int max) {
    try (Connection c = db.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT d.id, d.webhook_id, w.url, w.secret, d.event, d.body, d.created_at,"
                    + " d.next_attempt_at,"
                    + " (SELECT COUNT(*) FROM webhook_attempts a WHERE a.delivery_id = d.id)"
                    + " FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id"
                    + " WHERE d.status = ? AND d.next_attempt_at <= ?"
                    + " ORDER BY d.next_attempt_at LIMIT ?")) {
      s.setString(1, WebhookDeliveryStatus.PENDING.wireName());
      s.setLong(2, now);
      s.setInt(3, max);
      List<Due> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Due(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  WebhookEvent.of(rs.getString(5)),
                  rs.getString(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getInt(9)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("find due webhook deliveries", e);
    }
  }

  /**
   * @return when the earliest pending delivery is due, or empty when none is pending
   */
  OptionalLong nextDue() {
    try (Connection c = db.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT MIN(next_attempt_at) FROM webhook_deliveries WHERE status = ?")) {
      s.setString(1, WebhookDeliveryStatus.PENDING.wireName());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long next = rs.getLong(1);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(next);
      }
    } catch (SQLException e) {
      throw failure("find due webhook deliveries", e);
    }
  }

  /**
   * Takes a due delivery for one attempt by moving its due time to {@code until}: only one caller
   * sees the time it read and wins, and a service that stops mid-attempt leaves it due again then.
   *
   * @return whether this caller won the delivery
   */
  boolean claim(Due due, long until) {
    try (Connection c = db.connection()) {
      return update(
              c,
              "UPDATE webhook_deliveries SET next_attempt_at = ?"
                  + " WHERE id = ? AND status = ? AND next_attempt_at = ?",
              until,
              due.id(),
              WebhookDeliveryStatus.PENDING.wireName(),
              due.nextAttemptAt())
          == 1;
    } catch (SQLException e) {
      throw failure("claim a webhook delivery", e);
    }
  }

  /**
   * Records an attempt and where the delivery stands after it, together; nothing when the delivery
   * went with its webhook meanwhile.
   *
   * @param next when the next attempt is due; null unless {@code status} is pending
   */
  void record(
      String deliveryId,
      int attempt,
      long at,
      Integer statusCode,
      long latencyMs,
      String error,
      WebhookDeliveryStatus status,
      Long next) {
    try {
      db.inTransaction(
          c -> {
            int found =
                update(
                    c,
                    "UPDATE webhook_deliveries SET status = ?, next_attempt_at = ? WHERE id = ?",
                    status.wireName(),
                    next,
                    deliveryId);
            if (found == 1) {
              update(
                  c,
                  "INSERT INTO webhook_attempts"
                      + " (delivery_id, attempt, at, status_code, latency_ms, error)"
                      + " VALUES (?, ?, ?, ?, ?, ?)",
                  deliveryId,
                  attempt,
                  at,
                  statusCode,
                  latencyMs,
                  error == null ? null : Problems.cap(error));
            }
            return found;
          });
    } catch (SQLException e) {
      throw failure("record a webhook attempt", e);
    }
  }

  private static Optional<Webhook> find(Connection c, String owner, String id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT url, events, created_at FROM webhooks WHERE id = ? AND owner = ?")) {
      s.setString(1, id);
      s.setString(2, owner);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new Webhook(
                    id, rs.getString(1), events(rs.getString(2)), time(rs.getLong(3)), null))
            : Optional.empty();
      }
    }
  }

  private static Map<String, List<WebhookAttempt>> attempts(Connection c, List<String> deliveryIds)
      throws SQLException {
    if (deliveryIds.isEmpty()) {
      return Map.of();
    }
    Map<String, List<WebhookAttempt>> out = new HashMap<>();
    String marks = String.join(", ", Collections.nCopies(deliveryIds.size(), "?"));
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT delivery_id, at, status_code, latency_ms, error FROM webhook_attempts"
                + " WHERE delivery_id IN ("
                + marks
                + ") ORDER BY delivery_id, attempt")) {
      for (int i = 0; i < deliveryIds.size(); i++) {
        s.setString(i + 1, deliveryIds.get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          int code = rs.getInt(3);
          Integer statusCode = rs.wasNull() ? null : code;
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new WebhookAttempt(
                      time(rs.getLong(2)), statusCode, rs.getLong(4), rs.getString(5)));
        }
      }
    }
    return out;
  }

  private static int count(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, value);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      return s.executeUpdate();
    }
  }

  private static String eventText(List<WebhookEvent> events) {
    return events.stream().map(WebhookEvent::wireName).collect(Collectors.joining(" "));
  }

  private static List<WebhookEvent> events(String text) {
    return Arrays.stream(text.split(" ")).map(WebhookEvent::of).toList();
  }

  static String time(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }

  private static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
  }
}
