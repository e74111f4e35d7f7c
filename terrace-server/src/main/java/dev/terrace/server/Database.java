package dev.terrace.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The service's database: SQLite by default, PostgreSQL by URL, migrated to the current schema on
 * open.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;
  private final String kind;

  private Database(HikariDataSource pool, String kind) {
    this.pool = pool;
    this.kind = kind;
  }

  /**
   * Opens (creating an SQLite file if needed) and migrates a database.
   *
   * @param jdbcUrl {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST[:PORT]/DB?user=…}
   * @return the open database
   * @throws IllegalArgumentException if the URL is neither SQLite nor PostgreSQL
   * @throws IllegalStateException if the database cannot be reached or migrated; the message says
   *     which URL
   */
  public static Database open(String jdbcUrl) {
    String lower = jdbcUrl.toLowerCase(Locale.ROOT);
    boolean sqlite = lower.startsWith("jdbc:sqlite:");
    if (!sqlite && !lower.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "unsupported database URL '"
              + redact(jdbcUrl)
              + "': use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName("terrace-db");
    // SQLite allows one writer; more connections would only wait on its lock.
    config.setMaximumPoolSize(sqlite ? 1 : 8);
    config.setConnectionTimeout(10_000);
    if (sqlite) {
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("busy_timeout", "5000");
      // With WAL, NORMAL syncs at checkpoints rather than on every commit: a crash may lose the
      // last few
      // idempotent responses, never corrupt the file, and each request's insert stops waiting on
      // the disk.
      config.addDataSourceProperty("synchronous", "NORMAL");
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot open the database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
    }
    return new Database(pool, sqlite ? "sqlite" : "postgresql");
  }

  /**
   * @return {@code sqlite} or {@code postgresql}
   */
  public String kind() {
    return kind;
  }

  DataSource dataSource() {
    return pool;
  }

  Connection connection() throws SQLException {
    return pool.getConnection();
  }

  /** Work done on one connection, in one transaction. */
  interface Transaction<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws.
   *
   * @return what {@code work} returned
   */
  <T> T inTransaction(Transaction<T> work) throws SQLException {
    try (Connection c = connection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** Closes the connection pool. */
  @Override
  public void close() {
    pool.close();
  }

  /** A URL without its password, for messages. */
  static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
