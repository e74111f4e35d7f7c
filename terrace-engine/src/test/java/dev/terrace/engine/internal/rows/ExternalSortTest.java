package dev.terrace.engine.internal.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 20 000 records with random keys (many equal) through runs of 2 KiB: more than {@link
 * ExternalSort#FAN_IN} runs, so that some are merged before the end, and every record comes back
 * once, in (key, index) order.
 */
class ExternalSortTest {

  private static final int RECORDS = 20_000;
  private static final long MEMORY = 2048;

  @TempDir Path dir;

  @Test
  void everyRecordComesBackOnceInKeyThenIndexOrder() throws IOException {
    Random random = new Random(3);
    long[] keys = new long[RECORDS];
    try (SpillFolder folder = new SpillFolder(dir);
        ExternalSort sort = new ExternalSort(folder, "test", MEMORY)) {
      for (int i = 0; i < RECORDS; i++) {
        keys[i] = random.nextInt(500);
        sort.add(keys[i], i, ByteBuffer.allocate(8).putLong(keys[i] * 31 + i).array());
      }
      assertThat(sort.merges()).isGreaterThanOrEqualTo(1);
      assertThat(sort.runBytes()).allMatch(b -> b <= MEMORY);
      boolean[] seen = new boolean[RECORDS];
      long lastKey = -1;
      long lastIndex = -1;
      int count = 0;
      try (ExternalSort.Cursor sorted = sort.sorted()) {
        for (ExternalSort.Entry e; (e = sorted.next()) != null; count++) {
          int i = (int) e.index();
          assertThat(e.key()).isEqualTo(keys[i]);
          assertThat(ByteBuffer.wrap(e.payload()).getLong()).isEqualTo(keys[i] * 31 + i);
          assertThat(e.key() > lastKey || e.key() == lastKey && e.index() > lastIndex)
              .as("record %d after (%d, %d)", i, lastKey, lastIndex)
              .isTrue();
          assertThat(seen[i]).isFalse();
          seen[i] = true;
          lastKey = e.key();
          lastIndex = e.index();
        }
      }
      assertThat(count).isEqualTo(RECORDS);
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("the folder and its runs deleted").isEmpty();
    }
  }

  @Test
  void recordsThatFitInMemoryAreNeverWritten() throws IOException {
    try (SpillFolder folder = new SpillFolder(dir);
        ExternalSort sort = new ExternalSort(folder, "test", 1 << 20)) {
      sort.add(2, 0, new byte[] {7});
      sort.add(1, 1, new byte[] {8});
      assertThat(sort.runBytes()).isEmpty();
      try (ExternalSort.Cursor sorted = sort.sorted()) {
        assertThat(sorted.next().payload()).containsExactly(8);
        assertThat(sorted.next().payload()).containsExactly(7);
        assertThat(sorted.next()).isNull();
      }
    }
  }
}
