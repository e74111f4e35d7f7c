package dev.terrace.engine.internal.io;

/**
 * What the first response said about a remote file. Every later response must agree, so that bytes
 * of two versions of the file are never mixed.
 *
 * @param length the file length
 * @param etag the ETag, or null if the server sent none
 * @param lastModified the Last-Modified date, or null if the server sent none
 */
record FileVersion(long length, String etag, String lastModified) {

  /**
   * @return the strongest marker of this version: the ETag, else the Last-Modified date, else the
   *     length
   */
  String tag() {
    return etag != null ? etag : lastModified != null ? lastModified : Long.toString(length);
  }

  /**
   * @return the ETag to send as {@code If-Match}, or null if there is none or it is weak
   */
  String ifMatch() {
    // If-Match needs a strong ETag (RFC 9110 13.1.1); a weak one would never match.
    return etag != null && !etag.startsWith("W/") ? etag : null;
  }
}
