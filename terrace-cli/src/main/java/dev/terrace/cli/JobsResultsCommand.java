package dev.terrace.cli;

import dev.terrace.api.ConflictException;
import dev.terrace.api.Job;
import dev.terrace.api.JobResultsFormat;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobStatus;
import dev.terrace.api.NotFoundException;
import dev.terrace.client.TerraceClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code terrace jobs results ID}: a job's rows, in input order, to a file or stdout, from a row on
 * with {@code --offset}.
 */
@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Writes a job's rows in input order: CSV (the input's columns, then row, dataset_id, timestamp,"
          + " value, quality, coverage_fraction, pixel_count, error: a line per result), NDJSON (a row per"
          + " line) or GeoJSON (a feature per row), by --out's extension or --format; to stdout without --out.",
      "A running job gives the rows done so far; --offset N reads from row N on and adds them to an"
          + " existing --out, to continue an interrupted download or a job that went on."
    },
    footer = {
      "%nExamples:",
      "  terrace jobs results --url http://localhost:8000 job_01jf3q8m2d7zk4w9r6t0b5n1xh --out values.csv",
      "  terrace jobs results job_01jf3q8m2d7zk4w9r6t0b5n1xh --out values.ndjson --offset 5000",
      "  terrace jobs results --url http://localhost:8000 job_01jf3q8m2d7zk4w9r6t0b5n1xh --format csv"
    })
final class JobsResultsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin JobsOptions service;

  @Parameters(paramLabel = "ID", description = "The job's id, as 'terrace jobs submit' printed it.")
  String id;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Output: .csv, .ndjson or .geojson; - or none for stdout.")
  String out;

  @Option(
      names = "--format",
      paramLabel = "csv|ndjson|geojson",
      converter = FormatValue.class,
      description = "The output's format (default: by --out's extension; ndjson on stdout).")
  JobResultsFormat format;

  @Option(
      names = "--offset",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "The first row to write, from 0 (default: ${DEFAULT-VALUE}); the rows are added to an existing"
              + " --out (CSV without a second header).")
  long offset;

  @Option(names = "--overwrite", description = "Replace --out if it exists.")
  boolean overwrite;

  @Override
  public Integer call() throws IOException {
    if (offset < 0) {
      throw new IllegalArgumentException("--offset must be 0 or more, not " + offset);
    }
    JobResultsOut target = JobResultsOut.of(out, format, offset, overwrite);
    String job = id.strip();
    PrintWriter err = spec.commandLine().getErr();
    try (TerraceClient client = service.open()) {
      Job state = service.get(client.jobs(), job);
      if (state.status() == JobStatus.FAILED) {
        throw failed(state);
      }
      long rows;
      try (Stream<JobRow> results = client.jobs().results(job, offset)) {
        rows = target.write(results, spec.commandLine().getOut());
      } catch (NotFoundException e) {
        throw service.unknown(job, e);
      } catch (ConflictException e) {
        throw failed(service.get(client.jobs(), job));
      }
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT, "Wrote %,d rows of job %s to %s", rows, job, target.name()));
      if (offset > 0) {
        line.append(String.format(Locale.ROOT, ", from row %,d", offset));
      }
      line.append('.');
      if (!state.status().isFinal()) {
        line.append(
            String.format(
                Locale.ROOT,
                " The job is still %s: add the rows done since with --offset %d.",
                state.status().wireName(),
                offset + rows));
      } else if (state.status() == JobStatus.CANCELLED) {
        line.append(" The job was cancelled: these are the rows it did before.");
      }
      err.println(line);
      err.flush();
    }
    return Main.OK;
  }

  private static IllegalStateException failed(Job job) {
    return new IllegalStateException(
        "job " + job.id() + " failed, so it has no rows to read: " + job.error());
  }

  static final class FormatValue implements ITypeConverter<JobResultsFormat> {
    @Override
    public JobResultsFormat convert(String text) {
      try {
        return JobResultsFormat.of(text.strip().toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
