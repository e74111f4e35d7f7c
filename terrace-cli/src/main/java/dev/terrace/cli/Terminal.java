package dev.terrace.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether stdout and stderr are a terminal: JSON is pretty there and compact in a pipe, and the
 * batch progress bar shows only there. The launcher tests each stream ({@code [ -t 1 ]}, {@code [
 * -t 2 ]}) and passes the answer as {@code terrace.stdout.tty} / {@code terrace.stderr.tty};
 * without it (plain {@code java -jar}) the console decides for both.
 */
final class Terminal {

  private Terminal() {}

  static boolean stdout() {
    return is("terrace.stdout.tty");
  }

  static boolean stderr() {
    return is("terrace.stderr.tty");
  }

  private static boolean is(String property) {
    String told = System.getProperty(property);
    return told != null ? Boolean.parseBoolean(told) : console();
  }

  /**
   * Java 22 and later return a console even when redirected; its isTerminal() then says which it
   * is.
   */
  private static boolean console() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
