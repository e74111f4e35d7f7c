package dev.terrace.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The parts of {@code --help} every command shares: the exit codes. */
final class Usage {

  private Usage() {}

  static void document(CommandLine cmd) {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", "done");
    codes.put(
        "1",
        "failed (the message says why: database unreachable, port taken, bad catalog, …),"
            + " or some batch rows failed (written with their error)");
    codes.put("2", "wrong command line, option value or input (bad geometry, unknown dataset)");
    codes.put("3", "the service (--url) could not be reached or did not answer in time");
    codes.put(
        "4",
        "the service refused the API key (missing, revoked, lacking the scope) or rate-limited it");
    cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    cmd.getSubcommands().values().forEach(Usage::document);
  }
}
