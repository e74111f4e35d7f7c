package dev.terrace.engine.io;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP/1.1 server on 127.0.0.1 and a free port that serves byte arrays and files with single
 * {@code Range} requests, for tests and benchmarks of remote readers. Built on the JDK's
 * {@link HttpServer}; no dependencies.
 *
 * <p>It behaves like a static file server or object store: {@code GET} and {@code HEAD}; {@code Range:
 * bytes=a-b}, {@code a-} and {@code -n} answered with 206 and {@code Content-Range}; 416 when
 * unsatisfiable; a strong {@code ETag} that changes whenever content is replaced; {@code Last-Modified};
 * {@code If-Match} answered with 412 on mismatch. Multi-range and malformed {@code Range} headers are
 * ignored (answered 200 with the whole body), as RFC 9110 allows.
 *
 * <p>Per path it counts requests and body bytes sent and logs the {@code Range} headers received, and it
 * can inject faults, consumed in the order they were scripted by the next requests to that path: error
 * statuses, stalls, truncated bodies; and it can delay a seeded random share of the requests. Each request
 * runs on its own virtual thread, so stalls and concurrent requests do not block each other.
 *
 * <p>Thread-safe. Close it to stop the server, abort stalled responses and close served files.
 */
public final class RangeServer implements AutoCloseable {

  private static final int CHUNK = 64 * 1024;
  private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  /** Shared by all servers so that an ETag is never reused, even across paths. */
  private static final AtomicLong GENERATION = new AtomicLong();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

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
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
      RangeServer rs = new RangeServer(server, executor);
      server.createContext("/", rs::handle);
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
   * Serves bytes at {@code path}, replacing what was there (with a new ETag). The array is not copied;
   * do not modify it afterwards.
   *
   * @param path an absolute path
   * @param content the bytes
   * @return this server
   */
  public RangeServer serve(String path, byte[] content) {
    Objects.requireNonNull(content, "content must not be null");
    install(path, new BytesResource(content));
    return this;
  }

  /**
   * Serves a file at {@code path} with positional reads, so files of many gigabytes work without being
   * loaded. The file is opened now and must not change while served.
   *
   * @param path an absolute path
   * @param file the file
   * @return this server
   * @throws UncheckedIOException if the file cannot be opened
   */
  public RangeServer serve(String path, Path file) {
    Objects.requireNonNull(file, "file must not be null");
    try {
      install(path, new FileResource(FileChannel.open(file, StandardOpenOption.READ),
          Files.getLastModifiedTime(file).toInstant()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve " + file, e);
    }
    return this;
  }

  /**
   * Replaces the content at an already served path, as an upload of a new version would: the ETag changes
   * and Last-Modified moves forward.
   *
   * @param path a path served before
   * @param newContent the new bytes, not copied
   * @throws IllegalStateException if nothing is served at {@code path}
   */
  public void replace(String path, byte[] newContent) {
    Objects.requireNonNull(newContent, "newContent must not be null");
    Entry e = entries.get(path);
    if (e == null || e.resource == null) {
      throw new IllegalStateException("nothing is served at " + path);
    }
    install(path, new BytesResource(newContent));
  }

  /**
   * Makes the server ignore {@code Range} at {@code path} and answer 200 with the whole body, like some
   * dynamic servers and misconfigured proxies.
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
   * Makes the server at {@code path} send no {@code ETag}, leaving {@code Last-Modified} as the only
   * validator.
   *
   * @param path an absolute path
   * @param omit true to leave the ETag out, false to send it again
   */
  public void omitEtag(String path, boolean omit) {
    entry(path).omitEtag = omit;
  }

  /**
   * Answers the next {@code times} requests to {@code path} with {@code status} and a short text body.
   *
   * @param path an absolute path
   * @param status an HTTP status from 400 to 599
   * @param times how many requests, at least 1
   */
  public void failWith(String path, int status, int times) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400-599: " + status);
    }
    script(path, new Fault(FaultKind.FAIL, status, null, 0), times);
  }

