package dev.terrace.server;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.DirectHandler;
import io.helidon.http.RequestException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A connection's bytes for Helidon's HTTP/1.1 parser, with two corrections.
 *
 * <p>An HTTP/1.0 request line is handed on as HTTP/1.1 with {@code Connection: close}: the request means the
 * same, the HTTP/1.1 answer is what RFC 9110 §2.5 has a server send to a 1.0 client, and closing after it is
 * HTTP/1.0's default. Every answer of this service has a {@code Content-Length}, never a chunked body that a 1.0
 * client could not read.
 *
 * <p>Chunked bodies (RFC 9112 §7.1) are framed more strictly than the parser frames them. It reads a line only
 * for a chunk's size and parses it unchecked, so that a size that is no number escapes as a 500; here it is
 * refused as the client's fault. It skips the two bytes after a chunk's data without looking at them (everywhere
 * else it skips two bytes it has already found to be CRLF); here a chunk that does not end in CRLF is refused
 * instead of the next bytes being read as if it did.
 */
final class WireReader extends DataReader {

  /** A chunk size: hexadecimal digits, fewer than an int overflows with. */
  private static final Pattern CHUNK_SIZE = Pattern.compile("[0-9A-Fa-f]{1,7}");
  private static final byte[] CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);

  /** Inside a read of data, whose own skip moves past the data rather than past framing. */
  private boolean reading;

  // The deprecated constructor is the one a subclass can call; the factory methods build a plain reader.
  @SuppressWarnings("removal")
  WireReader(DataReader source, boolean http10) {
    super(new Pull(source, http10), false);
  }

  @Override
  public String readLine() {
    String line = super.readLine();
    // the line after the last chunk, which ends the body, is empty
    if (!line.isEmpty() && !CHUNK_SIZE.matcher(line).matches()) {
      throw badChunk("a chunk size is not a hexadecimal number");
    }
    return line;
  }

  @Override
  public BufferData readBuffer() {
    reading = true;
    try {
      return super.readBuffer();
    } finally {
      reading = false;
    }
  }

  @Override
  public BufferData readBuffer(int length) {
    reading = true;
    try {
      return super.readBuffer(length);
    } finally {
      reading = false;
    }
  }

  @Override
  public void skip(int length) {
    if (length == 2 && !reading && !startsWithNewLine()) {
      throw badChunk("chunk data is not followed by CRLF");
    }
    super.skip(length);
  }

  private static RequestException badChunk(String message) {
    return RequestException.builder().type(DirectHandler.EventType.BAD_REQUEST).message(message).build();
  }

  /** The bytes the connection received, the first request line rewritten when it is HTTP/1.0. */
  private static final class Pull implements Supplier<byte[]> {

    private final DataReader source;
    private boolean http10;

    Pull(DataReader source, boolean http10) {
      this.source = source;
      this.http10 = http10;
    }

    @Override
    public byte[] get() {
      try {
        source.ensureAvailable();
      } catch (InsufficientDataAvailableException e) {
        return null;
      }
      byte[] bytes = source.readBytes(source.available());
      if (!http10) {
        return bytes;
      }
      // The connection was told HTTP/1.0 from a first line received in full, so it is in these bytes.
      http10 = false;
      int lf = indexOfLf(bytes);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + CLOSE.length);
      out.write(bytes, 0, lf - 2);
      out.write('1');
      out.write(bytes, lf - 1, 2);
      out.writeBytes(CLOSE);
      out.write(bytes, lf + 1, bytes.length - lf - 1);
      return out.toByteArray();
    }

    private static int indexOfLf(byte[] bytes) {
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          return i;
        }
      }
      throw new IllegalStateException("no request line");
    }
  }
}
