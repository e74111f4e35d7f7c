package dev.terrace.testkit.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * Answers one request as a static file server would, playing the path's next scripted fault if any.
 */
final class RangeHandler {

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final Function<String, PathState> paths;

  /**
   * @param paths the state of a path, created on first use
   */
  RangeHandler(Function<String, PathState> paths) {
    this.paths = paths;
  }

  void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    PathState e = paths.apply(path);
    try {
      respond(ex, path, e);
    } finally {
      e.stats.ended.incrementAndGet();
    }
  }

  private static void respond(HttpExchange ex, String path, PathState e) throws IOException {
    try (ex) {
      String rangeHeader = ex.getRequestHeaders().getFirst("Range");
      e.stats.received(rangeHeader);
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
      if (fault != null && fault.kind() == Fault.Kind.FAIL) {
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
      if (ifMatch != null && !e.ignoreIfMatch && !RangeHeader.ifMatch(ifMatch, r.etag)) {
        sendText(ex, e, 412, "precondition failed", head);
        return;
      }

      long length = r.length();
      long from = 0;
      long count = length;
      int status = 200;
      if (rangeHeader != null && !e.ignoreRange) {
        long[] range = RangeHeader.parse(rangeHeader, length);
        if (range == RangeHeader.UNSATISFIABLE) {
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
        r.write(out, from, count, e.stats.bytesSent);
        return;
      }
      if (fault.kind() == Fault.Kind.TRUNCATE) {
        r.write(out, from, Math.min(fault.bytes(), count), e.stats.bytesSent);
        out.flush();
        // An exception out of the handler makes the JDK server drop the connection mid-body.
        throw new IOException("injected truncation after " + fault.bytes() + " bytes");
      }
      long before = fault.bytes() < 0 ? count / 2 : Math.min(fault.bytes(), count);
      r.write(out, from, before, e.stats.bytesSent);
      out.flush();
      if (fault.duration() != null) {
        pause(fault.duration());
      } else {
        awaitRelease(fault.release());
      }
      r.write(out, from + before, count - before, e.stats.bytesSent);
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

  private static void awaitRelease(CountDownLatch release) throws IOException {
    try {
      release.await();
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IOException("hold interrupted by close");
    }
  }

  private static void sendText(HttpExchange ex, PathState e, int status, String text, boolean head)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    if (head) {
      ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, body.length);
    e.stats.bytesSent.addAndGet(body.length);
    ex.getResponseBody().write(body);
  }
}
