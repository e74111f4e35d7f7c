package dev.terrace.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A webhook receiver on loopback that answers each delivery as its script says: a status, or {@link
 * #STALL} to hold the request unanswered until the receiver closes. It keeps every request.
 */
final class WebhookReceiver implements AutoCloseable {

  /** Answer nothing: the attempt must time out. */
  static final int STALL = -1;

  /** One request as received. */
  record Received(String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private final IntSupplier script;
  private final HttpServer http;
  private final CountDownLatch closing = new CountDownLatch(1);

  /**
   * @param script the answer to each request in turn
   */
  WebhookReceiver(IntSupplier script) throws IOException {
    this.script = script;
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // A thread per request, so that a stalled one does not hold up the next.
    http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    http.createContext("/", this::answer);
    http.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + path;
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(
          new Received(
              exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders()), body));
      int status = script.getAsInt();
      if (status == STALL) {
        closing.await(30, TimeUnit.SECONDS);
        return;
      }
      exchange.sendResponseHeaders(status, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    http.stop(0);
  }
}
