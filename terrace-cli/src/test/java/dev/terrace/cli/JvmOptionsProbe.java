package dev.terrace.cli;

import java.lang.management.ManagementFactory;

/**
 * A main for {@code TERRACE_MAIN} in the launcher's tests: prints the JVM options the launcher
 * started it with, one a line, so that a test can see what the script chose for a command line.
 */
public final class JvmOptionsProbe {

  private JvmOptionsProbe() {}

  /**
   * @param args the command line the launcher was given (not used)
   */
  public static void main(String[] args) {
    ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(System.out::println);
  }
}
