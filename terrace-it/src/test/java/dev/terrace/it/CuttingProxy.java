package dev.terrace.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of a server that drops one connection: the first whose request
 * names {@code marker}, once {@code cutAfter} bytes of its answer have passed. Every other byte is
 * forwarded as it comes.
 */
final class CuttingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final URI upstream;
  private final String marker;
  private final int cutAfter;
  private final AtomicBoolean cut = new AtomicBoolean();
  final AtomicInteger connections = new AtomicInteger();

  CuttingProxy(URI upstream, String marker, int cutAfter) throws IOException {
    this.upstream = upstream;
    this.marker = marker;
    this.cutAfter = cutAfter;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  boolean hasCut() {
    return cut.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        connections.incrementAndGet();
        Socket server = new Socket();
        server.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()));
        AtomicBoolean marked = new AtomicBoolean();
        Thread.ofVirtual().start(() -> pump(client, server, marked, false));
        Thread.ofVirtual().start(() -> pump(server, client, marked, true));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Copies one direction; the answer direction of a marked connection may be cut once. */
  private void pump(Socket from, Socket to, AtomicBoolean marked, boolean answers) {
    byte[] buffer = new byte[4096];
    long sent = 0;
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        if (!answers && new String(buffer, 0, n, StandardCharsets.ISO_8859_1).contains(marker)) {
          marked.set(true);
        }
        if (answers && marked.get() && sent + n > cutAfter && cut.compareAndSet(false, true)) {
          out.write(buffer, 0, (int) (cutAfter - sent));
          out.flush();
          from.close();
          to.close();
          return;
        }
        out.write(buffer, 0, n);
        out.flush();
        sent += n;
      }
    } catch (IOException e) {
      // One side went away: the other is closed below.
    } finally {
      close(from);
      close(to);
    }
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
