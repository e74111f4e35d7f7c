package dev.terrace.engine.internal.io;

import dev.terrace.engine.internal.io.Outcome.Fetched;
import dev.terrace.engine.internal.raster.RasterIoException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A remote file read with HTTP {@code Range} requests, for Cloud Optimized GeoTIFFs on object
 * stores and plain web servers.
 *
 * <p>Opening costs one request: the first {@link HttpOptions#prefetchBytes()} bytes are fetched,
 * which tells the file length (from {@code Content-Range}) and usually holds the TIFF headers, so
 * the reads that follow at the start of the file need no request. Later reads fetch exactly the
 * bytes asked for; {@link #readAll(List)} merges nearby ranges and fetches the rest concurrently.
 *
 * <p>Consistency: the {@code ETag} and {@code Last-Modified} of the first response are checked on
 * every later one, and a strong ETag is sent as {@code If-Match}, so tiles from two versions of a
 * file are never mixed: a change is a {@link RasterIoException} telling the caller to reopen.
 *
 * <p>Failures: 5xx, 408, 429, timeouts of the whole exchange, connection errors and truncated
 * bodies are retried with capped exponential backoff and jitter; other 4xx are not. A request the
 * server is slow to answer is {@linkplain HttpOptions.Builder#hedging(boolean) hedged}. A server
 * that ignores {@code Range} and sends the entire file is handled: small files are kept in memory,
 * large ones streamed with only the requested bytes kept. Sizes from response headers are checked
 * against the request before anything is allocated.
 *
 * <p>Thread-safe: any number of threads may read at once.
 */
public final class HttpByteSource implements ByteSource {

  private final String name;
  private final HttpOptions options;
  private final RemoteFileErrors errors;
  private final TrafficCounters traffic = new TrafficCounters();

  /** Owns the closed state: closing it aborts the exchanges under way. */
  private final RangeRequester requester;

  private final RetryingFetcher fetcher;

  /** What the first response said about the file; every later response must agree. */
  private final FileVersion version;

  private final String identity;

  /** Bytes {@code [0, prefix.length)}; null once closed. */
  private volatile byte[] prefix;

  /**
   * The whole file, once a server that ignores {@code Range} has sent it and it was small enough;
   * else null.
   */
  private volatile byte[] whole;

  private HttpByteSource(URI uri, String name, HttpOptions options) {
    this.name = name;
    this.options = options;
    this.errors = new RemoteFileErrors(name);
    this.requester = new RangeRequester(uri, options, traffic, errors);
    this.fetcher = new RetryingFetcher(uri, requester, options, traffic, errors);
    Fetched first = fetcher.fetch(0, options.prefetchBytes(), null);
    this.version = new FileVersion(first.total(), first.etag(), first.lastModified());
    this.prefix = first.bytes();
    this.whole = first.whole() ? first.bytes() : null;
    this.identity = name + "#" + version.tag();
  }

  /**
   * Opens a remote file with the {@linkplain HttpOptions#defaults() default options}.
   *
   * @param uri an {@code http} or {@code https} URL
   * @return an open source; close it when done
   * @throws NullPointerException if {@code uri} is null
   * @throws IllegalArgumentException if {@code uri} is not an absolute http(s) URL with a host
   * @throws dev.terrace.engine.internal.raster.RasterNotFoundException if the server answers 404 or
   *     410
   * @throws RasterIoException if the file cannot be fetched otherwise (denied, server keeps
   *     failing)
   */
  public static HttpByteSource open(URI uri) {
    return open(uri, HttpOptions.defaults());
  }

  /**
   * Opens a remote file with one request, which fetches the first {@link
   * HttpOptions#prefetchBytes()} bytes and learns the length, ETag and Last-Modified.
   *
   * @param uri an {@code http} or {@code https} URL
   * @param options the client, timeouts, retries and merging to use
   * @return an open source; close it when done
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code uri} is not an absolute http(s) URL with a host
   * @throws dev.terrace.engine.internal.raster.RasterNotFoundException if the server answers 404 or
   *     410
   * @throws RasterIoException if the file cannot be fetched otherwise (denied, server keeps
   *     failing)
   */
  public static HttpByteSource open(URI uri, HttpOptions options) {
    Objects.requireNonNull(uri, "uri must not be null");
    return open(uri, RemoteNames.display(uri.toString()), options);
  }

  /**
   * @param name what messages call the file: an object's {@code s3://} location rather than the URL
   *     it is read from
   * @see #open(URI, HttpOptions)
   */
  static HttpByteSource open(URI uri, String name, HttpOptions options) {
    Objects.requireNonNull(uri, "uri must not be null");
    Objects.requireNonNull(options, "options must not be null");
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException("only http and https URLs can be opened, not " + name);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("URL has no host: " + name);
    }
    return new HttpByteSource(uri, name, options);
  }

  /**
   * @return the URL without its query (which may carry a signature), or the object's location
   */
  @Override
  public String name() {
    return name;
  }

  /**
   * @return the {@linkplain #name() name}, {@code #}, and the ETag, else the Last-Modified date,
   *     else the length
   */
  @Override
  public String identity() {
    return identity;
  }

  /**
   * @return the length the server reported when the source was opened
   */
  @Override
  public long length() {
    return version.length();
  }

  /**
   * Reads exactly {@code length} bytes: from memory if they lie in the prefix fetched at open (or
   * the whole file is held), else with one ranged request, retried as described on the class.
   *
   * @param offset first byte
   * @param length number of bytes, at most {@code length() - offset}
   * @return a new array of {@code length} bytes
   * @throws RasterIoException if the range lies outside the file, the bytes cannot be fetched, the
   *     file changed since it was opened, or the source is closed
   */
  @Override
  public byte[] read(long offset, int length) {
    checkRange(offset, length);
    return heldOrFetched(offset, length);
  }

  /**
   * Reads several ranges. Ranges held in memory cost nothing; the others are sorted, ranges whose
   * gap is at most {@link HttpOptions#mergeGapBytes()} are joined into one request of at most
   * {@link HttpOptions#maxMergedBytes()}, and the requests run concurrently, at most {@link
   * HttpOptions#maxConcurrentRequests()} at a time. If one fails the others are abandoned.
   *
   * @param ranges the ranges, in any order, overlaps allowed
   * @return one new array per range, in the order given
   * @throws NullPointerException if {@code ranges} or an element is null
   * @throws RasterIoException if a range lies outside the file, cannot be fetched, the file
   *     changed, or the source is closed
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
    List<MergedRange> requests =
        MergedRange.mergeNearby(ranges, remote, options.mergeGapBytes(), options.maxMergedBytes());
    if (requests.size() == 1) {
      // No thread hand-off for the common single-request case.
      fill(requests.get(0), ranges, out);
    } else if (!requests.isEmpty()) {
      ConcurrentReads.readAll(
          requests, options.maxConcurrentRequests(), m -> fill(m, ranges, out), errors);
    }
    return Arrays.asList(out);
  }

  /**
   * Counts the traffic so far, atomically per counter, for tests and benchmarks.
   *
   * @return the requests, body bytes, retries and hedges so far, the open request included
   */
  public HttpStats stats() {
    return traffic.snapshot();
  }

  /**
   * Drops the cached bytes and aborts exchanges under way; later reads throw a {@link
   * RasterIoException} saying the source is closed. The HTTP client is left open: a caller-supplied
   * one belongs to the caller and the default one is shared. Idempotent.
   */
  @Override
  public void close() {
    requester.close();
    prefix = null;
    whole = null;
  }

  @Override
  public String toString() {
    return "HttpByteSource[" + name + ", " + version.length() + " bytes]";
  }

  private void checkRange(long offset, int length) {
    if (offset < 0 || length < 0 || offset > version.length() - length) {
      throw errors.io(
          "read of "
              + length
              + " bytes at "
              + offset
              + " runs past the end of the file ("
              + version.length()
              + " bytes)");
    }
  }

  /**
   * Reads a range known to lie inside the file: from memory if it is held there, else from the
   * server.
   */
  private byte[] heldOrFetched(long offset, int length) {
    byte[] held = fromMemory(offset, length);
    return held != null ? held : fetchRange(offset, length);
  }

  /**
   * @return a copy of the bytes if they are held in memory, else null
   */
  private byte[] fromMemory(long offset, int length) {
    byte[] all = whole;
    byte[] head = prefix;
    if (requester.isClosed() || head == null) {
      throw errors.closed();
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
    Fetched f = fetcher.fetch(offset, length, version);
    if (f.whole()) {
      // The server ignores Range but the file is small: keep it, so later reads cost nothing.
      whole = f.bytes();
    }
    int from = Math.toIntExact(offset - f.bodyOffset());
    // Hand out the response array itself only if nothing else keeps it.
    return !f.whole() && from == 0 && f.bytes().length == length
        ? f.bytes()
        : Arrays.copyOfRange(f.bytes(), from, from + length);
  }

  private void fill(MergedRange request, List<ByteRange> ranges, byte[][] out) {
    // Checked against memory again: an earlier request may have brought the whole file in.
    request.sliceInto(heldOrFetched(request.start(), request.length()), ranges, out);
  }
}
