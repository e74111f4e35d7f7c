package dev.terrace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code terrace keys}: groups create, list and revoke. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Manages the API keys the service accepts when it runs with --auth.",
    subcommands = {KeysCreateCommand.class, KeysListCommand.class, KeysRevokeCommand.class},
    footer = {
      "%nExamples:",
      "  terrace keys create --name etl --scope extract --scope catalog:read",
      "  terrace keys list --json",
      "  terrace keys revoke 4fQm2xT9aLk0"
    })
final class KeysCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a command: create, list or revoke");
  }
}
