package dev.terrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where an interrupted batch's output stops. Every row is one record ending in a line break (a CSV
 * record may hold line breaks inside quotes), written in input order; so the complete records are
 * the rows done, and anything after the last line break is a row cut off midway, removed before
 * appending.
 */
final class Resume {

  /**
   * What the output already holds.
   *
   * @param rows the complete rows, the header not counted
   * @param header whether a CSV header is there
   */
  record State(long rows, boolean header) {}

  private Resume() {}

  /**
   * Counts the complete records and cuts off a partial last one.
   *
   * @param csv whether the file is CSV (its first record is the header, and quotes may hide line
   *     breaks)
   * @param header the header line this run writes, checked against the file's
   * @throws IllegalArgumentException when the file's header is another run's
   */
  static State prepare(Path file, boolean csv, String header) throws IOException {
    if (!Files.exists(file)) {
      return new State(0, false);
    }
    long records = 0;
    long end = 0;
    long position = 0;
    boolean quoted = false;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (csv && b == '"') {
            quoted = !quoted;
          } else if (b == '\n' && !quoted) {
            records++;
            end = position + i + 1;
          }
        }
        position += n;
      }
    }
    if (end < position) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(end);
      }
    }
    if (!csv) {
      return new State(records, false);
    }
    if (records == 0) {
      return new State(0, false);
    }
    String first;
    try (InputStream in = Files.newInputStream(file)) {
      first =
          new String(
              in.readNBytes(header.getBytes(StandardCharsets.UTF_8).length),
              StandardCharsets.UTF_8);
    }
    if (!first.equals(header)) {
      throw new IllegalArgumentException(
          file
              + " has other columns than this run writes ("
              + header.strip()
              + "): resume with the same --in, --dataset and --aggregation, or start over with --overwrite");
    }
    return new State(records - 1, true);
  }
}
