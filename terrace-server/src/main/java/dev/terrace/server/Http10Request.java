package dev.terrace.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes of an HTTP/1.0 connection as Helidon's HTTP/1.1 parser can serve them: the request line
 * says HTTP/1.1 and a {@code Connection: close} follows it, and the stream ends after the one
 * request.
 *
 * <p>The request means the same in HTTP/1.1, and an HTTP/1.1 answer is what RFC 9110 §2.5 has a
 * server send to a 1.0 client. Every answer of this service has a {@code Content-Length}, never a
 * chunked body such a client could not read. HTTP/1.0 closes the connection after the answer, and
 * some clients read until it does; Helidon keeps reading for a next request, so the stream ends
 * once the request's head and its {@code Content-Length} bytes have been handed on, and the
 * connection closes after the answer.
 */
final class Http10Request implements Supplier<byte[]> {

  private static final byte[] CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern CONTENT_LENGTH =
      Pattern.compile("(?im)^content-length:[ \t]*(\\d{1,18})[ \t]*$");

  private final Supplier<byte[]> received;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private boolean firstLine = true;

  /** Body bytes still to hand on; negative until the head is complete. */
  private long bodyLeft = -1;

  /**
   * @param received the connection's bytes, whose first line, already received, ends in HTTP/1.0
   */
  Http10Request(Supplier<byte[]> received) {
    this.received = received;
  }

  @Override
  public byte[] get() {
    if (bodyLeft == 0) {
      return null;
    }
    byte[] bytes = received.get();
    if (bytes == null) {
      return null;
    }
    if (bodyLeft > 0) {
      bodyLeft = Math.max(0, bodyLeft - bytes.length);
      return bytes;
    }
    if (firstLine) {
      firstLine = false;
      bytes = asHttp11(bytes);
    }
    head.writeBytes(bytes);
    byte[] soFar = head.toByteArray();
    int end = indexOf(soFar, END_OF_HEAD);
    if (end >= 0) {
      Matcher length =
          CONTENT_LENGTH.matcher(new String(soFar, 0, end + 2, StandardCharsets.ISO_8859_1));
      long declared = length.find() ? Long.parseLong(length.group(1)) : 0;
      bodyLeft = Math.max(0, declared - (soFar.length - end - END_OF_HEAD.length));
    }
    return bytes;
  }

  /**
   * The bytes with their first line, which ends {@code HTTP/1.0}, ending {@code HTTP/1.1} and
   * followed by close.
   */
  private static byte[] asHttp11(byte[] bytes) {
    int lf = indexOf(bytes, new byte[] {'\n'});
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + CLOSE.length);
    out.write(bytes, 0, lf - 2);
    out.write('1');
    out.write(bytes, lf - 1, 2);
    out.writeBytes(CLOSE);
    out.write(bytes, lf + 1, bytes.length - lf - 1);
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    return -1;
  }
}
