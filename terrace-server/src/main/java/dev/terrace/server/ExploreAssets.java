package dev.terrace.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The files of the /explore page, read from the classpath once and kept: the page's own under
 * {@code dev/terrace/server/explore/}, uPlot's from its WebJar under {@code uplot/}.
 */
final class ExploreAssets {

  /** One served file: its bytes, media type and entity tag. */
  record Asset(byte[] body, String type, String etag) {}

  static final String PAGE = "explore.html";

  private static final String ROOT = "dev/terrace/server/explore/";
  private static final String UPLOT = "uplot/";
  private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

  /**
   * Segments of letters, digits, dots, dashes and underscores, none starting with a dot: no way out
   * of the folders above, whatever the path.
   */
  private static final Pattern SAFE =
      Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

  /** The only kinds of file the page has; anything else is not served. */
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "png", "image/png",
          "svg", "image/svg+xml",
          "geojson", "application/geo+json",
          "md", "text/markdown; charset=utf-8",
          "txt", "text/plain; charset=utf-8");

  /** Files found, kept; a miss is not kept, so that probing names cannot grow the map. */
  private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

  private final String uplotRoot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/";

  /**
   * @param path the path under {@code /explore/assets/}, for example {@code leaflet/leaflet.js}
   * @return the file, or empty when there is none of a served kind
   */
  Optional<Asset> find(String path) {
    if (!SAFE.matcher(path).matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(loaded.computeIfAbsent(path, this::load));
  }

  /** The file, or null when there is none of a served kind. */
  private Asset load(String path) {
    String type = TYPES.get(extension(path));
    String resource;
    if (path.startsWith(UPLOT)) {
      String file = path.substring(UPLOT.length());
      // The WebJar holds its licence beside dist/; the page asks for it as uplot/LICENSE.txt.
      resource = uplotRoot + (file.equals("LICENSE.txt") ? "LICENSE" : "dist/" + file);
    } else {
      resource = ROOT + path;
    }
    if (type == null) {
      return null;
    }
    byte[] body = read(resource);
    return body == null
        ? null
        : new Asset(body, type, "\"" + Sha256.hex(body).substring(0, 32) + "\"");
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static byte[] read(String resource) {
    try (InputStream in = ExploreAssets.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The WebJar's version, from its own Maven metadata, so that upgrading it is a pom change. */
  private static String uplotVersion() {
    try (InputStream in = ExploreAssets.class.getClassLoader().getResourceAsStream(UPLOT_POM)) {
      if (in == null) {
        throw new IllegalStateException("the classpath lacks the uPlot WebJar (" + UPLOT_POM + ")");
      }
      Properties pom = new Properties();
      pom.load(in);
      return pom.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
