package dev.terrace.server;

import dev.terrace.api.JobResultsFormat;
import dev.terrace.engine.internal.jobs.JobRowWriter;
import dev.terrace.engine.internal.jobs.JobService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * A job's rows, as stored (a {@code JobRow} per JSON line), written in the format asked for: NDJSON
 * as stored, without reading a row; CSV and GeoJSON through {@link JobRowWriter}, as the command
 * line writes them.
 */
final class JobResultsWriter {

  private JobResultsWriter() {}

  static void write(JobResultsFormat format, Stream<String> lines, OutputStream sink)
      throws IOException {
    Writer out = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16);
    if (format != JobResultsFormat.NDJSON) {
      new JobRowWriter(format, out, true).write(lines.map(JobService::row));
      return;
    }
    try {
      lines.forEach(
          line -> {
            try {
              out.write(line);
              out.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
  }
}
