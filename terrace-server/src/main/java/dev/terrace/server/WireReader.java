package dev.terrace.server;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.DirectHandler;
import io.helidon.http.RequestException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A connection's bytes for Helidon's HTTP/1.1 parser, with chunked bodies (RFC 9112 §7.1) framed
 * more strictly than the parser frames them.
 *
 * <p>The parser reads a line only for a chunk's size, and parses it unchecked, so that a size that
 * is no number escapes as a 500; here it is refused as the client's fault. It skips the two bytes
 * after a chunk's data without looking at them (everywhere else it skips two bytes it has already
 * found to be CRLF); here a chunk that does not end in CRLF is refused instead of the next bytes
 * being read as if it did.
 */
final class WireReader extends DataReader {

  /** A chunk size: hexadecimal digits, fewer than an int overflows with. */
  private static final Pattern CHUNK_SIZE = Pattern.compile("[0-9A-Fa-f]{1,7}");

  /** Inside a read of data, whose own skip moves past the data rather than past framing. */
  private boolean reading;

  // The deprecated constructor is the one a subclass can call; the factory methods build a plain
  // reader.
  @SuppressWarnings("removal")
  WireReader(Supplier<byte[]> received) {
    super(received, false);
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
    return RequestException.builder()
        .type(DirectHandler.EventType.BAD_REQUEST)
        .message(message)
        .build();
  }
}
