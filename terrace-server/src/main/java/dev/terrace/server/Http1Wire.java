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

/**
 * Every connection of the listener: Helidon's HTTP/1.1 connection reading the bytes through a {@link WireReader},
 * which lets it serve HTTP/1.0 clients (Helidon 4 refuses them with a bare 505) and refuse a chunk without its
 * closing CRLF (Helidon skips those two bytes unread).
 *
 * <p>It claims every connection, as Helidon's own selector does when it is the only one, so that a malformed
 * request line still reaches the HTTP/1.1 parser and gets its 400 rather than a closed socket.
 */
final class Http1Wire implements ServerConnectionSelector {

  private static final String HTTP_1_0 = " HTTP/1.0\r";

  private final ServerConnectionSelector http11 = Http1ConnectionSelector.builder()
      .config(Http1Config.create()).build();
  // HTTP/1.0 has no Host header field; requiring one is for HTTP/1.1 (RFC 9112 §3.2).
  private final ServerConnectionSelector http10 = Http1ConnectionSelector.builder()
      .config(Http1Config.builder().validateRequestHostHeader(false).build()).build();

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
    boolean legacy = startsWithHttp10(ctx.dataReader());
    return (legacy ? http10 : http11).connection(new WireContext(ctx, new WireReader(ctx.dataReader(), legacy)));
  }

  /** Whether the first request line, already received in full, names HTTP/1.0; a partial one is read as 1.1. */
  private static boolean startsWithHttp10(DataReader reader) {
    reader.ensureAvailable();
    BufferData received = reader.getBuffer(reader.available());
    int lf = received.indexOf(Bytes.LF_BYTE);
    return lf > 0 && received.readString(lf).endsWith(HTTP_1_0);
  }
}
