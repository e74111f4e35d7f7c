package dev.terrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md names only what exists: every class it writes in backticks ({@code
 * TileCache}, {@code Outer.Inner}, {@code Class.method}) is declared in some module's {@code
 * src/main/java} (or, in the section that says its classes are tests, in a {@code src/test/java}),
 * and every package it writes in backticks ({@code dev.terrace.engine.internal.io}) is a folder of
 * some module's sources. A rename that forgets the page fails here.
 */
class ArchitectureDocIT {

  private static final Path ROOT = Path.of("..");
  private static final Path DOC = ROOT.resolve("docs/architecture.md");

  /** The heading of the one section whose classes are looked for among the tests as well. */
  private static final String TEST_SECTION = "## How the code is tested";

  private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");

  /**
   * A class name, optionally nested or followed by a member: {@code Outer.Inner}, {@code
   * Terrace.embedded()}.
   */
  private static final Pattern CLASS =
      Pattern.compile("[A-Z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*(?:\\(\\))?");

  private static final Pattern PACKAGE =
      Pattern.compile("dev\\.terrace(?:\\.[a-z][a-z0-9]*)*(?:\\.[A-Z][A-Za-z0-9.]*)?");
  private static final Pattern DECLARATION =
      Pattern.compile("\\b(?:class|interface|enum|record|@interface)\\s+([A-Z][A-Za-z0-9]*)");
  private static final Pattern DECLARED_PACKAGE =
      Pattern.compile("(?m)^package\\s+([a-z0-9_.]+)\\s*;");

  @Test
  void everyClassItNamesExists() throws IOException {
    Sources main = Sources.of("main");
    Sources test = Sources.of("test");
    List<String> missing = new ArrayList<>();
    int named = 0;
    boolean inTests = false;
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("## ")) {
        inTests = line.strip().equals(TEST_SECTION);
      }
      Matcher m = CODE.matcher(line);
      while (m.find()) {
        String code = m.group(1);
        if (!isClassName(code)) {
          continue;
        }
        named++;
        boolean found = main.hasClass(code) || inTests && test.hasClass(code);
        if (!found) {
          missing.add(code + (inTests ? " (looked for in src/main/java and src/test/java)" : ""));
        }
      }
    }

    assertThat(named).as("class names in %s", DOC).isGreaterThan(100);
    assertThat(missing).as("classes docs/architecture.md names that no module declares").isEmpty();
  }

  @Test
  void everyPackageItNamesExists() throws IOException {
    Sources main = Sources.of("main");
    Set<String> missing = new LinkedHashSet<>();
    int named = 0;
    Matcher m = CODE.matcher(Files.readString(DOC));
    while (m.find()) {
      String code = m.group(1);
      if (!PACKAGE.matcher(code).matches()) {
        continue;
      }
      named++;
      String pkg = packagePart(code);
      if (!main.packages.contains(pkg) || !main.hasFolder(pkg)) {
        missing.add(code);
      } else if (!pkg.equals(code) && !main.hasClass(code.substring(pkg.length() + 1), pkg)) {
        missing.add(code);
      }
    }

    assertThat(named).as("package names in %s", DOC).isGreaterThan(10);
    assertThat(missing).as("packages docs/architecture.md names that no module has").isEmpty();
  }

  @Test
  void everyModuleHasItsParagraphAndEveryPackageItsMention() throws IOException {
    String doc = Files.readString(DOC);
    Sources main = Sources.of("main");
    List<String> modules;
    try (Stream<Path> children = Files.list(ROOT)) {
      modules =
          children
              .filter(p -> Files.isRegularFile(p.resolve("pom.xml")))
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("terrace-"))
              .sorted()
              .toList();
    }

    assertThat(modules).isNotEmpty();
    for (String module : modules) {
      assertThat(doc).as("a paragraph on module %s", module).contains("**" + module + "**");
    }
    for (String pkg : main.packages) {
      if (main.hasFolder(pkg)) {
        assertThat(doc).as("a mention of package %s", pkg).contains("`" + pkg + "`");
      }
    }
  }

  private static boolean isClassName(String code) {
    if (!CLASS.matcher(code).matches()) {
      return false;
    }
    String first = code.split("\\.")[0].replace("()", "");
    // An upper-case word (GET, EPSG) is no class name; a class name has a lower-case letter.
    return !first.equals(first.toUpperCase());
  }

  /** The leading lower-case segments of a dotted name. */
  private static String packagePart(String dotted) {
    StringBuilder out = new StringBuilder();
    for (String segment : dotted.split("\\.")) {
      if (segment.isEmpty() || Character.isUpperCase(segment.charAt(0))) {
        break;
      }
      out.append(out.isEmpty() ? "" : ".").append(segment);
    }
    return out.toString();
  }

  /** The types declared under every module's {@code src/<kind>/java*} folders, by simple name. */
  private record Sources(
      List<Path> roots,
      Map<String, Set<Path>> files,
      Map<Path, Set<String>> declared,
      Set<String> packages) {

    static Sources of(String kind) {
      List<Path> roots = new ArrayList<>();
      Map<String, Set<Path>> files = new HashMap<>();
      Map<Path, Set<String>> declared = new HashMap<>();
      Set<String> packages = new HashSet<>();
      try (Stream<Path> modules = Files.list(ROOT)) {
        for (Path module : modules.filter(Files::isDirectory).toList()) {
          Path src = module.resolve("src").resolve(kind);
          if (!Files.isDirectory(src)) {
            continue;
          }
          try (Stream<Path> dirs = Files.list(src)) {
            roots.addAll(dirs.filter(d -> d.getFileName().toString().startsWith("java")).toList());
          }
        }
        for (Path root : roots) {
          try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
              String text = Files.readString(file);
              Set<String> names = new HashSet<>();
              Matcher d = DECLARATION.matcher(withoutComments(text));
              while (d.find()) {
                names.add(d.group(1));
                files.computeIfAbsent(d.group(1), k -> new HashSet<>()).add(file);
              }
              declared.put(file, names);
              Matcher p = DECLARED_PACKAGE.matcher(text);
              if (p.find()) {
                packages.add(p.group(1));
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Sources(roots, files, declared, packages);
    }

    /**
     * {@code Name}, {@code Outer.Inner} (declared in the same file), {@code Name.member} or {@code
     * Name()}.
     */
    boolean hasClass(String code) {
      return hasClass(code, null);
    }

    boolean hasClass(String code, String inPackage) {
      List<String> types = new ArrayList<>();
      for (String segment : code.replace("()", "").split("\\.")) {
        if (!Character.isUpperCase(segment.charAt(0))) {
          break;
        }
        types.add(segment);
      }
      Set<Path> candidates = files.getOrDefault(types.get(0), Set.of());
      for (Path file : candidates) {
        if (inPackage != null && !file.getParent().endsWith(inPackage.replace('.', '/'))) {
          continue;
        }
        if (file.getFileName().toString().equals(types.get(0) + ".java")
            && declared.get(file).containsAll(types)) {
          return true;
        }
      }
      return false;
    }

    boolean hasFolder(String pkg) {
      return roots.stream().anyMatch(r -> Files.isDirectory(r.resolve(pkg.replace('.', '/'))));
    }

    private static String withoutComments(String java) {
      return java.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }
  }
}
