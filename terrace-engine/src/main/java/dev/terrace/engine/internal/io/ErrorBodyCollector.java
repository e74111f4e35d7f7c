package dev.terrace.engine.internal.io;

import dev.terrace.engine.internal.io.Outcome.Failed;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the body of an error status: keeps its start for the message, and drains a little more so
 * that the connection can be reused.
 */
final class ErrorBodyCollector extends OutcomeSubscriber {

  /** How much of an error body goes into the exception message. */
  private static final int SNIPPET_BYTES = 512;

  /**
   * Error bodies are drained up to this so the connection can be reused; longer ones are cut off.
   */
  private static final int DRAIN_BYTES = 64 * 1024;

  private final ResponseInfo info;
  private final byte[] snippet = new byte[SNIPPET_BYTES];
  private int kept;
  private long seen;

  /**
   * @param info the status and headers of the error response
   */
  ErrorBodyCollector(ResponseInfo info, TrafficCounters traffic) {
    super(traffic);
    this.info = info;
  }

  @Override
  void consume(List<ByteBuffer> items) {
    for (ByteBuffer bb : items) {
      int n = bb.remaining();
      seen += n;
      int take = Math.min(n, snippet.length - kept);
      bb.get(snippet, kept, take);
      kept += take;
    }
    if (seen > DRAIN_BYTES) {
      stopReading();
      bodyEnded();
    }
  }

  @Override
  void bodyFailed(Throwable t) {
    // The status is what matters; a broken error body does not change it.
    bodyEnded();
  }

  @Override
  void bodyEnded() {
    String text =
        new String(snippet, 0, kept, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    result.complete(new Failed(info.statusCode(), info.headers(), text));
  }
}
