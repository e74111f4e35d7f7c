package dev.terrace.cli;

import dev.terrace.server.Database;
import picocli.CommandLine.Option;

/** {@code --db}: the service's database, shared by {@code serve} and {@code keys}. */
final class DatabaseOption {

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      defaultValue = "jdbc:sqlite:terrace.db",
      description =
          "Database for API keys and idempotent replies: jdbc:sqlite:FILE or "
              + "jdbc:postgresql://HOST[:PORT]/DB?user=U&password=P (default: ${DEFAULT-VALUE}).")
  String url;

  /**
   * @throws IllegalStateException saying what to check when the database cannot be opened
   */
  Database open() {
    try {
      return Database.open(url);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          Errors.message(e)
              + System.lineSeparator()
              + "  Check --db (or TERRACE_DB): an SQLite file in a writable folder, or a PostgreSQL server that is"
              + " running and accepts that user.",
          e);
    }
  }
}
