package dev.terrace.testkit.stac;

import dev.terrace.testkit.node.NodeTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Validates STAC 1.0.0 JSON documents (Catalogs, Collections, Items, ItemCollections and {@code
 * /collections} lists) offline with the npm package {@code stac-node-validator}, pinned at {@link
 * #VERSION}, against JSON schemas vendored in this test kit: the STAC 1.0.0 core schemas, the
 * GeoJSON schemas that they use, and the {@code raster}, {@code classification} and {@code
 * projection} extensions at v1.1.0 (with the PROJJSON schema that {@code projection} uses).
 *
 * <p>The validator reads each schema URL from a local copy ({@code --schemaMap}). Its HTTP client
 * is pointed at a proxy on a closed loopback port, so a document that needs any other schema (an
 * extension or STAC version not vendored) fails, with {@code Schema at 'URL' not found} or {@code
 * connect ECONNREFUSED 127.0.0.1:9}, instead of reaching the network; vendor that schema to
 * validate it.
 *
 * <p>The validator checks each Item of an ItemCollection and each Collection of a collections list
 * but not the rest of the response; this class adds a check of the list's {@code type}, {@code
 * features} or {@code collections} and {@code links}.
 *
 * <p>Typical use, skipping where Node.js is not installed (outside CI):
 *
 * <pre>{@code
 * StacValidator stac = StacValidator.find().orElse(null);
 * assumeTrue(stac != null, "needs Node.js");
 * stac.validateJson(Map.of("search.json", body)).assertValid();
 * }</pre>
 *
 * <p>Thread-safe: each call runs the validator in a process of its own.
 */
public final class StacValidator {

  /**
   * The pinned {@code stac-node-validator} version: the newest that runs on Node.js 18 and 20 (the
   * 2.0 releases need Node.js 22); it validates STAC 1.0.0-rc.1 and newer.
   */
  public static final String VERSION = "1.3.2";

  private static final String PACKAGE = "stac-node-validator";

  /**
   * Port 9 (discard) on loopback, where nothing normally listens: each request is refused at once.
   */
  private static final String NO_NETWORK = "http://127.0.0.1:9";

  private static final long TIMEOUT_SECONDS = 120;

  private static StacValidator shared;

  private final Path command;
  private final VendoredSchemas schemas;

  private StacValidator(Path command, VendoredSchemas schemas) {
    this.command = command;
    this.schemas = schemas;
  }

  /**
   * Finds the validator, installing it on first use ({@link NodeTool}).
   *
   * @return the validator, or empty if Node.js is not installed and this is not CI
   * @throws IllegalStateException if Node.js is missing in CI or the install fails
   */
  public static synchronized Optional<StacValidator> find() {
    if (shared == null) {
      Optional<NodeTool> tool = NodeTool.find(PACKAGE, VERSION);
      if (tool.isEmpty()) {
        return Optional.empty();
      }
      shared = new StacValidator(tool.get().bin(PACKAGE), VendoredSchemas.extract());
    }
    return Optional.of(shared);
  }