  /**
   * Makes the next {@code times} requests to {@code path} send their headers and the first half of the
   * body, then stall for {@code duration} before sending the rest, if the client is still there.
   *
   * @param path an absolute path
   * @param duration how long to stall
   * @param times how many requests, at least 1
   */
  public void stallFor(String path, Duration duration, int times) {
    stallFor(path, duration, -1, times);
  }

  /**
   * Like {@link #stallFor(String, Duration, int)} but stalls after {@code bytesBeforeStall} body bytes
   * (0: right after the headers).
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
    script(path, new Fault(FaultKind.STALL, 0, duration, bytesBeforeStall), times);
  }

  /**
   * Delays a random share of the {@code GET} requests to {@code path}, from now on, before their headers:
   * a source with a slow tail. The draws come from {@code seed} in the order the requests arrive. Scripted
   * faults take precedence: a request that consumes one is not delayed as well.
   *
   * @param path an absolute path
   * @param share from 0 (none, which ends the delays) to 1 (all)
   * @param delay how long a delayed request waits
   * @param seed the seed of the draws
   */
  public void delaySome(String path, double share, Duration delay, long seed) {
    Objects.requireNonNull(delay, "delay must not be null");
    if (!(share >= 0 && share <= 1) || delay.isNegative()) {
      throw new IllegalArgumentException("share must be 0-1 and delay not negative: " + share + ", " + delay);
    }
    entry(path).delays = new Delays(share, delay, new Random(seed));
  }

  /**
   * Makes the next {@code times} requests to {@code path} declare the full {@code Content-Length}, send
   * only {@code bytesToSend} body bytes, and close the connection.
   *
   * @param path an absolute path
   * @param bytesToSend body bytes sent before the connection is cut
   * @param times how many requests, at least 1
   */
  public void truncateBody(String path, int bytesToSend, int times) {
    if (bytesToSend < 0) {
      throw new IllegalArgumentException("bytesToSend must not be negative: " + bytesToSend);
    }
    script(path, new Fault(FaultKind.TRUNCATE, 0, null, bytesToSend), times);
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
    Entry e = entries.get(path);
    return e == null ? 0 : e.requests.get();
  }

  /**
   * Counts response body bytes.
   *
   * @param path an absolute path
   * @return body bytes written for {@code path} (headers not counted; partial bodies counted as sent)
   */
  public long bytesSent(String path) {
    Entry e = entries.get(path);
    return e == null ? 0 : e.bytesSent.get();
  }

  /**
   * Lists the ranges asked for.
   *
   * @param path an absolute path
   * @return the {@code Range} header of each request to {@code path} in arrival order, {@code "none"} for
   *     requests without one; a snapshot
   */
  public List<String> rangeLog(String path) {
    Entry e = entries.get(path);
    return e == null ? List.of() : List.copyOf(e.rangeLog);
  }

  /** Zeroes the request and byte counts and clears the range logs of all paths. Faults stay scripted. */
  public void resetCounters() {
    for (Entry e : entries.values()) {
      e.requests.set(0);
      e.bytesSent.set(0);
      e.rangeLog.clear();
    }
  }

  /** Stops the server, interrupts stalled responses and closes served files. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    for (Entry e : entries.values()) {
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

  // ---------------------------------------------------------------------------------------------------

  private enum FaultKind { FAIL, STALL, TRUNCATE }

  private record Fault(FaultKind kind, int status, Duration duration, long bytes) {}

  /** Delays a request with probability {@code share}; {@link Random} is thread-safe. */
  private record Delays(double share, Duration delay, Random random) {
    boolean next() {
      return random.nextDouble() < share;
    }
  }

  private static final class Entry {
    volatile Resource resource;
    volatile boolean ignoreRange;
    volatile boolean ignoreIfMatch;
    volatile boolean omitEtag;
    volatile Delays delays;
    final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicLong bytesSent = new AtomicLong();
    final List<String> rangeLog = new CopyOnWriteArrayList<>();
  }

