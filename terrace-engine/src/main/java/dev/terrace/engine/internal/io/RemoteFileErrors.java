package dev.terrace.engine.internal.io;

import dev.terrace.engine.internal.io.Outcome.Failed;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.raster.RasterNotFoundException;

/**
 * Builds the exceptions about one remote file, so that every message names the URL the same way and
 * a caller can tell from the wording what to do: reopen, fix access, or try later.
 */
final class RemoteFileErrors {

  private final String name;

  /**
   * @param name the URL, as it should appear in messages
   */
  RemoteFileErrors(String name) {
    this.name = name;
  }

  /**
   * @return {@code "<url>: <detail>"}
   */
  RasterIoException io(String detail) {
    return new RasterIoException(name + ": " + detail);
  }

  /**
   * @return {@code "<url>: <detail>"} with its cause
   */
  RasterIoException io(String detail, Throwable cause) {
    return new RasterIoException(name + ": " + detail, cause);
  }

  /**
   * @return the failure for a response that breaks the HTTP rules or contradicts the request
   */
  RasterIoException invalidResponse(String detail) {
    return io("invalid response: " + detail);
  }

  /**
   * @return the failure for a file that is no longer the version it was opened as
   */
  RasterIoException changed(String detail) {
    return new RasterIoException(
        "remote file "
            + name
            + " changed since it was opened ("
            + detail
            + "); reopen it to read the new version");
  }

  /**
   * @return the failure for a read after {@link HttpByteSource#close()}
   */
  RasterIoException closed() {
    return new RasterIoException(name + " is closed");
  }

  /**
   * Explains a status that is not worth retrying.
   *
   * @param range the Range header that was sent
   * @param known the version the file was opened as; null while opening
   */
  RasterIoException forStatus(Failed f, String range, FileVersion known) {
    int s = f.status();
    if (s == 404 || s == 410) {
      return new RasterNotFoundException("not found: " + name);
    }
    if (s == 412) {
      return changed(
          "the server no longer matches If-Match: "
              + (known == null ? null : known.etag())
              + " (now "
              + f.headers().firstValue("ETag").orElse("unknown")
              + ")");
    }
    if (s == 416) {
      String reported = f.headers().firstValue("Content-Range").orElse("no Content-Range");
      return io(
          "server cannot satisfy "
              + range
              + " ("
              + reported
              + "); the file was opened with length "
              + (known == null ? "unknown" : known.length()));
    }
    if (s == 401 || s == 403) {
      return new RasterIoException(
          "access denied (HTTP " + s + ") to " + name + snippetSuffix(f.snippet()));
    }
    return io("HTTP " + s + " for " + range + snippetSuffix(f.snippet()));
  }

  /**
   * @return {@code ": <snippet>"}, or nothing for an empty error body
   */
  static String snippetSuffix(String snippet) {
    return snippet.isEmpty() ? "" : ": " + snippet;
  }

  /**
   * @return the exception's class, and its message if it has one: some I/O exceptions have none
   */
  static String describe(Throwable t) {
    String type = t.getClass().getSimpleName();
    return t.getMessage() == null ? type : type + ": " + t.getMessage();
  }
}
