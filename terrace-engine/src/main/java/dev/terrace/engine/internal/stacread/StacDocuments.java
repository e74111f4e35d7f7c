package dev.terrace.engine.internal.stacread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.raster.RasterFormatException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * Fetches the JSON documents of a STAC catalog — catalogs, collections, items — through the same
 * byte sources as rasters (files, HTTP, object storage), and resolves the hrefs they hold against
 * their own location, as STAC's relative links are meant.
 */
final class StacDocuments {

  /** A STAC document is small; this bounds what a wrong link can make us read into memory. */
  private static final long LARGEST = 16 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, ByteSource> opener;

  /**
   * @param opener opens the bytes at an absolute path or URL
   */
  StacDocuments(Function<String, ByteSource> opener) {
    this.opener = opener;
  }

  /**
   * @param where an absolute path or URL
   * @return the document
   * @throws dev.terrace.engine.internal.raster.RasterIoException if it cannot be fetched
   * @throws RasterFormatException if it is too large or not JSON
   */
  JsonNode read(String where) {
    try (ByteSource bytes = opener.apply(where)) {
      long length = bytes.length();
      if (length > LARGEST) {
        throw new RasterFormatException(
            bytes.name() + ": " + length + " bytes is too large for a STAC document");
      }
      return JSON.readTree(bytes.read(0, (int) length));
    } catch (IOException e) {
      throw new RasterFormatException(where + ": not a JSON document: " + e.getMessage(), e);
    }
  }

  /**
   * @param base the absolute path or URL of the document that holds {@code href}
   * @param href a link's or an asset's href: relative, an absolute path, or a URL
   * @return {@code href} as an absolute path or URL
   * @throws RasterFormatException if either is not a valid URI, or if the link is refused ({@link
   *     LinkGuard})
   */
  static String resolve(String base, String href) {
    String target = absolute(base, href);
    LinkGuard.check(base, target);
    return target;
  }

  private static String absolute(String base, String href) {
    try {
      if (isUrl(href)) {
        return href.regionMatches(true, 0, "file:", 0, 5)
            ? Path.of(new URI(href)).toString()
            : href;
      }
      URI resolved = uri(base).resolve(new URI(null, null, href, null));
      return switch (resolved.getScheme().toLowerCase(Locale.ROOT)) {
        case "file" -> Path.of(resolved).toString();
        // An object's key is written as stored, not percent-encoded.
        case "s3", "gs" ->
            resolved.getScheme() + "://" + resolved.getAuthority() + resolved.getPath();
        default -> resolved.toString();
      };
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new RasterFormatException(
          base + ": the link " + href + " cannot be resolved: " + e.getMessage(), e);
    }
  }

  private static URI uri(String where) throws URISyntaxException {
    return isUrl(where) ? new URI(where) : Path.of(where).toAbsolutePath().toUri();
  }

  /**
   * @return whether {@code where} starts with a scheme (http, https, s3, gs, file) rather than
   *     being a path
   */
  static boolean isUrl(String where) {
    return where.toLowerCase(Locale.ROOT).matches("[a-z][a-z0-9+.\\-]*:.*");
  }
}
