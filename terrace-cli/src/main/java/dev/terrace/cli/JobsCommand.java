package dev.terrace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code terrace jobs}: groups submit, status, list, cancel and results. */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Runs extractions of up to 10 million rows as jobs on a service (--url): submitted, run in the"
          + " background by the service, followed, and read back as rows in input order.",
      "The service keeps its jobs in its database, so that they survive this command and a restart of the"
          + " service; start one with 'terrace serve'. With TERRACE_URL set, --url can be left out."
    },
    subcommands = {
      JobsSubmitCommand.class,
      JobsStatusCommand.class,
      JobsListCommand.class,
      JobsCancelCommand.class,
      JobsResultsCommand.class
    },
    footer = {
      "%nExamples:",
      "  terrace jobs submit --url http://localhost:8000 -d lux:elevation --in points.csv --wait --out values.csv",
      "  terrace jobs status --url http://localhost:8000 job_01jf3q8m2d7zk4w9r6t0b5n1xh",
      "  terrace jobs list --url http://localhost:8000 --status running",
      "  terrace jobs cancel --url http://localhost:8000 job_01jf3q8m2d7zk4w9r6t0b5n1xh",
      "  terrace jobs results --url http://localhost:8000 job_01jf3q8m2d7zk4w9r6t0b5n1xh --out values.ndjson"
    })
final class JobsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing a command: submit, status, list, cancel or results");
  }
}
