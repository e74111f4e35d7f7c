package dev.terrace.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one readable message on stderr and an exit code: a wrong command line (or a value out of
 * range) is 2 with a pointer to {@code --help}, anything else is 1. No stack traces.
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
    cmd.getErr().println("error: " + message(ex));
    return ex instanceof IllegalArgumentException ? usage(cmd) : Main.FAILURE;
  }

  private static int usage(CommandLine cmd) {
    cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options and examples.");
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
