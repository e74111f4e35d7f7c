package dev.terrace.cli;

import dev.terrace.server.ApiKeyStore;
import dev.terrace.server.Database;
import dev.terrace.server.Scope;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code terrace keys create}: makes a key and prints it, the only time it can be seen. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Creates an API key and prints it once: only its hash is stored.",
    footer = {
      "%nExamples:",
      "  terrace keys create --name etl --scope extract --scope catalog:read",
      "  terrace keys create --name ops --scope admin --db 'jdbc:postgresql://db/terrace?user=terrace'"
    })
final class KeysCreateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Mixin DatabaseOption db;

  @Option(
      names = "--name",
      required = true,
      description = "What the key is for, e.g. the client's name.")
  String name;

  @Option(
      names = "--scope",
      required = true,
      paramLabel = "SCOPE",
      split = ",",
      converter = ScopeValue.class,
      description = "What the key may do, repeatable: extract, catalog:read, admin.")
  List<Scope> scopes;

  @Override
  public Integer call() {
    if (name.isBlank()) {
      throw new IllegalArgumentException("--name must not be blank");
    }
    ApiKeyStore.Created created;
    try (Database database = db.open()) {
      created = new ApiKeyStore(database).create(name.strip(), EnumSet.copyOf(scopes));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(created.secret());
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "Created key "
            + created.key().id()
            + " ("
            + created.key().name()
            + ") with scopes "
            + KeysListCommand.scopeText(created.key().scopes())
            + ".");
    err.println(
        "Store it now: it is shown only once. Send it as 'Authorization: Bearer <key>' or 'X-API-Key'.");
    out.flush();
    err.flush();
    return Main.OK;
  }

  /** Reads a scope name; an unknown one lists the valid ones. */
  static final class ScopeValue implements ITypeConverter<Scope> {
    @Override
    public Scope convert(String text) {
      try {
        return Scope.of(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
