package dev.terrace.engine.internal.io;

import dev.terrace.engine.internal.raster.RasterIoException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Makes single attempts at ranged GETs of one remote file, each bounded as a whole by the request
 * timeout and hedged when slow, and sorts what goes wrong into worth retrying ({@link
 * TransientFailure}) or final ({@link RasterIoException}). Keeps track of the exchanges under way
 * so that {@link #close()} can abort them instead of letting them run on.
 */
final class RangeRequester {

  /** The most hedges one attempt sends, each replacing a late one. */
  private static final int MAX_HEDGES = 3;

  private final URI uri;
  private final HttpOptions options;
  private final HttpClient client;
  private final TrafficCounters traffic;
  private final RemoteFileErrors errors;
  private final ResponseValidator validator;

  /** Signs each attempt; null when the source is public or its URL carries its own signature. */
  private final RequestSigner signer;

  private final LatencyWindow latencies = new LatencyWindow();
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  RangeRequester(URI uri, HttpOptions options, TrafficCounters traffic, RemoteFileErrors errors) {
    this.uri = uri;
    this.options = options;
    this.client = options.httpClient();
    this.traffic = traffic;
    this.errors = errors;
    this.validator = new ResponseValidator(options, traffic, errors);
    this.signer = RequestSigner.signedByUrl(uri) ? null : options.signer();
  }

  /**
   * @return the {@code Range} header value for these bytes
   */
  static String rangeHeader(long offset, int length) {
    return "bytes=" + offset + "-" + (offset + length - 1);
  }

  /**
   * @return true once {@link #close()} was called
   */
  boolean isClosed() {
    return closed;
  }

  /** Aborts the exchanges under way; they, and any later attempt, fail as closed. Idempotent. */
  void close() {
    closed = true;
    for (CompletableFuture<?> f : inFlight) {
      f.cancel(true);
    }
  }

  /**
   * One attempt: sends the request and waits for the whole body, within the request timeout. If
   * hedging is on and the answer takes longer than the source usually needs ({@link
   * LatencyWindow}), the same request is sent once more and the first to bring the bytes wins; the
   * other exchange is aborted. A hedge itself late by as much is aborted and sent anew, up to
   * {@value #MAX_HEDGES} times, so that one hedge at most is in flight. Hedges share the attempt's
   * timeout: they are a second chance within the attempt, not retries.
   *
   * @param known the version the file was opened as; null while opening
   * @return the bytes, or a non-2xx status for the caller to judge
   * @throws TransientFailure if the exchange timed out, the connection failed or the body was cut
   *     short
   * @throws RasterIoException if the failure is final: an invalid response, a changed file, a
   *     closed source
   */
  Outcome attempt(long offset, int length, FileVersion known) throws TransientFailure {
    HttpRequest request = request(offset, length, known);
    long start = System.nanoTime();
    long timeout = options.requestTimeout().toNanos();
    long hedgeAfter = options.hedging() ? latencies.hedgeAfterNanos() : -1;
    CompletableFuture<HttpResponse<Outcome>> primary = send(request, offset, length, known);
    CompletableFuture<HttpResponse<Outcome>> hedge = null;
    long hedgeSent = 0;
    try {
      // The whole exchange, body included: HttpRequest.timeout only covers the headers, so a server
      // that
      // stalls mid-body would otherwise hold this thread forever.
      HttpResponse<Outcome> response;
      if (hedgeAfter < 0 || hedgeAfter >= timeout) {
        response = primary.get(timeout, TimeUnit.NANOSECONDS);
      } else {
        try {
          response = primary.get(hedgeAfter, TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
          response = null;
          for (int hedges = 1; response == null; hedges++) {
            traffic.countHedge();
            hedgeSent = System.nanoTime();
            hedge = send(request, offset, length, known);
            long left = timeout - (hedgeSent - start);
            // A hedge as late as the primary was is replaced, so that one hedge delayed like the
            // primary does
            // not hold the read: still one hedge in flight at a time, and at most MAX_HEDGES.
            boolean last = hedges == MAX_HEDGES || left <= hedgeAfter;
            try {
              response =
                  FirstFetched.of(primary, hedge)
                      .get(last ? left : hedgeAfter, TimeUnit.NANOSECONDS);
            } catch (TimeoutException stillSlow) {
              if (last) {
                throw stillSlow;
              }
              if (hedge.isDone()) {
                // The hedge failed (a changed file, say): asking again would fail again; the
                // primary is left.
                response =
                    FirstFetched.of(primary, hedge)
                        .get(timeout - (System.nanoTime() - start), TimeUnit.NANOSECONDS);
              } else {
                abandon(hedge);
              }
            }
          }
        }
      }
      Outcome o = response.body();
      if (o instanceof Outcome.Fetched) {
        // The winner's own answer time; the loser's is unknown. The reader's wait would not do: a
        // hedged
        // answer always comes after the threshold, so with hedges as common as the percentile's
        // tail each
        // one would push the threshold up, until nothing was hedged.
        boolean hedgeWon =
            hedge != null && hedge.state() == Future.State.SUCCESS && hedge.resultNow() == response;
        latencies.record(System.nanoTime() - (hedgeWon ? hedgeSent : start));
      }
      return o;
    } catch (TimeoutException e) {
      throw new TransientFailure(
          "no complete response within " + options.requestTimeout().toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw errors.io("interrupted while reading " + rangeHeader(offset, length), e);
    } catch (CancellationException e) {
      throw closed ? errors.closed() : errors.io("request cancelled", e);
    } catch (ExecutionException e) {
      Throwable c = unwrap(e);
      if (c instanceof RasterIoException r) {
        throw r;
      }
      if (c instanceof TransientFailure t) {
        throw t;
      }
      if (c instanceof CancellationException && closed) {
        throw errors.closed();
      }
      if (c instanceof SSLHandshakeException) {
        // A certificate problem does not go away by asking again.
        throw errors.io("TLS handshake failed: " + c.getMessage(), c);
      }
      if (c instanceof IOException) {
        throw new TransientFailure(RemoteFileErrors.describe(c), c);
      }
      throw errors.io("request failed: " + RemoteFileErrors.describe(c), c);
    } finally {
      // Aborts whatever is still running: the loser of a race, or everything on a timeout or an
      // interrupt.
      // A settled exchange ignores it.
      abandon(primary);
      if (hedge != null) {
        abandon(hedge);
      }
    }
  }

  private CompletableFuture<HttpResponse<Outcome>> send(
      HttpRequest request, long offset, int length, FileVersion known) {
    traffic.countRequest();
    CompletableFuture<HttpResponse<Outcome>> cf =
        client.sendAsync(request, info -> validator.subscriberFor(info, offset, length, known));
    inFlight.add(cf);
    if (closed) {
      // close() may have passed over it while it was being added.
      cf.cancel(true);
    }
    return cf;
  }

  private void abandon(CompletableFuture<?> exchange) {
    exchange.cancel(true);
    inFlight.remove(exchange);
  }

  private HttpRequest request(long offset, int length, FileVersion known) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Range", rangeHeader(offset, length));
    headers.putAll(options.headers());
    if (known != null && known.ifMatch() != null) {
      headers.put("If-Match", known.ifMatch());
    }
    if (signer != null) {
      headers.putAll(signed(headers));
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .GET()
            // Also bounds the wait for the headers inside the client; the body is bounded in
            // attempt().
            .timeout(options.requestTimeout());
    headers.forEach(b::header);
    if (uri.getScheme().equalsIgnoreCase("http")) {
      // HTTP/2 comes via ALPN on https; on plain http it would mean an h2c upgrade attempt, which
      // servers
      // rarely support and some mishandle.
      b.version(HttpClient.Version.HTTP_1_1);
    }
    return b.build();
  }

  /**
   * @return the signer's headers for this request
   * @throws RasterIoException if it cannot sign: asking again would not help
   */
  private Map<String, String> signed(Map<String, String> headers) {
    try {
      return signer.sign(uri, headers);
    } catch (RuntimeException e) {
      throw errors.io("request not signed: " + RemoteFileErrors.describe(e), e);
    }
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof ExecutionException || c instanceof CompletionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
