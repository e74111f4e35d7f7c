package dev.terrace.cli;

import dev.terrace.server.ApiKeyStore;
import dev.terrace.server.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code terrace keys revoke}: refuses a key from now on. */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Revokes an API key: the service refuses it from now on (401).",
    footer = {
      "%nExamples:",
      "  terrace keys revoke 4fQm2xT9aLk0",
      "  terrace keys revoke \"$TERRACE_API_KEY\""
    })
final class KeysRevokeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Mixin DatabaseOption db;

  @Parameters(
      paramLabel = "ID",
      description = "The key's id (as 'terrace keys list' shows it) or the whole key.")
  String id;

  @Override
  public Integer call() {
    boolean revoked;
    try (Database database = db.open()) {
      revoked = new ApiKeyStore(database).revoke(id.strip());
    }
    if (!revoked) {
      throw new IllegalStateException(
          "no active key with id '"
              + id.strip()
              + "' in "
              + db.url
              + "; 'terrace keys list' shows the ids and which keys are already revoked");
    }
    spec.commandLine().getOut().println("Revoked key " + id.strip() + ".");
    spec.commandLine().getOut().flush();
    return Main.OK;
  }
}
