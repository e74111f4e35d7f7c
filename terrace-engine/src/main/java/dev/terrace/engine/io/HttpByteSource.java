package dev.terrace.engine.io;

import dev.terrace.engine.raster.RasterIoException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;

/**
 * A remote file read with HTTP {@code Range} requests, for Cloud Optimized GeoTIFFs on object stores and
 * plain web servers.
 *
 * <p>Opening costs one request: the first {@link HttpOptions#prefetchBytes()} bytes are fetched, which
 * tells the file length (from {@code Content-Range}) and usually holds the TIFF headers, so the reads that
 * follow at the start of the file need no request. Later reads fetch exactly the bytes asked for;
 * {@link #readAll(List)} merges nearby ranges and fetches the rest concurrently.
 *
 * <p>Consistency: the {@code ETag} and {@code Last-Modified} of the first response are checked on every
 * later one, and a strong ETag is sent as {@code If-Match}, so tiles from two versions of a file are never
 * mixed: a change is a {@link RasterIoException} telling the caller to reopen.
 *
 * <p>Failures: 5xx, 408, 429, timeouts of the whole exchange, connection errors and truncated bodies are
 * retried with capped exponential backoff and jitter; other 4xx are not. A server that ignores
 * {@code Range} and sends the entire file is handled: small files are kept in memory, large ones streamed
 * with only the requested bytes kept. Sizes from response headers are checked against the request before
 * anything is allocated.
 *
 * <p>Thread-safe: any number of threads may read at once.
 */
public final class HttpByteSource implements ByteSource {

  /**
   * Longer than any real object (S3 allows 50 TB); a larger total in {@code Content-Range} is a broken or
   * hostile server, not a file.
   */
  private static final long MAX_PLAUSIBLE_LENGTH = 1L << 50;

  /** How much of an error body goes into the exception message. */
  private static final int ERROR_SNIPPET_BYTES = 512;

  /** Error bodies are drained up to this so the connection can be reused; longer ones are cut off. */
  private static final int ERROR_DRAIN_BYTES = 64 * 1024;

  private static final Pattern CONTENT_RANGE =
      Pattern.compile("bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern UNSATISFIED_RANGE =
      Pattern.compile("bytes\\s+\\*/(\\d{1,18})", Pattern.CASE_INSENSITIVE);

  private final URI uri;
  private final String name;
  private final HttpOptions options;
  private final HttpClient client;
  /** What the first response said about the file; every later response must agree. */
  private final Validators validators;
  private final String identity;

  /** Bytes {@code [0, prefix.length)}; null once closed. */
  private volatile byte[] prefix;
  /** The whole file, once a server that ignores {@code Range} has sent it and it was small enough; else null. */
  private volatile byte[] whole;
  private volatile boolean closed;

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong bytesReceived = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  /** Exchanges under way, so that {@link #close()} can abort them instead of letting them run on. */
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

  private HttpByteSource(URI uri, HttpOptions options) {
    this.uri = uri;
    this.name = uri.toString();
    this.options = options;
    this.client = options.httpClient();
    Fetched first = fetch(0, options.prefetchBytes(), null);
    this.validators = new Validators(first.total(), first.etag(), first.lastModified());
    this.prefix = first.bytes();
    this.whole = first.whole() ? first.bytes() : null;
    String version = first.etag() != null ? first.etag()
        : first.lastModified() != null ? first.lastModified()
        : Long.toString(first.total());
    this.identity = name + "#" + version;
  }

  /**
   * Opens a remote file with the {@linkplain HttpOptions#defaults() default options}.
   *
   * @param uri an {@code http} or {@code https} URL
   * @return an open source; close it when done
   * @throws NullPointerException if {@code uri} is null
   * @throws IllegalArgumentException if {@code uri} is not an absolute http(s) URL with a host
   * @throws RasterIoException if the file cannot be fetched (not found, denied, server keeps failing)
   */
  public static HttpByteSource open(URI uri) {
    return open(uri, HttpOptions.defaults());
  }

  /**
   * Opens a remote file with one request, which fetches the first {@link HttpOptions#prefetchBytes()}
   * bytes and learns the length, ETag and Last-Modified.
   *
   * @param uri an {@code http} or {@code https} URL
   * @param options the client, timeouts, retries and merging to use
   * @return an open source; close it when done
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code uri} is not an absolute http(s) URL with a host
   * @throws RasterIoException if the file cannot be fetched (not found, denied, server keeps failing)
   */
  public static HttpByteSource open(URI uri, HttpOptions options) {
    Objects.requireNonNull(uri, "uri must not be null");
    Objects.requireNonNull(options, "options must not be null");
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException("only http and https URLs can be opened, not " + uri);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("URL has no host: " + uri);
    }
    return new HttpByteSource(uri, options);
  }

