package dev.terrace.testkit.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP/1.1 server on 127.0.0.1 and a free port that serves byte arrays and files with single
 * {@code Range} requests, for tests and benchmarks of remote readers. Built on the JDK's {@link
 * HttpServer}; no dependencies.
 *
 * <p>It behaves like a static file server or object store: {@code GET} and {@code HEAD}; {@code
 * Range: bytes=a-b}, {@code a-} and {@code -n} answered with 206 and {@code Content-Range}; 416
 * when unsatisfiable; a strong {@code ETag} that changes whenever content is replaced; {@code
 * Last-Modified}; {@code If-Match} answered with 412 on mismatch. Multi-range and malformed {@code
 * Range} headers are ignored (answered 200 with the whole body), as RFC 9110 allows.
 *
 * <p>Per path it counts requests and body bytes sent and logs the {@code Range} headers received,
 * and it can inject faults, consumed in the order they were scripted by the next requests to that
 * path: error statuses, stalls, holds until released, truncated bodies; and it can delay a seeded
 * random share of the requests. Each request runs on its own virtual thread, so stalls and
 * concurrent requests do not block each other.
 *
 * <p>Thread-safe. Close it to stop the server, abort stalled responses and close served files.
 */
public final class RangeServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, PathState> entries = new ConcurrentHashMap<>();

  private RangeServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a server on 127.0.0.1 and a free port.
   *
   * @return the running server; close it when done
   * @throws UncheckedIOException if no socket can be bound
   */
  public static RangeServer start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
      RangeServer rs = new RangeServer(server, executor);
      server.createContext("/", new RangeHandler(rs::entry)::handle);
      server.setExecutor(executor);
      server.start();
      return rs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the range server", e);
    }
  }

  /**
   * The port, chosen by the system at start.
   *
   * @return the port the server listens on
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Builds the URL of a path.
   *
   * @param path an absolute path such as {@code /a.tif}
   * @return the URL of {@code path} on this server
   * @throws IllegalArgumentException if {@code path} does not start with {@code /}
   */
  public URI uri(String path) {
    checkPath(path);
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /**
   * Serves bytes at {@code path}, replacing what was there (with a new ETag). The array is not
   * copied; do not modify it afterwards.
   *
   * @param path an absolute path
   * @param content the bytes
   * @return this server
   */
  public RangeServer serve(String path, byte[] content) {
    Objects.requireNonNull(content, "content must not be null");
    entry(path).install(new BytesResource(content));
    return this;
  }

  /**
   * Serves a file at {@code path} with positional reads, so files of many gigabytes work without
   * being loaded. The file is opened now and must not change while served.
   *
   * @param path an absolute path
   * @param file the file
   * @return this server
   * @throws UncheckedIOException if the file cannot be opened
   */
  public RangeServer serve(String path, Path file) {
    Objects.requireNonNull(file, "file must not be null");
    try {
      entry(path)
          .install(
              new FileResource(
                  FileChannel.open(file, StandardOpenOption.READ),
                  Files.getLastModifiedTime(file).toInstant()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve " + file, e);
    }
    return this;
  }

  /**
   * Replaces the content at an already served path, as an upload of a new version would: the ETag
   * changes and Last-Modified moves forward.
   *
   * @param path a path served before
   * @param newContent the new bytes, not copied
   * @throws IllegalStateException if nothing is served at {@code path}
   */
  public void replace(String path, byte[] newContent) {
    Objects.requireNonNull(newContent, "newContent must not be null");
    PathState e = entries.get(path);
    if (e == null || e.resource == null) {
      throw new IllegalStateException("nothing is served at " + path);
    }
    e.install(new BytesResource(newContent));
  }

  /**
   * Makes the server ignore {@code Range} at {@code path} and answer 200 with the whole body, like
   * some dynamic servers and misconfigured proxies.
   *
   * @param path an absolute path
   * @param ignore true to ignore Range, false to honour it again
   */
  public void ignoreRange(String path, boolean ignore) {
    entry(path).ignoreRange = ignore;
  }

  /**
   * Makes the server at {@code path} disregard {@code If-Match}, like servers that do not implement
   * conditional requests; clients must then notice a change from the validators alone.
   *
   * @param path an absolute path
   * @param ignore true to disregard If-Match, false to honour it again
   */
  public void ignoreIfMatch(String path, boolean ignore) {
    entry(path).ignoreIfMatch = ignore;
  }

  /**
   * Makes the server at {@code path} send no {@code ETag}, leaving {@code Last-Modified} as the
   * only validator.
   *
   * @param path an absolute path
   * @param omit true to leave the ETag out, false to send it again
   */
  public void omitEtag(String path, boolean omit) {
    entry(path).omitEtag = omit;
  }

  /**
   * Answers the next {@code times} requests to {@code path} with {@code status} and a short text
   * body.
   *
   * @param path an absolute path
   * @param status an HTTP status from 400 to 599
   * @param times how many requests, at least 1
   */
  public void failWith(String path, int status, int times) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400-599: " + status);
    }
    script(path, Fault.fail(status), times);
  }

  /**
   * Makes the next {@code times} requests to {@code path} send their headers and the first half of
   * the body, then stall for {@code duration} before sending the rest, if the client is still
   * there.
   *
   * @param path an absolute path
   * @param duration how long to stall
   * @param times how many requests, at least 1
   */
  public void stallFor(String path, Duration duration, int times) {
    stallFor(path, duration, -1, times);
  }

  /**
   * Like {@link #stallFor(String, Duration, int)} but stalls after {@code bytesBeforeStall} body
   * bytes (0: right after the headers).
   *
   * @param path an absolute path
   * @param duration how long to stall
   * @param bytesBeforeStall body bytes sent before the stall; -1 for half the body
   * @param times how many requests, at least 1
   */
  public void stallFor(String path, Duration duration, long bytesBeforeStall, int times) {
    Objects.requireNonNull(duration, "duration must not be null");
    if (duration.isNegative() || bytesBeforeStall < -1) {
      throw new IllegalArgumentException("duration and bytesBeforeStall must not be negative");
    }
    script(path, Fault.stall(duration, bytesBeforeStall), times);
  }

  /**
   * Makes the next {@code times} requests to {@code path} send their headers and {@code
   * bytesBeforeHold} body bytes, then wait for {@link #release} (or {@link #close}) before sending
   * the rest: a stall exactly as long as a test needs, so that a test shows that something does not
   * wait for the source by getting its answer while the source is still held, without a clock.
   *
   * @param path an absolute path
   * @param bytesBeforeHold body bytes sent before the hold; -1 for half the body
   * @param times how many requests, at least 1
   */
  public void holdUntilReleased(String path, long bytesBeforeHold, int times) {
    if (bytesBeforeHold < -1) {
      throw new IllegalArgumentException(
          "bytesBeforeHold must not be negative: " + bytesBeforeHold);
    }
    script(path, Fault.hold(entry(path).release, bytesBeforeHold), times);
  }

  /**
   * Lets the responses held at {@code path} go on; holds scripted afterwards wait for the next
   * release.
   *
   * @param path an absolute path
   */
  public void release(String path) {
    PathState e = entry(path);
    CountDownLatch held = e.release;
    e.release = new CountDownLatch(1);
    held.countDown();
  }

  /**
   * Delays a random share of the {@code GET} requests to {@code path}, from now on, before their
   * headers: a source with a slow tail. The draws come from {@code seed} in the order the requests
   * arrive. Scripted faults take precedence: a request that consumes one is not delayed as well.
   *
   * @param path an absolute path
   * @param share from 0 (none, which ends the delays) to 1 (all)
   * @param delay how long a delayed request waits
   * @param seed the seed of the draws
   */
  public void delaySome(String path, double share, Duration delay, long seed) {
    Objects.requireNonNull(delay, "delay must not be null");
    if (!(share >= 0 && share <= 1) || delay.isNegative()) {
      throw new IllegalArgumentException(
          "share must be 0-1 and delay not negative: " + share + ", " + delay);
    }
    entry(path).delays = new Delays(share, delay, new Random(seed));
  }

  /**
   * Makes the next {@code times} requests to {@code path} declare the full {@code Content-Length},
   * send only {@code bytesToSend} body bytes, and close the connection.
   *
   * @param path an absolute path
   * @param bytesToSend body bytes sent before the connection is cut
   * @param times how many requests, at least 1
   */
  public void truncateBody(String path, int bytesToSend, int times) {
    if (bytesToSend < 0) {
      throw new IllegalArgumentException("bytesToSend must not be negative: " + bytesToSend);
    }
    script(path, Fault.truncate(bytesToSend), times);
  }

  /**
   * Drops the faults still scripted for {@code path}.
   *
   * @param path an absolute path
   */
  public void clearFaults(String path) {
    entry(path).faults.clear();
  }

  /**
   * Counts requests, whatever their method or outcome.
   *
   * @param path an absolute path
   * @return requests received for {@code path} since the start or the last {@link #resetCounters()}
   */
  public int requests(String path) {
    PathState e = entries.get(path);
    return e == null ? 0 : e.stats.requests.get();
  }

  /**
   * Counts the requests whose handling is over: answered in full, failed, cut, or ended because the
   * client went away. Equal to {@link #requests} once nothing is in flight.
   *
   * @param path an absolute path
   * @return responses ended for {@code path} since the start or the last {@link #resetCounters()}
   */
  public int responsesEnded(String path) {
    PathState e = entries.get(path);
    return e == null ? 0 : e.stats.ended.get();
  }

  /**
   * Counts response body bytes.
   *
   * @param path an absolute path
   * @return body bytes written for {@code path} (headers not counted; partial bodies counted as
   *     sent)
   */
  public long bytesSent(String path) {
    PathState e = entries.get(path);
    return e == null ? 0 : e.stats.bytesSent.get();
  }

  /**
   * Lists the ranges asked for.
   *
   * @param path an absolute path
   * @return the {@code Range} header of each request to {@code path} in arrival order, {@code
   *     "none"} for requests without one; a snapshot
   */
  public List<String> rangeLog(String path) {
    PathState e = entries.get(path);
    return e == null ? List.of() : List.copyOf(e.stats.rangeLog);
  }

  /**
   * Zeroes the request, response and byte counts and clears the range logs of all paths. Faults
   * stay scripted.
   */
  public void resetCounters() {
    for (PathState e : entries.values()) {
      e.stats.reset();
    }
  }

  /** Stops the server, interrupts stalled responses and closes served files. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    for (PathState e : entries.values()) {
      Resource r = e.resource;
      if (r != null) {
        r.close();
      }
    }
  }

  @Override
  public String toString() {
    return "RangeServer[http://127.0.0.1:" + port() + "/]";
  }

  private PathState entry(String path) {
    checkPath(path);
    return entries.computeIfAbsent(path, p -> new PathState());
  }

  private static void checkPath(String path) {
    Objects.requireNonNull(path, "path must not be null");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + path);
    }
  }

  private void script(String path, Fault fault, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    PathState e = entry(path);
    for (int i = 0; i < times; i++) {
      e.faults.add(fault);
    }
  }
}
