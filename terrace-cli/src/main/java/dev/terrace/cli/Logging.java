package dev.terrace.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Log lines on stderr for people: one line each, and the database migrator only when something is
 * wrong.
 */
final class Logging {

  /** Held so the level set on it is not lost when the logger would otherwise be collected. */
  private static Logger migrations;

  private Logging() {}

  /** Must run before anything logs: the format is read when the first log handler is made. */
  static synchronized void configure() {
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
    migrations = Logger.getLogger("org.flywaydb");
    migrations.setLevel(Level.WARNING);
  }
}
