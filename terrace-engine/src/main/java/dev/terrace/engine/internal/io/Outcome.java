package dev.terrace.engine.internal.io;

import java.net.http.HttpHeaders;

/** What one HTTP exchange produced: bytes, or a status that says why there are none. */
sealed interface Outcome {

  /**
   * Bytes received: {@code bytes} holds {@code [bodyOffset, bodyOffset + bytes.length)}.
   *
   * @param bodyOffset the file offset of {@code bytes[0]}
   * @param bytes the body, or the part of it that was kept
   * @param total the file length the server declared
   * @param whole true if {@code bytes} is the entire file
   * @param etag the ETag of the response, or null
   * @param lastModified the Last-Modified date of the response, or null
   */
  record Fetched(
      long bodyOffset, byte[] bytes, long total, boolean whole, String etag, String lastModified)
      implements Outcome {}

  /**
   * A non-2xx answer, with the start of its body for the message.
   *
   * @param status the HTTP status
   * @param headers the response headers, for Retry-After, ETag and Content-Range
   * @param snippet the start of the body, white space folded; empty if there was none
   */
  record Failed(int status, HttpHeaders headers, String snippet) implements Outcome {}
}
