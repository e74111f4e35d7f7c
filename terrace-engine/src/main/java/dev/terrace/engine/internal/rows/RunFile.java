package dev.terrace.engine.internal.rows;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One sorted run of an {@link ExternalSort} on disk: each record its key, its index, its payload's
 * length and its payload, in binary.
 *
 * @param file where it is
 * @param records how many records it holds
 */
record RunFile(Path file, long records) {

  /** What each open run reads ahead: the merge holds one such buffer per run. */
  private static final int BUFFER = 1 << 16;

  /**
   * @param sorted the records, in order
   */
  static RunFile write(Path file, ExternalSort.Cursor sorted) throws IOException {
    long records = 0;
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER))) {
      for (ExternalSort.Entry e; (e = sorted.next()) != null; records++) {
        out.writeLong(e.key());
        out.writeLong(e.index());
        out.writeInt(e.payload().length);
        out.write(e.payload());
      }
    }
    return new RunFile(file, records);
  }

  Reader open() throws IOException {
    return new Reader(
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER)));
  }

  void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  /** The run's records in order. */
  static final class Reader implements AutoCloseable {
    private final DataInputStream in;

    private Reader(DataInputStream in) {
      this.in = in;
    }

    /**
     * @return the next record, or null after the last
     */
    ExternalSort.Entry next() throws IOException {
      long key;
      try {
        key = in.readLong();
      } catch (EOFException e) {
        return null;
      }
      long index = in.readLong();
      byte[] payload = new byte[in.readInt()];
      in.readFully(payload);
      return new ExternalSort.Entry(key, index, payload);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
