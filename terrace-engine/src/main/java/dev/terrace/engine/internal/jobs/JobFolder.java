package dev.terrace.engine.internal.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.JobInputFormat;
import dev.terrace.api.JobRow;
import dev.terrace.engine.internal.json.StrictJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The files of the jobs, a folder each: the input as it was sent ({@code input.csv}, …) and a file
 * of rows per committed chunk ({@code chunk-000000.ndjson}, a {@link JobRow} per line). A chunk is
 * written to a temporary file, forced to the disk and renamed, so that a chunk file is whole or
 * absent; one the store has not committed is deleted before the job runs again.
 */
public final class JobFolder {

  private static final ObjectMapper MAPPER = StrictJson.MAPPER;

  private final Path root;

  /**
   * @param root the folder that holds a folder per job; made with the first job
   */
  public JobFolder(Path root) {
    this.root = root;
  }

  Path dir(String id) {
    return root.resolve(id);
  }

  Path input(String id, JobInputFormat format) {
    return dir(id).resolve("input" + format.extension());
  }

  /**
   * A message about a job's input with the file's path, which is the service's business, replaced
   * by what the user sent ({@code the csv input}).
   */
  String redact(String message, String id, JobInputFormat format) {
    return String.valueOf(message)
        .replace(input(id, format).toString(), "the " + format.wireName() + " input");
  }

  private Path chunk(String id, int chunk) {
    return dir(id).resolve(String.format("chunk-%06d.ndjson", chunk));
  }

  /**
   * Writes a committed chunk's rows, each a {@link JobRow}'s JSON on a line of its own.
   *
   * @param lines the rows' JSON, in input order
   */
  void writeChunk(String id, int chunk, byte[] ndjson) throws IOException {
    Path tmp = dir(id).resolve("chunk.tmp");
    try (FileChannel channel =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      for (ByteBuffer b = ByteBuffer.wrap(ndjson); b.hasRemaining(); ) {
        channel.write(b);
      }
      channel.force(true);
    }
    Files.move(tmp, chunk(id, chunk), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Deletes the chunk files from {@code chunks} on: written, never committed. */
  void discardFrom(String id, int chunks) throws IOException {
    Files.deleteIfExists(dir(id).resolve("chunk.tmp"));
    for (int c = chunks; Files.deleteIfExists(chunk(id, c)); c++) {
      // each chunk after the last committed one was written by a run that died before committing
    }
  }

  /**
   * The committed rows from {@code offset} on, as the JSON lines they are stored as, read lazily.
   */
  Stream<String> lines(String id, int chunks, int chunkRows, long offset) {
    int first = (int) Math.min(chunks, offset / chunkRows);
    long skip = offset - (long) first * chunkRows;
    return IntStream.range(first, chunks).boxed().flatMap(c -> read(chunk(id, c))).skip(skip);
  }

  static JobRow parse(String line) {
    try {
      return MAPPER.readValue(line, JobRow.class);
    } catch (IOException e) {
      throw new UncheckedIOException("a job's results file is damaged: " + e.getMessage(), e);
    }
  }

  private static Stream<String> read(Path file) {
    try {
      BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      return reader.lines().onClose(() -> close(reader));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void close(BufferedReader reader) {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a folder and everything in it. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }
}