  /** @return the URL */
  @Override
  public String name() {
    return name;
  }

  /** @return the URL, {@code #}, and the ETag, else the Last-Modified date, else the length */
  @Override
  public String identity() {
    return identity;
  }

  /** @return the length the server reported when the source was opened */
  @Override
  public long length() {
    return validators.length();
  }

  /**
   * Reads exactly {@code length} bytes: from memory if they lie in the prefix fetched at open (or the
   * whole file is held), else with one ranged request, retried as described on the class.
   *
   * @param offset first byte
   * @param length number of bytes, at most {@code length() - offset}
   * @return a new array of {@code length} bytes
   * @throws RasterIoException if the range lies outside the file, the bytes cannot be fetched, or the file
   *     changed since it was opened
   * @throws IllegalStateException if the source is closed
   */
  @Override
  public byte[] read(long offset, int length) {
    checkRange(offset, length);
    byte[] held = fromMemory(offset, length);
    return held != null ? held : fetchRange(offset, length);
  }

  /**
   * Reads several ranges. Ranges held in memory cost nothing; the others are sorted, ranges whose gap is
   * at most {@link HttpOptions#mergeGapBytes()} are joined into one request of at most
   * {@link HttpOptions#maxMergedBytes()}, and the requests run concurrently, at most
   * {@link HttpOptions#maxConcurrentRequests()} at a time. If one fails the others are abandoned.
   *
   * @param ranges the ranges, in any order, overlaps allowed
   * @return one new array per range, in the order given
   * @throws NullPointerException if {@code ranges} or an element is null
   * @throws RasterIoException if a range lies outside the file, cannot be fetched, or the file changed
   * @throws IllegalStateException if the source is closed
   */
  @Override
  public List<byte[]> readAll(List<ByteRange> ranges) {
    Objects.requireNonNull(ranges, "ranges must not be null");
    byte[][] out = new byte[ranges.size()][];
    List<Integer> remote = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      ByteRange r = Objects.requireNonNull(ranges.get(i), "ranges must not contain null");
      checkRange(r.offset(), r.length());
      out[i] = fromMemory(r.offset(), r.length());
      if (out[i] == null) {
        remote.add(i);
      }
    }
    List<Group> groups = merge(ranges, remote);
    if (groups.size() == 1) {
      // No thread hand-off for the common single-request case.
      fillGroup(groups.get(0), ranges, out);
    } else if (!groups.isEmpty()) {
      fillConcurrently(groups, ranges, out);
    }
    return Arrays.asList(out);
  }

  /**
   * Counts the traffic so far, atomically per counter, for tests and benchmarks.
   *
   * @return the requests, body bytes and retries so far, the open request included
   */
  public HttpStats stats() {
    return new HttpStats(requests.get(), bytesReceived.get(), retries.get());
  }

  /**
   * Drops the cached bytes and aborts exchanges under way; later reads throw {@link IllegalStateException}.
   * The HTTP client is left open: a caller-supplied one belongs to the caller and the default one is shared.
   * Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    prefix = null;
    whole = null;
    for (CompletableFuture<?> f : inFlight) {
      f.cancel(true);
    }
  }

  @Override
  public String toString() {
    return "HttpByteSource[" + name + ", " + validators.length() + " bytes]";
  }

  // ---------------------------------------------------------------------------------------------------
  // Reading

  private void checkRange(long offset, int length) {
    if (offset < 0 || length < 0 || offset > validators.length() - length) {
      throw new RasterIoException(name + ": read of " + length + " bytes at " + offset
          + " runs past the end of the file (" + validators.length() + " bytes)");
    }
  }

  /** @return a copy of the bytes if they are held in memory, else null */
  private byte[] fromMemory(long offset, int length) {
    byte[] all = whole;
    byte[] head = prefix;
    if (closed || head == null) {
      throw closedException();
    }
    if (length == 0) {
      return new byte[0];
    }
    byte[] src = all != null ? all : head;
    if (offset + length <= src.length) {
      return Arrays.copyOfRange(src, (int) offset, (int) offset + length);
    }
    return null;
  }

  private byte[] fetchRange(long offset, int length) {
    Fetched f = fetch(offset, length, validators);
    if (f.whole()) {
      // The server ignores Range but the file is small: keep it, so later reads cost nothing.
      whole = f.bytes();
    }
    int from = Math.toIntExact(offset - f.bodyOffset());
    // Hand out the response array itself only if nothing else keeps it.
    return !f.whole() && from == 0 && f.bytes().length == length
        ? f.bytes() : Arrays.copyOfRange(f.bytes(), from, from + length);
  }

  /** A run of ranges fetched with one request. */
  private record Group(long start, long end, List<Integer> members) {}

  private List<Group> merge(List<ByteRange> ranges, List<Integer> indexes) {
    List<Integer> sorted = new ArrayList<>(indexes);
    sorted.sort(Comparator.comparingLong(i -> ranges.get(i).offset()));
    List<Group> groups = new ArrayList<>();
    long start = -1;
    long end = -1;
    List<Integer> members = null;
    for (int i : sorted) {
      ByteRange r = ranges.get(i);
      long newEnd = Math.max(end, r.end());
      // The gap test also accepts overlaps (negative gaps); the cap keeps one slow response from holding
      // up many tiles and bounds the buffer.
      if (members != null && r.offset() - end <= options.mergeGapBytes()
          && newEnd - start <= options.maxMergedBytes()) {
        end = newEnd;
        members.add(i);
      } else {
        if (members != null) {
          groups.add(new Group(start, end, members));
        }
        start = r.offset();
        end = r.end();
        members = new ArrayList<>();
        members.add(i);
      }
    }
    if (members != null) {
      groups.add(new Group(start, end, members));
    }
    return groups;
  }

  private void fillGroup(Group g, List<ByteRange> ranges, byte[][] out) {
    // An earlier group may have brought the whole file into memory.
    ByteRange first = ranges.get(g.members().get(0));
    if (g.members().size() == 1) {
      byte[] held = fromMemory(first.offset(), first.length());
      out[g.members().get(0)] = held != null ? held : fetchRange(first.offset(), first.length());
      return;
    }
    byte[] held = fromMemory(g.start(), (int) (g.end() - g.start()));
    byte[] span = held != null ? held : fetchRange(g.start(), (int) (g.end() - g.start()));
    for (int i : g.members()) {
      ByteRange r = ranges.get(i);
      int from = (int) (r.offset() - g.start());
      out[i] = Arrays.copyOfRange(span, from, from + r.length());
    }
  }

  private void fillConcurrently(List<Group> groups, List<ByteRange> ranges, byte[][] out) {
    // Virtual threads: each fetch blocks on its exchange and its backoff sleeps, which costs nothing here,
    // while the semaphore keeps the number of requests in flight within the limit.
    Semaphore permits = new Semaphore(options.maxConcurrentRequests());
    try (ExecutorService pool = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("terrace-http-", 0).factory())) {
      // Completion order, so that the first failure is seen at once, not after the groups before it.
      CompletionService<Void> done = new ExecutorCompletionService<>(pool);
      for (Group g : groups) {
        done.submit(() -> {
          permits.acquire();
          try {
            fillGroup(g, ranges, out);
          } finally {
            permits.release();
          }
          return null;
        });
      }
      try {
        for (int i = 0; i < groups.size(); i++) {
          done.take().get();
        }
      } catch (ExecutionException e) {
        // Abandon the remaining requests: the caller gets nothing anyway.
        pool.shutdownNow();
        Throwable c = e.getCause();
        if (c instanceof RasterIoException r) {
          // A new exception so the trace also shows the caller; the message stays the same.
          throw new RasterIoException(r.getMessage(), r);
        }
        if (c instanceof RuntimeException r) {
          throw r;
        }
        throw new RasterIoException(name + ": " + c, c);
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
        throw new RasterIoException(name + ": interrupted while reading " + groups.size() + " ranges", e);
      }
    }
    // The writes to out happened in other threads; Future.get() made them visible here.
  }

  // ---------------------------------------------------------------------------------------------------
  // Exchanges and retries

  /** What the first response said; null while opening. */
  private record Validators(long length, String etag, String lastModified) {}

  /** What one exchange produced. */
  private sealed interface Outcome permits Fetched, Failed {}

  /**
   * Bytes received: {@code bytes} holds {@code [bodyOffset, bodyOffset + bytes.length)}.
   *
   * @param whole true if {@code bytes} is the entire file
   */
  private record Fetched(long bodyOffset, byte[] bytes, long total, boolean whole, String etag,
      String lastModified) implements Outcome {}

  /** A non-2xx answer, with the start of its body for the message. */
  private record Failed(int status, HttpHeaders headers, String snippet) implements Outcome {}

  /** A transient failure: the attempt may be repeated. */
  private static final class Retryable extends Exception {
    Retryable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Fetches bytes, retrying transient failures.
   *
   * @param known null when opening, then the range is clipped to the file
   */
  private Fetched fetch(long offset, int length, Validators known) {
    int attempts = options.maxRetries() + 1;
    String range = rangeHeader(offset, length);
    for (int attempt = 1; ; attempt++) {
      if (closed) {
        throw closedException();
      }
      String problem;
      Throwable cause = null;
      Duration retryAfter = null;
      try {
        Outcome o = exchange(offset, length, known);
        if (o instanceof Fetched f) {
          return f;
        }
        Failed f = (Failed) o;
        if (!isRetryable(f.status())) {
          throw failure(f, range, known);
        }
        problem = "HTTP " + f.status() + snippetSuffix(f.snippet());
        retryAfter = retryAfter(f.headers());
      } catch (Retryable r) {
        problem = r.getMessage();
        cause = r.getCause();
      }
      if (attempt >= attempts) {
        throw new RasterIoException(name + ": cannot read " + range + " after " + attempts
            + (attempts == 1 ? " attempt" : " attempts") + "; last failure: " + problem, cause);
      }
      retries.incrementAndGet();
      try {
        options.sleeper().sleep(backoff(attempt, retryAfter));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RasterIoException(name + ": interrupted while waiting to retry " + range, e);
      }
    }
  }

  private static boolean isRetryable(int status) {
    return status >= 500 || status == 408 || status == 429;
  }

  /** Exponential backoff with "equal jitter": at least half the nominal pause, so retries spread out. */
  private Duration backoff(int attempt, Duration retryAfter) {
    long maxNanos = options.maxBackoff().toNanos();
    long nominal = options.initialBackoff().toNanos();
    for (int i = 1; i < attempt && nominal < maxNanos; i++) {
      nominal *= 2;
    }
    nominal = Math.min(nominal, maxNanos);
    long half = nominal / 2;
    long pause = half + (half > 0 ? ThreadLocalRandom.current().nextLong(nominal - half + 1) : 0);
    if (retryAfter != null) {
      // Honour the server's wish, but never beyond our own cap: a reader must not hang for an hour.
      pause = Math.max(pause, Math.min(retryAfter.toNanos(), maxNanos));
    }
    return Duration.ofNanos(pause);
  }

  private static Duration retryAfter(HttpHeaders headers) {
    // Only the delta-seconds form; an HTTP date would need clock agreement we cannot assume.
    Optional<String> v = headers.firstValue("Retry-After");
    if (v.isPresent() && v.get().trim().matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(v.get().trim()));
    }
    return null;
  }

  private RasterIoException failure(Failed f, String range, Validators known) {
    int s = f.status();
    if (s == 404 || s == 410) {
      return new RasterIoException("not found: " + name);
    }
    if (s == 412) {
      return changed("the server no longer matches If-Match: " + (known == null ? null : known.etag())
          + " (now " + f.headers().firstValue("ETag").orElse("unknown") + ")");
    }
    if (s == 416) {
      String reported = f.headers().firstValue("Content-Range").orElse("no Content-Range");
      return new RasterIoException(name + ": server cannot satisfy " + range + " (" + reported
          + "); the file was opened with length " + (known == null ? "unknown" : known.length()));
    }
    if (s == 401 || s == 403) {
      return new RasterIoException("access denied (HTTP " + s + ") to " + name + snippetSuffix(f.snippet()));
    }
    return new RasterIoException(name + ": HTTP " + s + " for " + range + snippetSuffix(f.snippet()));
  }

  private static String snippetSuffix(String snippet) {
    return snippet.isEmpty() ? "" : ": " + snippet;
  }

  private RasterIoException changed(String detail) {
    return new RasterIoException("remote file " + name + " changed since it was opened (" + detail
        + "); reopen it to read the new version");
  }

  private IllegalStateException closedException() {
    return new IllegalStateException(name + " is closed");
  }

  private static String rangeHeader(long offset, int length) {
    return "bytes=" + offset + "-" + (offset + length - 1);
  }

  /** One attempt: sends the request and waits for the whole body, within the request timeout. */
  private Outcome exchange(long offset, int length, Validators known) throws Retryable {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .GET()
        // Also bounds the wait for the headers inside the client; the body is bounded below.
        .timeout(options.requestTimeout())
        .header("Range", rangeHeader(offset, length));
    options.headers().forEach(b::header);
    if (known != null && known.etag() != null && !known.etag().startsWith("W/")) {
      // If-Match needs a strong ETag (RFC 9110 13.1.1); a weak one would never match.
      b.header("If-Match", known.etag());
    }
    if (uri.getScheme().equalsIgnoreCase("http")) {
      // HTTP/2 comes via ALPN on https; on plain http it would mean an h2c upgrade attempt, which servers
      // rarely support and some mishandle.
      b.version(HttpClient.Version.HTTP_1_1);
    }
    HttpRequest request = b.build();
    requests.incrementAndGet();
    CompletableFuture<HttpResponse<Outcome>> cf =
        client.sendAsync(request, info -> subscriberFor(info, offset, length, known));
    inFlight.add(cf);
    Duration timeout = options.requestTimeout();
    try {
      // The whole exchange, body included: HttpRequest.timeout only covers the headers, so a server that
      // stalls mid-body would otherwise hold this thread forever.
      return cf.get(timeout.toNanos(), TimeUnit.NANOSECONDS).body();
    } catch (TimeoutException e) {
      cf.cancel(true);
      throw new Retryable("no complete response within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      cf.cancel(true);
      Thread.currentThread().interrupt();
      throw new RasterIoException(name + ": interrupted while reading " + rangeHeader(offset, length), e);
    } catch (CancellationException e) {
      throw closed ? closedException() : new RasterIoException(name + ": request cancelled", e);
    } catch (ExecutionException e) {
      Throwable c = unwrap(e);
      if (c instanceof RasterIoException r) {
        throw r;
      }
      if (c instanceof Retryable r) {
        throw r;
      }
      if (c instanceof CancellationException && closed) {
        throw closedException();
      }
      if (c instanceof SSLHandshakeException) {
        // A certificate problem does not go away by asking again.
        throw new RasterIoException(name + ": TLS handshake failed: " + c.getMessage(), c);
      }
      if (c instanceof IOException) {
        throw new Retryable(describe(c), c);
      }
      throw new RasterIoException(name + ": request failed: " + describe(c), c);
    } finally {
      inFlight.remove(cf);
    }
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof ExecutionException || c instanceof CompletionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  // ---------------------------------------------------------------------------------------------------
  // Responses: everything the server declares is checked here, before a byte is allocated.

  private BodySubscriber<Outcome> subscriberFor(ResponseInfo info, long offset, int length, Validators known) {
    try {
      int s = info.statusCode();
      if (s == 206) {
        return partial(info, offset, length, known);
      }
      if (s == 200) {
        return entire(info, offset, length, known);
      }
      if (s == 416 && known == null) {
        // Opening an empty file: no byte can satisfy bytes=0-..., and the server says the length is 0.
        Matcher m = UNSATISFIED_RANGE.matcher(info.headers().firstValue("Content-Range").orElse(""));
        if (m.matches() && Long.parseLong(m.group(1)) == 0) {
          String etag = info.headers().firstValue("ETag").orElse(null);
          String lm = info.headers().firstValue("Last-Modified").orElse(null);
          // SLICE of nothing: completes at once without reading the (error) body.
          return new Collector(Mode.SLICE, 0, 0, 0, bytes -> new Fetched(0, bytes, 0, true, etag, lm));
        }
      }
      if (s >= 400) {
        return new ErrorCollector(info);
      }
      throw new RasterIoException(name + ": unexpected HTTP " + s + " for " + rangeHeader(offset, length)
          + (s >= 300 && s < 400 ? " (redirect not followed: " + info.headers().firstValue("Location").orElse("no Location") + ")" : ""));
    } catch (RasterIoException e) {
      return new Failing(e);
    }
  }

  /** 206: the body must be exactly the requested range (clipped to the file when opening). */
  private BodySubscriber<Outcome> partial(ResponseInfo info, long offset, int length, Validators known) {
    String etag = info.headers().firstValue("ETag").orElse(null);
    String lm = info.headers().firstValue("Last-Modified").orElse(null);
    checkUnchanged(known, etag, lm);
    String cr = info.headers().firstValue("Content-Range").orElse(null);
    if (cr == null) {
      throw protocol("206 without Content-Range for " + rangeHeader(offset, length));
    }
    Matcher m = CONTENT_RANGE.matcher(cr.trim());
    if (!m.matches()) {
      throw protocol("unreadable Content-Range '" + cr + "' for " + rangeHeader(offset, length));
    }
    long first = Long.parseLong(m.group(1));
    long last = Long.parseLong(m.group(2));
    long total;
    if (m.group(3).equals("*")) {
      if (known == null) {
        throw protocol("server does not tell the file length (Content-Range '" + cr + "')");
      }
      total = known.length();
    } else {
      total = Long.parseLong(m.group(3));
    }
    if (total > MAX_PLAUSIBLE_LENGTH || last >= total || last < first) {
      throw protocol("implausible Content-Range '" + cr + "' for " + rangeHeader(offset, length));
    }
    if (known != null && total != known.length()) {
      throw changed("length was " + known.length() + ", now " + total);
    }
    long expectedLast = Math.min(offset + length, total) - 1;
    if (first != offset || last != expectedLast) {
      throw protocol("Content-Range '" + cr + "' does not match the request " + rangeHeader(offset, length));
    }
    int n = (int) (last - first + 1); // <= length, so it fits
    checkContentLength(info, n, "206 for " + rangeHeader(offset, length));
    return new Collector(Mode.EXACT, 0, n, 0, bytes -> new Fetched(offset, bytes, total, false, etag, lm));
  }

  /** 200: the server ignored Range and sends the whole file. */
  private BodySubscriber<Outcome> entire(ResponseInfo info, long offset, int length, Validators known) {
    String etag = info.headers().firstValue("ETag").orElse(null);
    String lm = info.headers().firstValue("Last-Modified").orElse(null);
    checkUnchanged(known, etag, lm);
    long declared = contentLength(info);
    if (declared > MAX_PLAUSIBLE_LENGTH) {
      throw protocol("implausible Content-Length " + declared);
    }
    if (known != null && declared >= 0 && declared != known.length()) {
      throw changed("length was " + known.length() + ", now " + declared);
    }
    long total = declared >= 0 ? declared : known != null ? known.length() : -1;
    long maxWhole = options.maxWholeBodyBytes();
    if (total >= 0 && total <= maxWhole) {
      // Small enough to keep: the caller's range is served from it, and so is every later read.
      return new Collector(Mode.EXACT, 0, (int) total, 0, bytes -> new Fetched(0, bytes, total, true, etag, lm));
    }
    if (total < 0) {
      // Opening, no length declared (chunked): keep what fits; beyond that we cannot know the length.
      return new Collector(Mode.GROW, 0, 0, maxWhole,
          bytes -> new Fetched(0, bytes, bytes.length, true, etag, lm));
    }
    // Too large to keep: read up to the wanted bytes, keep only those, then drop the connection.
    int wanted = known == null ? (int) Math.min(length, total) : length;
    if (offset + wanted > total) {
      throw changed("length is now " + total + ", too short for " + rangeHeader(offset, length));
    }
    return new Collector(Mode.SLICE, offset, wanted, 0, bytes -> new Fetched(offset, bytes, total, false, etag, lm));
  }

  private void checkUnchanged(Validators known, String etag, String lastModified) {
    if (known == null) {
      return;
    }
    if (known.etag() != null && etag != null) {
      // Equal ETags settle it even if Last-Modified differs, as it may between replicas of a CDN.
      if (!known.etag().equals(etag)) {
        throw changed("ETag was " + known.etag() + ", now " + etag);
      }
      return;
    }
    if (known.lastModified() != null && lastModified != null && !known.lastModified().equals(lastModified)) {
      throw changed("Last-Modified was " + known.lastModified() + ", now " + lastModified);
    }
  }

  private long contentLength(ResponseInfo info) {
    Optional<String> v = info.headers().firstValue("Content-Length");
    if (v.isEmpty()) {
      return -1;
    }
    String s = v.get().trim();
    if (!s.matches("\\d{1,18}")) {
      throw protocol("unreadable Content-Length '" + v.get() + "'");
    }
    return Long.parseLong(s);
  }

  private void checkContentLength(ResponseInfo info, long expected, String what) {
    long declared = contentLength(info);
    if (declared >= 0 && declared != expected) {
      throw protocol(what + " declares Content-Length " + declared + ", expected " + expected);
    }
  }

  private RasterIoException protocol(String detail) {
    return new RasterIoException(name + ": invalid response: " + detail);
  }

  private enum Mode {
    /** The body is exactly {@code wanted} bytes. */
    EXACT,
    /** Skip {@code skip} bytes, keep {@code wanted}, then stop reading. */
    SLICE,
    /** Keep everything up to {@code limit} bytes; length unknown in advance. */
    GROW
  }

  /**
   * Copies a body, or the wanted part of it, into an array sized from checked numbers only. Signals come
   * serially (Flow rules), so no locking.
   */
  private final class Collector implements BodySubscriber<Outcome> {
    private final Mode mode;
    private final long skip;
    private final int wanted;
    private final long limit;
    private final Function<byte[], Fetched> finish;
    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private byte[] buf;
    private int filled;
    private long seen;
    private Flow.Subscription subscription;

    Collector(Mode mode, long skip, int wanted, long limit, Function<byte[], Fetched> finish) {
      this.mode = mode;
      this.skip = skip;
      this.wanted = wanted;
      this.limit = limit;
      this.finish = finish;
      this.buf = new byte[mode == Mode.GROW ? (int) Math.min(limit, 64 * 1024) : wanted];
    }

    @Override
    public CompletionStage<Outcome> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (mode == Mode.SLICE && wanted == 0) {
        s.cancel();
        result.complete(finish.apply(buf));
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer bb : items) {
        bytesReceived.addAndGet(bb.remaining());
      }
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer bb : items) {
        if (mode == Mode.SLICE && seen < skip) {
          int drop = (int) Math.min(bb.remaining(), skip - seen);
          bb.position(bb.position() + drop);
          seen += drop;
        }
        int n = bb.remaining();
        if (n == 0) {
          continue;
        }
        if (mode == Mode.GROW && filled + (long) n > buf.length) {
          if (filled + (long) n > limit) {
            fail(new RasterIoException(name + ": server ignores Range and sends more than "
                + limit + " bytes without declaring the length; raise maxWholeBodyBytes or use a server"
                + " that supports Range"));
            return;
          }
          buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max(filled + (long) n, buf.length * 2L)));
        }
        if (mode == Mode.EXACT && filled + n > wanted) {
          fail(protocol("body longer than the " + wanted + " bytes declared"));
          return;
        }
        int take = Math.min(n, buf.length - filled);
        bb.get(buf, filled, take);
        filled += take;
        seen += take;
        if (mode == Mode.SLICE && filled == wanted) {
          // Got what we came for: stop the download; the connection is dropped, memory stays bounded.
          subscription.cancel();
          result.complete(finish.apply(buf));
          return;
        }
      }
    }

    @Override
    public void onError(Throwable t) {
      if (result.isDone()) {
        return;
      }
      if (t instanceof IOException) {
        result.completeExceptionally(new Retryable("connection failed after " + filled + " of "
            + (mode == Mode.GROW ? "?" : Integer.toString(wanted)) + " body bytes: " + describe(t), t));
      } else {
        result.completeExceptionally(t);
      }
    }

    @Override
    public void onComplete() {
      if (result.isDone()) {
        return;
      }
      if (mode == Mode.GROW) {
        result.complete(finish.apply(filled == buf.length ? buf : Arrays.copyOf(buf, filled)));
      } else if (filled < wanted) {
        result.completeExceptionally(new Retryable("body truncated after " + filled + " of " + wanted
            + " bytes", null));
      } else {
        result.complete(finish.apply(buf));
      }
    }

    private void fail(RuntimeException e) {
      subscription.cancel();
      result.completeExceptionally(e);
    }
  }

  /** Keeps the start of an error body for the message; drains a little more so the connection survives. */
  private final class ErrorCollector implements BodySubscriber<Outcome> {
    private final ResponseInfo info;
    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private final byte[] snippet = new byte[ERROR_SNIPPET_BYTES];
    private int kept;
    private long seen;
    private Flow.Subscription subscription;

    ErrorCollector(ResponseInfo info) {
      this.info = info;
    }

    @Override
    public CompletionStage<Outcome> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer bb : items) {
        int n = bb.remaining();
        bytesReceived.addAndGet(n);
        seen += n;
        int take = Math.min(n, snippet.length - kept);
        bb.get(snippet, kept, take);
        kept += take;
      }
      if (seen > ERROR_DRAIN_BYTES && !result.isDone()) {
        subscription.cancel();
        done();
      }
    }

    @Override
    public void onError(Throwable t) {
      // The status is what matters; a broken error body does not change it.
      done();
    }

    @Override
    public void onComplete() {
      done();
    }

    private void done() {
      String text = new String(snippet, 0, kept, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
      result.complete(new Failed(info.statusCode(), info.headers(), text));
    }
  }

  /** Rejects a response whose headers failed validation, without reading its body. */
  private static final class Failing implements BodySubscriber<Outcome> {
    private final CompletableFuture<Outcome> result;

    Failing(RuntimeException e) {
      this.result = CompletableFuture.failedFuture(e);
    }

    @Override
    public CompletionStage<Outcome> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      s.cancel();
    }

    @Override
    public void onNext(List<ByteBuffer> items) {}

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onComplete() {}
  }
}
