package dev.terrace.server;

import dev.terrace.api.ErrorType;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * Reads a request body, refusing more than the cap before reading it when the length is declared.
 */
final class BodyReader {

  private BodyReader() {}

  static byte[] read(ServerRequest req, long maxBytes) {
    OptionalLong declared = req.headers().contentLength();
    if (declared.isPresent() && declared.getAsLong() > maxBytes) {
      throw tooLarge(declared.getAsLong() + " bytes", maxBytes);
    }
    if (!req.content().hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = req.content().inputStream()) {
      if (declared.isPresent()) {
        return exactly(in, declared.getAsLong());
      }
      ByteArrayOutputStream out =
          new ByteArrayOutputStream((int) Math.min(maxBytes, declared.orElse(8192)));
      byte[] chunk = new byte[16384];
      long total = 0;
      for (int n; (n = in.read(chunk)) > 0; ) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge("more than " + maxBytes + " bytes", maxBytes);
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (RequestException e) {
      // A framing fault, such as a malformed chunk: answered here, where the request id and metrics
      // label are
      // known, rather than by Helidon's direct handler.
      throw HttpFaults.of(e.status().code(), e.safeMessage() ? e.getMessage() : null);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the request body: " + e.getMessage(), e);
    }
  }

  /**
   * A body to be read as a stream, refused before it is read when its declared length is over the
   * cap, and failing as soon as more than the cap has been read when it declares none.
   *
   * @throws ProblemException a 413 naming the cap
   */
  static InputStream capped(ServerRequest req, long maxBytes) {
    OptionalLong declared = req.headers().contentLength();
    if (declared.isPresent() && declared.getAsLong() > maxBytes) {
      throw tooLarge(declared.getAsLong() + " bytes", maxBytes);
    }
    return new FilterInputStream(req.content().inputStream()) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        count(Math.max(n, 0));
        return n;
      }

      private void count(int n) {
        read += n;
        if (read > maxBytes) {
          throw tooLarge("more than " + maxBytes + " bytes", maxBytes);
        }
      }
    };
  }

  /** Exactly the declared bytes: no 16 KiB scratch array and no copy for every small request. */
  private static byte[] exactly(InputStream in, long declared) throws IOException {
    byte[] body;
    try {
      body = in.readNBytes((int) declared);
    } catch (DataReader.InsufficientDataAvailableException e) {
      // The client closed its side before sending what it declared.
      throw incomplete(declared);
    }
    if (body.length < declared) {
      throw incomplete(declared);
    }
    return body;
  }

  private static ProblemException incomplete(long declared) {
    return ProblemException.field(
            ErrorType.VALIDATION_ERROR,
            "the body ended before the "
                + declared
                + " bytes its Content-Length declared: send the whole body, or the length it has",
            "body_incomplete",
            "body")
        .withStatus(400);
  }

  private static ProblemException tooLarge(String size, long maxBytes) {
    return ProblemException.field(
            ErrorType.REQUEST_LIMIT,
            "the body is "
                + size
                + "; this service accepts at most "
                + maxBytes
                + " bytes per request: split the work into several requests",
            "body_too_large",
            "body")
        .withStatus(413);
  }
}
