package dev.terrace.cli;

import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.Job;
import dev.terrace.api.JobInput;
import dev.terrace.api.JobInputFormat;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobStatus;
import dev.terrace.client.TerraceClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terrace jobs submit}: a file's rows to a service as a job, with the options of {@code
 * batch}; its id printed, or with {@code --wait} the job followed to its end and its rows written.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Submits a job: every row of a CSV (lon,lat or wkt columns), GeoJSON FeatureCollection, NDJSON"
          + " (a GeoJSON Feature per line) or GeoPackage, extracted by the service with batch's options."
          + " Prints the job's id.",
      "--wait follows the job to its end, with a progress bar on stderr when it is a terminal, and --out"
          + " then writes its rows (CSV, NDJSON or GeoJSON by the file's extension, as 'terrace jobs"
          + " results' does). A job that fails exits 1 with its error."
    },
    footer = {
      "%nExamples:",
      "  terrace jobs submit --url http://localhost:8000 --dataset lux:elevation --in points.csv",
      "  terrace jobs submit --url http://localhost:8000 -d lux:elevation --in points.csv --wait --out values.csv",
      "  terrace jobs submit --url http://localhost:8000 -d lux:elevation --in parcels.gpkg --layer parcels --json"
    })
final class JobsSubmitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin JobsOptions service;

  @Mixin ExtractOptions options;

  @Mixin JsonStyle json;

  @Option(
      names = "--in",
      required = true,
      paramLabel = "FILE",
      description =
          "Input: .csv with a header (lon,lat or wkt columns), .geojson / .json (a FeatureCollection),"
              + " .ndjson (a Feature per line) or .gpkg (a GeoPackage's feature table, lon/lat); sent to the"
              + " service as it is read.")
  Path in;

  @Option(
      names = "--layer",
      paramLabel = "NAME",
      description =
          "The GeoPackage feature table to read (default: the only one; a file with several needs it).")
  String layer;

  @Option(
      names = "--wait",
      description =
          "Wait for the job to end, showing its progress, instead of exiting once it is queued.")
  boolean wait;

  @Option(
      names = "--wait-timeout",
      paramLabel = "DURATION",
      defaultValue = "24h",
      converter = Values.DurationValue.class,
      description =
          "How long --wait waits (default: ${DEFAULT-VALUE}); the job goes on after it, for 'terrace jobs"
              + " status'.")
  Duration waitTimeout;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "With --wait, write the job's rows there when it succeeds: .csv, .ndjson or .geojson.")
  String out;

  @Option(names = "--overwrite", description = "Replace --out if it exists.")
  boolean overwrite;

  @Option(
      names = "--json",
      description =
          "Print the job as JSON (the last state read, with --wait) instead of its id alone.")
  boolean asJson;

  @Override
  public Integer call() throws IOException {
    JobInput input = input();
    if (out != null && !wait) {
      throw new IllegalArgumentException(
          "--out needs --wait: without it the job is still running when this command exits; write"
              + " its rows later with 'terrace jobs results ID --out FILE'");
    }
    JobResultsOut target = out == null ? null : target();
    if (wait && (waitTimeout.isZero() || waitTimeout.isNegative())) {
      throw new IllegalArgumentException("--wait-timeout must be more than 0, not " + waitTimeout);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TerraceClient client = service.open()) {
      Job job =
          client
              .jobs()
              .create(new CreateJobRequest(options.batch(List.of()), List.of(), layer), input);
      if (!wait) {
        print(job, stdout);
        err.println(
            "Job "
                + job.id()
                + " is "
                + job.status().wireName()
                + ": follow it with 'terrace jobs status"
                + service.urlOption()
                + " "
                + job.id()
                + "', read its rows with 'terrace jobs results"
                + service.urlOption()
                + " "
                + job.id()
                + " --out FILE'.");
        err.flush();
        return Main.OK;
      }
      JobProgress progress = new JobProgress(err, Terminal.stderr(), Instant::now);
      try {
        job = client.jobs().waitFor(job.id(), waitTimeout, progress::update);
      } finally {
        // An error (the service gone, --wait-timeout) starts on a line of its own.
        progress.finish();
      }
      print(job, stdout);
      ended(job);
      long rows = 0;
      if (target != null) {
        try (Stream<JobRow> results = client.jobs().results(job.id())) {
          rows = target.write(results, stdout);
        }
      }
      summary(err, job, target, rows);
      return job.failedRows() > 0 ? Main.FAILURE : Main.OK;
    }
  }

  /** --out, checked before the job is submitted: a job is not cheap to submit again. */
  private JobResultsOut target() throws IOException {
    if (out.equals("-")) {
      throw new IllegalArgumentException(
          "--out -: submit prints the job's id on stdout; write the rows to a file, or print them"
              + " with 'terrace jobs results ID' afterwards");
    }
    Path file = Path.of(out);
    if (!overwrite && Files.exists(file) && Files.size(file) > 0) {
      throw new IllegalArgumentException(out + " exists: replace it with --overwrite");
    }
    return JobResultsOut.of(out, null, 0, true);
  }

  /** The input, checked here so that a wrong file never reaches the service. */
  private JobInput input() {
    if (!Files.isRegularFile(in)) {
      throw new IllegalArgumentException("--in " + in + ": no such file");
    }
    JobInputFormat format =
        JobInputFormat.ofFileName(in.getFileName().toString())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--in "
                            + in
                            + ": name it .csv, .geojson, .ndjson or .gpkg so that its format is"
                            + " known"));
    if (layer != null && format != JobInputFormat.GEOPACKAGE) {
      throw new IllegalArgumentException(
          "--layer is for GeoPackage input, and --in " + in + " is not");
    }
    return JobInput.of(in, format);
  }

  private void print(Job job, PrintWriter stdout) {
    stdout.println(asJson ? json.write(job) : job.id());
    stdout.flush();
  }

  /** A job that did not succeed is a failure, with its error. */
  private void ended(Job job) {
    if (job.status() == JobStatus.FAILED) {
      throw new IllegalStateException("job " + job.id() + " failed: " + job.error());
    }
    if (job.status() == JobStatus.CANCELLED) {
      throw new IllegalStateException(
          "job "
              + job.id()
              + " was cancelled after "
              + job.processed()
              + " rows; 'terrace jobs results"
              + service.urlOption()
              + " "
              + job.id()
              + " --out FILE' writes them");
    }
  }

  private void summary(PrintWriter err, Job job, JobResultsOut target, long rows) {
    StringBuilder line =
        new StringBuilder(
            String.format(Locale.ROOT, "Job %s succeeded: %,d rows", job.id(), job.processed()));
    if (job.startedAt() != null && job.finishedAt() != null) {
      line.append(
          String.format(
              Locale.ROOT,
              " in %.1f s",
              Duration.between(job.startedAt(), job.finishedAt()).toMillis() / 1e3));
    }
    if (target != null) {
      line.append(String.format(Locale.ROOT, "; wrote %,d rows to %s", rows, target.name()));
    }
    if (job.failedRows() > 0) {
      line.append(String.format(Locale.ROOT, "; %,d failed: ", job.failedRows()));
      line.append(
          target != null
              ? "their error column says why"
              : "'terrace jobs results" + service.urlOption() + " " + job.id() + "' says why");
    }
    err.println(line.append('.'));
    err.flush();
  }
}
