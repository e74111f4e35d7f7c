package dev.terrace.cli;

import dev.terrace.api.ConflictException;
import dev.terrace.api.Job;
import dev.terrace.api.NotFoundException;
import dev.terrace.client.TerraceClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code terrace jobs cancel ID}: stops a queued or running job; its rows done stay readable. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Cancels a queued or running job: the service stops it, and the rows it has done stay readable"
            + " with 'terrace jobs results'. A job that has ended cannot be cancelled (exit 1).",
    footer = {
      "%nExamples:",
      "  terrace jobs cancel --url http://localhost:8000 job_01jf3q8m2d7zk4w9r6t0b5n1xh"
    })
final class JobsCancelCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin JobsOptions service;

  @Parameters(paramLabel = "ID", description = "The job's id, as 'terrace jobs submit' printed it.")
  String id;

  @Override
  public Integer call() {
    String job = id.strip();
    Job cancelled;
    try (TerraceClient client = service.open()) {
      try {
        cancelled = client.jobs().cancel(job);
      } catch (NotFoundException e) {
        throw service.unknown(job, e);
      } catch (ConflictException e) {
        // The service answers 409 for a job that has ended; say how it ended. Its message and
        // request id would only repeat that, so they are left out.
        Job ended = service.get(client.jobs(), job);
        throw new IllegalStateException(
            "job "
                + job
                + " has already "
                + ended.status().wireName()
                + " ("
                + ended.processed()
                + " rows done): there is nothing to cancel");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Cancelled job "
            + cancelled.id()
            + " after "
            + cancelled.processed()
            + " rows; 'terrace jobs results"
            + service.urlOption()
            + " "
            + cancelled.id()
            + " --out FILE' writes them.");
    out.flush();
    return Main.OK;
  }
}
