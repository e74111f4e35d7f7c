package dev.terrace.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresJobStoreTest extends JobStoreContract {

  private PostgresCluster postgres;

  @BeforeAll
  void start() throws Exception {
    assumeTrue(PostgresCluster.available(), "PostgreSQL is not installed");
    postgres = PostgresCluster.start();
    startWith(postgres.jdbcUrl());
  }

  @AfterAll
  void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }
}
