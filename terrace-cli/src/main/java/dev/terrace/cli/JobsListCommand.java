package dev.terrace.cli;

import dev.terrace.api.Job;
import dev.terrace.api.JobPage;
import dev.terrace.api.JobStatus;
import dev.terrace.api.ListJobsRequest;
import dev.terrace.client.TerraceClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code terrace jobs list}: the caller's jobs, newest first, as a table or JSON. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Lists the jobs of this API key, newest first: id, status, rows done of the total, failed rows,"
            + " created.",
    footer = {
      "%nExamples:",
      "  terrace jobs list --url http://localhost:8000",
      "  terrace jobs list --url http://localhost:8000 --status running --limit 5 --format json"
    })
final class JobsListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin JobsOptions service;

  @Mixin JsonStyle json;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      converter = StatusValue.class,
      description =
          "Only the jobs in this status: queued, running, succeeded, failed or cancelled (default: all).")
  JobStatus status;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "The most jobs to show, 1 to 1000 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--format",
      paramLabel = "table|json",
      defaultValue = "table",
      description = "table, or json: the jobs as the API answers them (default: ${DEFAULT-VALUE}).")
  CatalogListing.Format format;

  @Override
  public Integer call() {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("--limit must be between 1 and 1000, not " + limit);
    }
    JobPage page;
    try (TerraceClient client = service.open()) {
      page = client.jobs().list(new ListJobsRequest(status, limit, 0));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (format == CatalogListing.Format.json) {
      out.println(json.write(page.jobs()));
    } else if (page.jobs().isEmpty()) {
      err.println(
          status == null
              ? "No jobs yet: submit one with 'terrace jobs submit --url URL --dataset ID --in FILE'."
              : "No " + status.wireName() + " jobs.");
    } else {
      Table table = new Table("ID", "STATUS", "PROCESSED", "FAILED", "CREATED");
      for (Job j : page.jobs()) {
        table.row(
            j.id(),
            j.status().wireName(),
            j.processed() + "/" + (j.total() == null ? "?" : j.total()),
            j.failedRows(),
            JobsStatusCommand.time(j.createdAt()));
      }
      table.print(out);
    }
    if (page.total() > page.jobs().size()) {
      err.println(
          "The newest "
              + page.jobs().size()
              + " of "
              + page.total()
              + " jobs; --limit N shows more.");
    }
    out.flush();
    err.flush();
    return Main.OK;
  }

  static final class StatusValue implements ITypeConverter<JobStatus> {
    @Override
    public JobStatus convert(String text) {
      try {
        return JobStatus.of(text.strip());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
