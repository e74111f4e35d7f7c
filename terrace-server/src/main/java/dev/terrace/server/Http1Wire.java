package dev.terrace.server;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.Bytes;
import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every connection of the listener: Helidon's HTTP/1.1 connection reading the bytes through a
 * {@link WireReader}, which refuses malformed chunks, and for an HTTP/1.0 client through an {@link
 * Http10Request}, which lets it serve the request that Helidon 4 would refuse with a bare 505.
 *
 * <p>It claims every connection, as Helidon's own selector does when it is the only one, so that a
 * malformed request line still reaches the HTTP/1.1 parser and gets its 400 rather than a closed
 * socket.
 */
final class Http1Wire implements ServerConnectionSelector {

  private static final String HTTP_1_0 = " HTTP/1.0\r";

  private static final Http1Config HTTP_1_1 = Http1Config.create();

  /** Past this, Helidon's parser refuses the line as too long (414) whatever its version. */
  private static final int LONGEST_REQUEST_LINE = HTTP_1_1.maxPrologueLength();

  private final ServerConnectionSelector http11 =
      Http1ConnectionSelector.builder().config(HTTP_1_1).build();
  // HTTP/1.0 has no Host header field; requiring one is for HTTP/1.1 (RFC 9112 §3.2).
  private final ServerConnectionSelector http10 =
      Http1ConnectionSelector.builder()
          .config(Http1Config.builder(HTTP_1_1).validateRequestHostHeader(false).build())
          .build();

  @Override
  public int bytesToIdentifyConnection() {
    return 0;
  }

  @Override
  public Support supports(BufferData data) {
    return Support.SUPPORTED;
  }

  @Override
  public Set<String> supportedApplicationProtocols() {
    return Set.of();
  }

  @Override
  public ServerConnection connection(ConnectionContext ctx) {
    DataReader socket = ctx.dataReader();
    Supplier<byte[]> received =
        () -> {
          try {
            socket.ensureAvailable();
          } catch (DataReader.InsufficientDataAvailableException e) {
            return null;
          }
          return socket.readBytes(socket.available());
        };
    boolean legacy = startsWithHttp10(socket);
    return (legacy ? http10 : http11)
        .connection(
            new WireContext(ctx, new WireReader(legacy ? new Http10Request(received) : received)));
  }

  /**
   * Whether the first request line names HTTP/1.0, waiting for the rest of it when it came in
   * pieces.
   */
  private static boolean startsWithHttp10(DataReader reader) {
    try {
      reader.ensureAvailable();
      BufferData received = reader.getBuffer(reader.available());
      while (received.indexOf(Bytes.LF_BYTE) < 0 && received.available() < LONGEST_REQUEST_LINE) {
        reader.pullData();
        received = reader.getBuffer(reader.available());
      }
      int lf = received.indexOf(Bytes.LF_BYTE);
      return lf > 0 && received.readString(lf).endsWith(HTTP_1_0);
    } catch (DataReader.InsufficientDataAvailableException e) {
      // the client left mid-line: the HTTP/1.1 connection finds the end of its data and closes
      return false;
    }
  }
}
