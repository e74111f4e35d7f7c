package dev.terrace.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.terrace.server.ApiKey;
import dev.terrace.server.ApiKeyStore;
import dev.terrace.server.Database;
import dev.terrace.server.Scope;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terrace keys list}: every key, revoked ones included, as a table or JSON. Never the
 * secrets.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Lists the API keys (id, name, scopes, created, revoked), oldest first; secrets are never shown.",
    footer = {
      "%nExamples:",
      "  terrace keys list",
      "  terrace keys list --json --db jdbc:sqlite:/var/lib/terrace.db"
    })
final class KeysListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Mixin DatabaseOption db;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    List<ApiKey> keys;
    try (Database database = db.open()) {
      keys = new ApiKeyStore(database).list();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(keys.stream().map(KeysListCommand::jsonOf).toList()));
    } else if (keys.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "No API keys yet: create one with 'terrace keys create --name NAME"
                  + " --scope extract'.");
    } else {
      Table table = new Table("ID", "NAME", "SCOPES", "CREATED", "REVOKED");
      keys.forEach(
          k ->
              table.row(
                  k.id(),
                  k.name(),
                  scopeText(k.scopes()),
                  time(k.createdAt()),
                  k.revokedAt() == null ? null : time(k.revokedAt())));
      table.print(out);
    }
    out.flush();
    spec.commandLine().getErr().flush();
    return Main.OK;
  }

  static String scopeText(Set<Scope> scopes) {
    return scopes.stream().map(Scope::wireName).collect(Collectors.joining(","));
  }

  private static Map<String, Object> jsonOf(ApiKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id());
    m.put("name", k.name());
    m.put("scopes", k.scopes().stream().map(Scope::wireName).toList());
    m.put("created_at", k.createdAt().toString());
    m.put("revoked_at", k.revokedAt() == null ? null : k.revokedAt().toString());
    m.put("active", k.active());
    return m;
  }

  private static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
