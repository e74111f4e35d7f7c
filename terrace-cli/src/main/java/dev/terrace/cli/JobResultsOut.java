package dev.terrace.cli;

import dev.terrace.api.JobResultsFormat;
import dev.terrace.api.JobRow;
import dev.terrace.engine.internal.jobs.JobRowWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where {@code jobs results} and {@code jobs submit --wait --out} write a job's rows: a file, its
 * format by its name unless given, or stdout ({@code -} or no {@code --out}). Everything is checked
 * before the service is asked, so that a wrong {@code --out} costs no job.
 */
final class JobResultsOut {

  private final Path file;
  private final JobResultsFormat format;
  private final boolean append;

  private JobResultsOut(Path file, JobResultsFormat format, boolean append) {
    this.file = file;
    this.format = format;
    this.append = append;
  }

  /**
   * @param out the file, {@code -} or null for stdout
   * @param given the format asked for, or null for the file's (NDJSON on stdout)
   * @param offset the first row to write: from a later row, rows are added to an existing file
   * @param overwrite whether an existing file is replaced
   * @throws IllegalArgumentException when the file's name says no format, it exists and neither
   *     option says what to do with it, or rows would be added to a GeoJSON FeatureCollection
   */
  static JobResultsOut of(String out, JobResultsFormat given, long offset, boolean overwrite)
      throws IOException {
    if (out == null || out.equals("-")) {
      return new JobResultsOut(null, given == null ? JobResultsFormat.NDJSON : given, false);
    }
    Path file = Path.of(out);
    JobResultsFormat format = given == null ? formatOf(file, "--out") : given;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("--out " + out + ": no folder " + parent + " to write in");
    }
    boolean exists = Files.exists(file) && Files.size(file) > 0;
    if (!exists || overwrite) {
      return new JobResultsOut(file, format, false);
    }
    if (offset == 0) {
      throw new IllegalArgumentException(
          out
              + " exists: replace it with --overwrite, or add the rows from row N on to it with"
              + " --offset N");
    }
    if (format == JobResultsFormat.GEOJSON) {
      throw new IllegalArgumentException(
          "--offset cannot add rows to the GeoJSON FeatureCollection in "
              + out
              + ": write .csv or .ndjson, or replace it with --overwrite");
    }
    return new JobResultsOut(file, format, true);
  }

  /** The file's name, or {@code stdout}, for messages. */
  String name() {
    return file == null ? "stdout" : file.toString();
  }

  /**
   * Writes the rows; a CSV's header only at the start of a file or of stdout.
   *
   * @return the rows written
   */
  long write(Stream<JobRow> rows, PrintWriter stdout) throws IOException {
    if (file == null) {
      return new JobRowWriter(format, stdout, true).write(rows);
    }
    try (Writer w =
        Files.newBufferedWriter(
            file,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
      return new JobRowWriter(format, w, !append).write(rows);
    }
  }

  /**
   * The format a file's name says: {@code .csv}, {@code .ndjson} / {@code .jsonl}, {@code .geojson}
   * / {@code .json}.
   *
   * @throws IllegalArgumentException for another name
   */
  private static JobResultsFormat formatOf(Path file, String option) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return JobResultsFormat.CSV;
    }
    if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
      return JobResultsFormat.NDJSON;
    }
    if (name.endsWith(".geojson") || name.endsWith(".json")) {
      return JobResultsFormat.GEOJSON;
    }
    throw new IllegalArgumentException(
        option
            + " "
            + file
            + ": name it .csv, .ndjson or .geojson so that its format is known, or give --format");
  }
}
