package dev.terrace.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresAuthTest extends AuthContract {

  @RegisterExtension static final PostgresDatabase POSTGRES = new PostgresDatabase();

  @BeforeAll
  void start() {
    startWith(POSTGRES.jdbcUrl());
  }
}
