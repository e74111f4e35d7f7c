package dev.terrace.server;

import dev.terrace.api.JobInputFormat;
import dev.terrace.api.JobStatus;
import dev.terrace.engine.internal.jobs.JobRecord;
import dev.terrace.engine.internal.jobs.JobStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Jobs in the service's database (SQLite or PostgreSQL). A running job's updates apply only while
 * its row says {@code running}, so that a cancellation is never overwritten by the worker.
 */
final class JdbcJobStore implements JobStore {

  private static final String COLUMNS =
      "id, owner, status, created_at, started_at, finished_at, total, processed, failed_rows,"
          + " chunks, chunk_rows, error, options, input_format, layer, idempotency_key,"
          + " request_hash";

  private final Database db;

  JdbcJobStore(Database db) {
    this.db = db;
  }

  @Override
  public JobRecord insert(JobRecord job) {
    try (Connection c = db.connection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO jobs ("
                    + COLUMNS
                    + ", end_told) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
      s.setString(1, job.id());
      s.setString(2, job.owner());
      s.setString(3, job.status().wireName());
      s.setLong(4, job.createdAt().toEpochMilli());
      s.setNull(5, Types.BIGINT);
      s.setNull(6, Types.BIGINT);
      s.setNull(7, Types.BIGINT);
      s.setLong(8, job.processed());
      s.setLong(9, job.failedRows());
      s.setInt(10, job.chunks());
      s.setInt(11, job.chunkRows());
      s.setString(12, job.error());
      s.setString(13, job.options());
      s.setString(14, job.format().wireName());
      s.setString(15, job.layer());
      s.setString(16, job.idempotencyKey());
      s.setString(17, job.requestHash());
      s.executeUpdate();
      return job;
    } catch (SQLException e) {
      // Two creates with one key at once: the unique index lets one in; the other is its retry.
      if (job.idempotencyKey() != null) {
        Optional<JobRecord> first = findByKey(job.owner(), job.idempotencyKey());
        if (first.isPresent()) {
          return first.get();
        }
      }
      throw failed("store the job", e);
    }
  }

  @Override
  public Optional<JobRecord> find(String owner, String id) {
    return one("SELECT " + COLUMNS + " FROM jobs WHERE owner = ? AND id = ?", owner, id);
  }

  @Override
  public Optional<JobRecord> findByKey(String owner, String idempotencyKey) {
    return one(
        "SELECT " + COLUMNS + " FROM jobs WHERE owner = ? AND idempotency_key = ?",
        owner,
        idempotencyKey);
  }

  @Override
  public List<JobRecord> list(String owner, JobStatus status, int limit, int offset) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM jobs WHERE owner = ?"
            + (status == null ? "" : " AND status = ?")
            + " ORDER BY id DESC LIMIT ? OFFSET ?";
    List<Object> args = new ArrayList<>(List.of(owner));
    if (status != null) {
      args.add(status.wireName());
    }
    args.add(limit);
    args.add(offset);
    return query(sql, args.toArray());
  }

  @Override
  public int count(String owner, JobStatus status) {
    String sql =
        "SELECT COUNT(*) FROM jobs WHERE owner = ?" + (status == null ? "" : " AND status = ?");
    try (Connection c = db.connection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, owner);
      if (status != null) {
        s.setString(2, status.wireName());
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    } catch (SQLException e) {
      throw failed("count the jobs", e);
    }
  }

  @Override
  public List<JobRecord> unfinished() {
    return query(
        "SELECT " + COLUMNS + " FROM jobs WHERE status IN ('queued', 'running') ORDER BY id");
  }

  @Override
  public void start(String id, Instant at) {
    update(
        "UPDATE jobs SET status = 'running', started_at = COALESCE(started_at, ?)"
            + " WHERE id = ? AND status IN ('queued', 'running')",
        at.toEpochMilli(),
        id);
  }

  @Override
  public void total(String id, long total) {
    update("UPDATE jobs SET total = ? WHERE id = ? AND status = 'running'", total, id);
  }

  @Override
  public void commit(String id, int chunks, long processed, long failedRows) {
    update(
        "UPDATE jobs SET chunks = ?, processed = ?, failed_rows = ?"
            + " WHERE id = ? AND status = 'running'",
        chunks,
        processed,
        failedRows,
        id);
  }

  @Override
  public boolean end(String id, JobStatus status, String error, Instant at) {
    return update(
            "UPDATE jobs SET status = ?, error = ?, finished_at = ?"
                + " WHERE id = ? AND status IN ('queued', 'running')",
            status.wireName(),
            error,
            at.toEpochMilli(),
            id)
        == 1;
  }

  @Override
  public void told(String id) {
    update("UPDATE jobs SET end_told = 1 WHERE id = ?", id);
  }

  @Override
  public List<JobRecord> untold() {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM jobs WHERE end_told = 0 AND status IN ('succeeded', 'failed', 'cancelled')"
            + " ORDER BY id");
  }

  private int update(String sql, Object... args) {
    try (Connection c = db.connection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw failed("update a job", e);
    }
  }

  private Optional<JobRecord> one(String sql, Object... args) {
    List<JobRecord> found = query(sql, args);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private List<JobRecord> query(String sql, Object... args) {
    try (Connection c = db.connection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      List<JobRecord> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(read(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failed("read the jobs", e);
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        s.setNull(i + 1, Types.VARCHAR);
      } else {
        s.setObject(i + 1, args[i]);
      }
    }
  }

  private static JobRecord read(ResultSet r) throws SQLException {
    return new JobRecord(
        r.getString("id"),
        r.getString("owner"),
        JobStatus.of(r.getString("status")),
        Instant.ofEpochMilli(r.getLong("created_at")),
        instant(r, "started_at"),
        instant(r, "finished_at"),
        nullableLong(r, "total"),
        r.getLong("processed"),
        r.getLong("failed_rows"),
        r.getInt("chunks"),
        r.getInt("chunk_rows"),
        r.getString("error"),
        r.getString("options"),
        JobInputFormat.of(r.getString("input_format")),
        r.getString("layer"),
        r.getString("idempotency_key"),
        r.getString("request_hash"));
  }

  private static Long nullableLong(ResultSet r, String column) throws SQLException {
    long v = r.getLong(column);
    return r.wasNull() ? null : v;
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    Long millis = nullableLong(r, column);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  private static IllegalStateException failed(String what, SQLException e) {
    return new IllegalStateException("cannot " + what + " in the database: " + e.getMessage(), e);
  }
}
