package dev.terrace.server;

import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteJobStoreTest extends JobStoreContract {

  @BeforeAll
  void start() throws Exception {
    startWith("jdbc:sqlite:" + Files.createTempDirectory("terrace-jobs").resolve("jobs.db"));
  }
}