  private Entry entry(String path) {
    checkPath(path);
    return entries.computeIfAbsent(path, p -> new Entry());
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
    Entry e = entry(path);
    for (int i = 0; i < times; i++) {
      e.faults.add(fault);
    }
  }

  private void install(String path, Resource r) {
    Entry e = entry(path);
    Resource old;
    synchronized (e) {
      old = e.resource;
      e.resource = r.withLastModifiedAfter(old);
    }
    if (old != null) {
      old.close();
    }
  }

  /** Served content: immutable, with its validators. */
  private abstract static class Resource {
    final String etag = "\"" + Long.toHexString(GENERATION.incrementAndGet()) + "\"";
    /** Whole seconds, as HTTP dates have. */
    Instant lastModified;

    abstract long length();

    /** Writes {@code [from, from + count)} in chunks, adding to {@code sent} as it goes. */
    abstract void write(OutputStream out, long from, long count, AtomicLong sent) throws IOException;

    void close() {}

    /** A replacement must look newer even within the same second, or Last-Modified could not tell. */
    Resource withLastModifiedAfter(Resource previous) {
      Instant t = lastModified.truncatedTo(ChronoUnit.SECONDS);
      if (previous != null && !t.isAfter(previous.lastModified)) {
        t = previous.lastModified.plusSeconds(1);
      }
      lastModified = t;
      return this;
    }
  }

  private static final class BytesResource extends Resource {
    private final byte[] content;

    BytesResource(byte[] content) {
      this.content = content;
      this.lastModified = Instant.now();
    }

    @Override
    long length() {
      return content.length;
    }

    @Override
    void write(OutputStream out, long from, long count, AtomicLong sent) throws IOException {
      long pos = from;
      long end = from + count;
      while (pos < end) {
        int n = (int) Math.min(CHUNK, end - pos);
        // Counted before writing: a client may finish reading, and a test check the count, before write returns.
        sent.addAndGet(n);
        out.write(content, (int) pos, n);
        pos += n;
      }
    }
  }

  private static final class FileResource extends Resource {
    private final FileChannel channel;
    private final long length;

    FileResource(FileChannel channel, Instant modified) throws IOException {
      this.channel = channel;
      this.length = channel.size();
      this.lastModified = modified;
    }

    @Override
    long length() {
      return length;
    }

    @Override
    void write(OutputStream out, long from, long count, AtomicLong sent) throws IOException {
      // Positional reads: concurrent responses share the channel without sharing a position.
      ByteBuffer buf = ByteBuffer.allocate(CHUNK);
      long pos = from;
      long end = from + count;
      while (pos < end) {
        buf.clear().limit((int) Math.min(CHUNK, end - pos));
        int n = channel.read(buf, pos);
        if (n < 0) {
          throw new IOException("file shrank while serving at " + pos);
        }
        sent.addAndGet(n);
        out.write(buf.array(), 0, n);
        pos += n;
      }
    }

    @Override
    void close() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing useful to do in a test server.
      }
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      Entry e = entry(path);
      e.requests.incrementAndGet();
      String rangeHeader = ex.getRequestHeaders().getFirst("Range");
      e.rangeLog.add(rangeHeader == null ? "none" : rangeHeader);
      // Drain any request body so the connection stays usable.
      ex.getRequestBody().readAllBytes();

      String method = ex.getRequestMethod();
      boolean head = method.equals("HEAD");
      if (!head && !method.equals("GET")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        sendText(ex, e, 405, "method not allowed", head);
        return;
      }
      Fault fault = e.faults.poll();
      if (fault != null && fault.kind() == FaultKind.FAIL) {
        sendText(ex, e, fault.status(), "injected failure " + fault.status(), head);
        return;
      }
      Delays delays = e.delays;
      if (fault == null && !head && delays != null && delays.next()) {
        pause(delays.delay());
      }
      Resource r = e.resource;
      if (r == null) {
        sendText(ex, e, 404, "not found: " + path, head);
        return;
      }
      Headers h = ex.getResponseHeaders();
      if (!e.omitEtag) {
        h.set("ETag", r.etag);
      }
      h.set("Last-Modified", HTTP_DATE.format(r.lastModified));
      h.set("Content-Type", "application/octet-stream");
      h.set("Accept-Ranges", e.ignoreRange ? "none" : "bytes");

