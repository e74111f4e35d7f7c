package dev.terrace.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link PostgresCluster} for one test class, registered as a static {@code @RegisterExtension}:
 * started before the class's own {@code @BeforeAll} methods (the class is skipped where PostgreSQL
 * is not installed, outside CI) and stopped after its {@code @AfterAll} ones.
 */
final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

  private PostgresCluster cluster;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    assumeTrue(PostgresCluster.available(), "PostgreSQL is not installed");
    cluster = PostgresCluster.start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  String jdbcUrl() {
    return cluster.jdbcUrl();
  }
}
