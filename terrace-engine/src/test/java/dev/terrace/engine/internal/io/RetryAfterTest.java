package dev.terrace.engine.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.terrace.engine.internal.raster.RasterIoException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reader of remote rasters retries as the SDK does, by the shared {@code RetryPolicy}: the same
 * statuses, the server's {@code Retry-After} as seconds or as an HTTP date, and one longer than the
 * cap ends the retries.
 */
@Timeout(10)
class RetryAfterTest {

  private static final byte[] FILE = new byte[1000];

  /** A failure to answer with, then the whole file once the script is spent. */
  private record Reply(int status, String retryAfter) {}

  private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/f.bin",
        exchange -> {
          requests.incrementAndGet();
          Reply reply = script.poll();
          if (reply != null) {
            if (reply.retryAfter() != null) {
              exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
            }
            exchange.sendResponseHeaders(reply.status(), -1);
          } else {
            exchange.sendResponseHeaders(200, FILE.length); // ignores Range: the whole file
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(FILE);
            }
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpByteSource open() {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/f.bin");
    return HttpByteSource.open(
        uri, HttpOptions.builder().sleeper(pauses::add).hedging(false).build());
  }

  private static String httpDate(ZonedDateTime at) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.withZoneSameInstant(ZoneOffset.UTC));
  }

  @Test
  void retryAfterInSecondsIsWaitedOutInsteadOfTheBackoff() {
    script.add(new Reply(503, "1"));

    try (HttpByteSource src = open()) {
      assertThat(src.length()).isEqualTo(FILE.length);
    }
    assertThat(requests).hasValue(2);
    assertThat(pauses).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterAsAnHttpDateCountsFromNowAndOneInThePastIsNoWait() {
    script.add(new Reply(429, httpDate(ZonedDateTime.now().minusHours(1))));

    try (HttpByteSource src = open()) {
      assertThat(src.length()).isEqualTo(FILE.length);
    }
    assertThat(pauses).containsExactly(Duration.ZERO);
  }

  @Test
  void aRetryAfterLongerThanTheCapEndsTheRetries() {
    script.add(new Reply(503, "30"));

    assertThatThrownBy(this::open)
        .isInstanceOf(RasterIoException.class)
        .hasMessageContaining(
            "HTTP 503 asks to retry after 30, longer than the 2000 ms this reader waits");
    assertThat(requests).hasValue(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void anHttpDateLongerThanTheCapEndsTheRetriesToo() {
    script.add(new Reply(503, httpDate(ZonedDateTime.now().plusHours(1))));

    assertThatThrownBy(this::open)
        .isInstanceOf(RasterIoException.class)
        .hasMessageContaining("asks to retry after");
    assertThat(requests).hasValue(1);
  }

  @Test
  void aServerErrorThatRetryingCannotChangeIsNotRetried() {
    script.add(new Reply(501, null));

    assertThatThrownBy(this::open)
        .isInstanceOf(RasterIoException.class)
        .hasMessageContaining("HTTP 501");
    assertThat(requests).hasValue(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void withoutRetryAfterTheBackoffIsTheSharedPolicysEqualJitter() {
    script.add(new Reply(500, null));
    script.add(new Reply(408, "soon"));

    try (HttpByteSource src = open()) {
      assertThat(src.length()).isEqualTo(FILE.length);
    }
    assertThat(requests).hasValue(3);
    assertThat(pauses).hasSize(2);
    assertThat(pauses.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(pauses.get(1))
        .as("an unreadable Retry-After is no Retry-After")
        .isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
  }
}