  /**
   * Validates files.
   *
   * @param files STAC JSON files, each reported under its absolute path
   * @return the report, one entry for each file in the order given; a file is valid when the
   *     validator said nothing about it (not even that it skipped it) and, for a list response, its
   *     top level is right
   * @throws IllegalArgumentException if there are no files or one is a folder
   * @throws IllegalStateException if the validator fails without saying which file is at fault
   */
  public StacReport validate(List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no files to validate");
    }
    for (Path file : files) {
      // Given a lone folder, the validator would validate what it finds there instead.
      if (Files.isDirectory(file)) {
        throw new IllegalArgumentException("a folder, not a file: " + file);
      }
    }
    List<String> paths =
        files.stream().map(file -> file.toAbsolutePath().normalize().toString()).toList();
    List<String> arguments = new ArrayList<>();
    arguments.add(command.toString());
    arguments.add("--schemaMap");
    arguments.add(schemas.schemaMap());
    arguments.addAll(paths);
    ProcessBuilder builder = new ProcessBuilder(arguments).redirectErrorStream(true);
    offline(builder.environment());
    Run run = run(builder);
    List<List<String>> sections = ValidatorOutput.perFile(paths, run.output());
    List<FileReport> reports = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      List<String> messages = new ArrayList<>(sections.get(i));
      messages.addAll(listProblems(Path.of(paths.get(i))));
      reports.add(new FileReport(paths.get(i), messages.isEmpty(), messages));
    }
    StacReport report = new StacReport(reports, run.output());
    if (run.exitCode() != 0 && report.valid()) {
      throw new IllegalStateException(
          "the STAC validator exited with " + run.exitCode() + ":\n" + run.output());
    }
    return report;
  }

  /**
   * Validates a file, or every {@code .json} file in a folder and its subfolders.
   *
   * @param fileOrFolder a STAC JSON file or a folder of them
   * @return the report, with a folder's files in the order of their paths
   * @throws UncheckedIOException if the folder cannot be listed
   * @throws IllegalArgumentException if the folder has no {@code .json} file
   */
  public StacReport validate(Path fileOrFolder) {
    if (!Files.isDirectory(fileOrFolder)) {
      return validate(List.of(fileOrFolder));
    }
    try (Stream<Path> walk = Files.walk(fileOrFolder)) {
      List<Path> files =
          walk.filter(path -> path.getFileName().toString().endsWith(".json"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
      if (files.isEmpty()) {
        throw new IllegalArgumentException("no .json file in " + fileOrFolder);
      }
      return validate(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + fileOrFolder, e);
    }
  }

  /**
   * Validates JSON texts, such as response bodies, written to a temporary folder for the validator.
   *
   * @param documents each text by a name to report it under, a plain file name such as {@code
   *     search.json}
   * @return the report, with each {@link FileReport#source()} the text's name, in name order
   * @throws IllegalArgumentException if a name is not a plain file name
   * @throws UncheckedIOException if the texts cannot be written
   */
  public StacReport validateJson(Map<String, String> documents) {
    Path folder = null;
    try {
      folder = Files.createTempDirectory("terrace-stac");
      List<String> names = documents.keySet().stream().sorted().toList();
      List<Path> files = new ArrayList<>();
      for (String name : names) {
        Path file = folder.resolve(name).normalize();
        if (!folder.equals(file.getParent())) {
          throw new IllegalArgumentException("not a plain file name: " + name);
        }
        Files.writeString(file, documents.get(name), StandardCharsets.UTF_8);
        files.add(file);
      }
      StacReport report = validate(files);
      List<FileReport> named = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        FileReport file = report.files().get(i);
        named.add(new FileReport(names.get(i), file.valid(), file.messages()));
      }
      return new StacReport(named, report.output());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JSON texts to validate", e);
    } finally {
      delete(folder);
    }
  }

  /**
   * Points the validator's HTTP client (axios, which reads the proxy variables) at {@link
   * #NO_NETWORK}: the schema map covers every schema that Terrace's documents use, so a request
   * means a schema is missing, and it must fail here rather than depend on the network.
   */
  private static void offline(Map<String, String> environment) {
    environment.keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
    for (String name : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")) {
      environment.put(name, NO_NETWORK);
    }
  }

  private static List<String> listProblems(Path file) {
    try {
      return ListShape.problems(JsonReader.read(Files.readString(file)));
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private record Run(int exitCode, String output) {}

  private static Run run(ProcessBuilder builder) {
    Path log = null;
    try {
      // To a file rather than a pipe, so that the timeout holds even if the validator hangs.
      log = Files.createTempFile("terrace-stac", ".log");
      Process process = builder.redirectOutput(log.toFile()).start();
      process.getOutputStream().close();
      boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!done) {
        process.destroyForcibly().waitFor();
      }
      String output = Files.readString(log);
      if (!done) {
        throw new IllegalStateException(
            "the STAC validator took over " + TIMEOUT_SECONDS + " seconds:\n" + output);
      }
      return new Run(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + builder.command().getFirst(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running the STAC validator", e);
    } finally {
      delete(log);
    }
  }

  /** Deletes a temporary file or folder, if one was made. */
  private static void delete(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }
}