      String ifMatch = ex.getRequestHeaders().getFirst("If-Match");
      if (ifMatch != null && !e.ignoreIfMatch && !matches(ifMatch, r.etag)) {
        sendText(ex, e, 412, "precondition failed", head);
        return;
      }

      long length = r.length();
      long from = 0;
      long count = length;
      int status = 200;
      if (rangeHeader != null && !e.ignoreRange) {
        long[] range = parseRange(rangeHeader, length);
        if (range == UNSATISFIABLE) {
          h.set("Content-Range", "bytes */" + length);
          h.remove("Content-Type");
          ex.sendResponseHeaders(416, -1);
          return;
        }
        if (range != null) {
          status = 206;
          from = range[0];
          count = range[1] - range[0] + 1;
          h.set("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + length);
        }
      }
      if (head) {
        // The JDK server sends no Content-Length for HEAD unless we set it ourselves.
        h.set("Content-Length", Long.toString(count));
        ex.sendResponseHeaders(status, -1);
        return;
      }
      // 0 would mean chunked to the JDK server; -1 means an empty body with Content-Length: 0.
      ex.sendResponseHeaders(status, count == 0 ? -1 : count);
      OutputStream out = ex.getResponseBody();
      if (fault == null || count == 0) {
        r.write(out, from, count, e.bytesSent);
        return;
      }
      if (fault.kind() == FaultKind.TRUNCATE) {
        r.write(out, from, Math.min(fault.bytes(), count), e.bytesSent);
        out.flush();
        // An exception out of the handler makes the JDK server drop the connection mid-body.
        throw new IOException("injected truncation after " + fault.bytes() + " bytes");
      }
      long before = fault.bytes() < 0 ? count / 2 : Math.min(fault.bytes(), count);
      r.write(out, from, before, e.bytesSent);
      out.flush();
      pause(fault.duration());
      r.write(out, from + before, count - before, e.bytesSent);
    }
  }

  private static void pause(Duration d) throws IOException {
    try {
      Thread.sleep(d);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IOException("stall interrupted by close");
    }
  }

  private static void sendText(HttpExchange ex, Entry e, int status, String text, boolean head) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    if (head) {
      ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, body.length);
    e.bytesSent.addAndGet(body.length);
    ex.getResponseBody().write(body);
  }

  private static boolean matches(String ifMatch, String etag) {
    for (String candidate : ifMatch.split(",")) {
      String c = candidate.trim();
      // Strong comparison (RFC 9110 13.1.1): weak validators never match.
      if (c.equals("*") || c.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static final long[] UNSATISFIABLE = new long[0];

  /**
   * @return {first, last} inclusive; {@link #UNSATISFIABLE}; or null to ignore the header (malformed or
   *     multi-range), as RFC 9110 allows
   */
  private static long[] parseRange(String header, long length) {
    Matcher m = SINGLE_RANGE.matcher(header.trim());
    if (!m.matches()) {
      return null;
    }
    String a = m.group(1);
    String b = m.group(2);
    if (a.isEmpty() && b.isEmpty()) {
      return null;
    }
    if (a.isEmpty()) {
      long suffix = Long.parseLong(b);
      if (suffix == 0 || length == 0) {
        return UNSATISFIABLE;
      }
      return new long[] {Math.max(0, length - suffix), length - 1};
    }
    long first = Long.parseLong(a);
    long last = b.isEmpty() ? length - 1 : Long.parseLong(b);
    if (last < first) {
      return null;
    }
    if (first >= length) {
      return UNSATISFIABLE;
    }
    return new long[] {first, Math.min(last, length - 1)};
  }
}
