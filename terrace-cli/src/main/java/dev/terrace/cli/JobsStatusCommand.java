package dev.terrace.cli;

import dev.terrace.api.Job;
import dev.terrace.client.TerraceClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code terrace jobs status ID}: one job's status and progress, as a table or JSON. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Shows a job: its status, rows done of the input's total, failed rows, rate, estimated end, error.",
    footer = {
      "%nExamples:",
      "  terrace jobs status --url http://localhost:8000 job_01jf3q8m2d7zk4w9r6t0b5n1xh",
      "  terrace jobs status --url http://localhost:8000 job_01jf3q8m2d7zk4w9r6t0b5n1xh --format json"
    })
final class JobsStatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin JobsOptions service;

  @Mixin JsonStyle json;

  @Parameters(paramLabel = "ID", description = "The job's id, as 'terrace jobs submit' printed it.")
  String id;

  @Option(
      names = "--format",
      paramLabel = "table|json",
      defaultValue = "table",
      description = "table, or json as the API answers (default: ${DEFAULT-VALUE}).")
  CatalogListing.Format format;

  @Override
  public Integer call() {
    Job job;
    try (TerraceClient client = service.open()) {
      job = service.get(client.jobs(), id.strip());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == CatalogListing.Format.json) {
      out.println(json.write(job));
    } else {
      table(job, Instant.now()).print(out);
    }
    out.flush();
    return Main.OK;
  }

  static Table table(Job job, Instant now) {
    Long total = job.total();
    String done =
        total == null
            ? String.format(
                Locale.ROOT, "%,d of ? rows (the input is still being read)", job.processed())
            : String.format(
                Locale.ROOT,
                "%,d of %,d rows (%.0f%%)",
                job.processed(),
                total,
                total == 0 ? 100.0 : 100.0 * job.processed() / total);
    return new Table("FIELD", "VALUE")
        .row("id", job.id())
        .row("status", job.status().wireName())
        .row("processed", done)
        .row("extracted", String.format(Locale.ROOT, "%,d rows read", job.extracted()))
        .row("failed_rows", String.format(Locale.ROOT, "%,d", job.failedRows()))
        .row(
            "rate",
            job.rowsPerSecond() == null
                ? null
                : String.format(Locale.ROOT, "%,.0f rows/s", job.rowsPerSecond()))
        .row(
            "eta",
            job.estimatedEnd() == null
                ? null
                : time(job.estimatedEnd())
                    + " (in "
                    + Progress.clock(Duration.between(now, job.estimatedEnd()).toMillis() / 1e3)
                    + ")")
        .row("created", time(job.createdAt()))
        .row("started", time(job.startedAt()))
        .row("finished", time(job.finishedAt()))
        .row("error", job.error());
  }

  static String time(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
