package dev.terrace.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one readable message on stderr and an exit code: a wrong command line (or a
 * value out of range, or a request the engine or service rejects) is 2 with a pointer to {@code
 * --help}, a service out of reach 3, a service refusing the key 4, anything else 1 (see {@link
 * Failures}). No stack traces.
 */
final class Errors implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    PrintWriter err = ex.getCommandLine().getErr();
    err.println("error: " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    return usage(ex.getCommandLine());
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    cmd.getErr().println("error: " + Failures.message(ex));
    int code = Failures.exitCode(ex);
    if (code == Main.USAGE) {
      return usage(cmd);
    }
    cmd.getErr().flush();
    return code;
  }

  private static int usage(CommandLine cmd) {
    cmd.getErr()
        .println(
            "Run '"
                + cmd.getCommandSpec().qualifiedName()
                + " --help' for the options and examples.");
    cmd.getErr().flush();
    return Main.USAGE;
  }

  /** The exception's message, followed by its root cause's when that adds something. */
  static String message(Throwable ex) {
    String text = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    Throwable root = ex;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != ex && root.getMessage() != null && !text.contains(root.getMessage())) {
      text += " (" + root.getMessage() + ")";
    }
    return text;
  }
}
