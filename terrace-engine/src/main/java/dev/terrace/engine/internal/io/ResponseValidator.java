package dev.terrace.engine.internal.io;

import dev.terrace.engine.internal.io.BodyCollector.Keep;
import dev.terrace.engine.internal.io.Outcome.Fetched;
import dev.terrace.engine.internal.raster.RasterIoException;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges the status and headers of a response to a ranged GET and picks how to read its body.
 * Everything the server declares (Content-Range, Content-Length, ETag, Last-Modified) is checked
 * here, before a byte is allocated, so a broken or hostile server cannot make the reader allocate
 * or mix up bytes.
 */
final class ResponseValidator {

  /**
   * Longer than any real object (S3 allows 50 TB); a larger total in {@code Content-Range} is a
   * broken or hostile server, not a file.
   */
  private static final long MAX_PLAUSIBLE_LENGTH = 1L << 50;

  private static final Pattern CONTENT_RANGE =
      Pattern.compile("bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern UNSATISFIED_RANGE =
      Pattern.compile("bytes\\s+\\*/(\\d{1,18})", Pattern.CASE_INSENSITIVE);

  private final long maxWholeBodyBytes;
  private final TrafficCounters traffic;
  private final RemoteFileErrors errors;

  /**
   * @param options supplies the largest whole-file body kept in memory when a server ignores Range
   */
  ResponseValidator(HttpOptions options, TrafficCounters traffic, RemoteFileErrors errors) {
    this.maxWholeBodyBytes = options.maxWholeBodyBytes();
    this.traffic = traffic;
    this.errors = errors;
  }

  /**
   * Picks the body subscriber for a response; a response that fails the checks gets one that
   * rejects it without reading the body.
   *
   * @param offset the first byte requested
   * @param length the number of bytes requested
   * @param known the version the file was opened as; null while opening
   */
  BodySubscriber<Outcome> subscriberFor(
      ResponseInfo info, long offset, int length, FileVersion known) {
    try {
      int s = info.statusCode();
      if (s == 206) {
        return partial(info, offset, length, known);
      }
      if (s == 200) {
        return entire(info, offset, length, known);
      }
      if (s == 416 && known == null) {
        // Opening an empty file: no byte can satisfy bytes=0-..., and the server says the length is
        // 0.
        Matcher m = UNSATISFIED_RANGE.matcher(header(info, "Content-Range", ""));
        if (m.matches() && Long.parseLong(m.group(1)) == 0) {
          String etag = header(info, "ETag", null);
          String lm = header(info, "Last-Modified", null);
          // SLICE of nothing: completes at once without reading the (error) body.
          return collector(Keep.slice(0, 0), bytes -> new Fetched(0, bytes, 0, true, etag, lm));
        }
      }
      if (s >= 400) {
        return new ErrorBodyCollector(info, traffic);
      }
      String redirect =
          s >= 300 && s < 400
              ? " (redirect not followed: " + header(info, "Location", "no Location") + ")"
              : "";
      throw errors.io(
          "unexpected HTTP " + s + " for " + RangeRequester.rangeHeader(offset, length) + redirect);
    } catch (RasterIoException e) {
      return new Rejecting(e);
    }
  }

  /** 206: the body must be exactly the requested range (clipped to the file when opening). */
  private BodySubscriber<Outcome> partial(
      ResponseInfo info, long offset, int length, FileVersion known) {
    String etag = header(info, "ETag", null);
    String lm = header(info, "Last-Modified", null);
    checkUnchanged(known, etag, lm);
    String range = RangeRequester.rangeHeader(offset, length);
    String cr = header(info, "Content-Range", null);
    if (cr == null) {
      throw errors.invalidResponse("206 without Content-Range for " + range);
    }
    Matcher m = CONTENT_RANGE.matcher(cr.trim());
    if (!m.matches()) {
      throw errors.invalidResponse("unreadable Content-Range '" + cr + "' for " + range);
    }
    long first = Long.parseLong(m.group(1));
    long last = Long.parseLong(m.group(2));
    long total;
    if (m.group(3).equals("*")) {
      if (known == null) {
        throw errors.invalidResponse(
            "server does not tell the file length (Content-Range '" + cr + "')");
      }
      total = known.length();
    } else {
      total = Long.parseLong(m.group(3));
    }
    if (total > MAX_PLAUSIBLE_LENGTH || last >= total || last < first) {
      throw errors.invalidResponse("implausible Content-Range '" + cr + "' for " + range);
    }
    if (known != null && total != known.length()) {
      throw errors.changed("length was " + known.length() + ", now " + total);
    }
    long expectedLast = Math.min(offset + length, total) - 1;
    if (first != offset || last != expectedLast) {
      throw errors.invalidResponse(
          "Content-Range '" + cr + "' does not match the request " + range);
    }
    int n = (int) (last - first + 1); // <= length, so it fits
    long declared = contentLength(info);
    if (declared >= 0 && declared != n) {
      throw errors.invalidResponse(
          "206 for " + range + " declares Content-Length " + declared + ", expected " + n);
    }
    return collector(Keep.exactly(n), bytes -> new Fetched(offset, bytes, total, false, etag, lm));
  }

  /** 200: the server ignored Range and sends the whole file. */
  private BodySubscriber<Outcome> entire(
      ResponseInfo info, long offset, int length, FileVersion known) {
    String etag = header(info, "ETag", null);
    String lm = header(info, "Last-Modified", null);
    checkUnchanged(known, etag, lm);
    long declared = contentLength(info);
    if (declared > MAX_PLAUSIBLE_LENGTH) {
      throw errors.invalidResponse("implausible Content-Length " + declared);
    }
    if (known != null && declared >= 0 && declared != known.length()) {
      throw errors.changed("length was " + known.length() + ", now " + declared);
    }
    long total = declared >= 0 ? declared : known != null ? known.length() : -1;
    if (total >= 0 && total <= maxWholeBodyBytes) {
      // Small enough to keep: the caller's range is served from it, and so is every later read.
      return collector(
          Keep.exactly((int) total), bytes -> new Fetched(0, bytes, total, true, etag, lm));
    }
    if (total < 0) {
      // Opening, no length declared (chunked): keep what fits; beyond that we cannot know the
      // length.
      return collector(
          Keep.upTo(maxWholeBodyBytes),
          bytes -> new Fetched(0, bytes, bytes.length, true, etag, lm));
    }
    // Too large to keep: read up to the wanted bytes, keep only those, then drop the connection.
    int wanted = known == null ? (int) Math.min(length, total) : length;
    if (offset + wanted > total) {
      throw errors.changed(
          "length is now "
              + total
              + ", too short for "
              + RangeRequester.rangeHeader(offset, length));
    }
    return collector(
        Keep.slice(offset, wanted), bytes -> new Fetched(offset, bytes, total, false, etag, lm));
  }

  private void checkUnchanged(FileVersion known, String etag, String lastModified) {
    if (known == null) {
      return;
    }
    if (known.etag() != null && etag != null) {
      // Equal ETags settle it even if Last-Modified differs, as it may between replicas of a CDN.
      if (!known.etag().equals(etag)) {
        throw errors.changed("ETag was " + known.etag() + ", now " + etag);
      }
      return;
    }
    if (known.lastModified() != null
        && lastModified != null
        && !known.lastModified().equals(lastModified)) {
      throw errors.changed("Last-Modified was " + known.lastModified() + ", now " + lastModified);
    }
  }

  /**
   * @return the declared Content-Length, or -1 if there is none (a chunked body)
   */
  private long contentLength(ResponseInfo info) {
    String v = header(info, "Content-Length", null);
    if (v == null) {
      return -1;
    }
    String s = v.trim();
    if (!s.matches("\\d{1,18}")) {
      throw errors.invalidResponse("unreadable Content-Length '" + v + "'");
    }
    return Long.parseLong(s);
  }

  private static String header(ResponseInfo info, String name, String absent) {
    return info.headers().firstValue(name).orElse(absent);
  }

  private BodyCollector collector(Keep keep, Function<byte[], Fetched> finish) {
    return new BodyCollector(keep, finish, traffic, errors);
  }

  /** Rejects a response whose headers failed the checks, without reading its body. */
  private static final class Rejecting implements BodySubscriber<Outcome> {
    private final CompletableFuture<Outcome> result;

    Rejecting(RuntimeException e) {
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
