package dev.terrace.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the Java SDK code a page shows (its imports, then statements) against this test's class
 * path, so that code offered for copying is code that compiles.
 */
final class JavaSnippet {

  private JavaSnippet() {}

  /**
   * @param snippet import lines, a blank line, then statements
   * @return the compiler's errors, empty when it compiles
   */
  static List<String> compile(String snippet) {
    int body = snippet.indexOf("\n\n");
    String source =
        snippet.substring(0, body)
            + "\n\nclass Snippet {\n  static void run() throws Exception {\n"
            + snippet.substring(body + 2)
            + "\n  }\n}\n";
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> errors = new DiagnosticCollector<>();
    Path dir = null;
    try {
      dir = Files.createTempDirectory("snippet");
      Path file = dir.resolve("Snippet.java");
      Files.writeString(file, source);
      try (StandardJavaFileManager files = javac.getStandardFileManager(errors, null, null)) {
        javac
            .getTask(
                null,
                files,
                errors,
                List.of(
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    dir.toString(),
                    "-proc:none"),
                null,
                files.getJavaFileObjects(file))
            .call();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
    return errors.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getLineNumber() + ": " + d.getMessage(null) + "\n" + source)
        .toList();
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
