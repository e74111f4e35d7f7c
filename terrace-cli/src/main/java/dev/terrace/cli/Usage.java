package dev.terrace.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The parts of {@code --help} every command shares: the exit codes. */
final class Usage {

  private Usage() {
  }

  static void document(CommandLine cmd) {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", "done");
    codes.put("1", "failed (the message says why: database unreachable, port taken, bad catalog, …)");
    codes.put("2", "wrong command line or option value");
    cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    cmd.getSubcommands().values().forEach(Usage::document);
  }
}
