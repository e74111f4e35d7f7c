package dev.terrace.cli;

import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code terrace} command: {@code serve} runs the HTTP service, {@code keys} manages its API
 * keys, {@code extract}, {@code batch} and {@code catalog} ask the engine here or a service
 * elsewhere.
 *
 * <pre>{@code
 * terrace serve --port 8000 --auth
 * terrace keys create --name etl --scope extract
 * terrace extract --dataset lux:elevation --geometry '{"type":"Point","coordinates":[6.13,49.61]}'
 * }</pre>
 *
 * Exit codes: 0 when the command succeeded, 1 when it failed (or some batch rows failed), 2 when
 * the command line or the request was wrong, 3 when the service could not be reached, 4 when it
 * refused the API key.
 */
public final class Main {

  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int UNREACHABLE = 3;
  static final int REFUSED = 4;

  private Main() {}

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the arguments, for example {@code serve --port 8080}
   */
  public static void main(String[] args) {
    Logging.configure();
    System.exit(commandLine(System.getenv()).execute(args));
  }

  /**
   * The command tree, reading option defaults from {@code env} and then from the {@code --config}
   * file.
   */
  static CommandLine commandLine(Map<String, String> env) {
    CommandLine cli = new CommandLine(new TerraceCommand());
    // @FILE is extract's way to read a geometry from a file, not picocli's argument file.
    cli.setExpandAtFiles(false);
    cli.setDefaultValueProvider(new Defaults(env));
    cli.setExecutionExceptionHandler(new Errors());
    cli.setParameterExceptionHandler(new Errors());
    cli.setExitCodeExceptionMapper(e -> FAILURE);
    cli.setUsageHelpWidth(110);
    Usage.document(cli);
    return cli;
  }
}
