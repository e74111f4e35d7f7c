package dev.terrace.engine.internal.io;

import dev.terrace.engine.internal.io.Outcome.Failed;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");
  private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

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
    result.complete(new Failed(info.statusCode(), info.headers(), shown(text)));
  }

  /**
   * An object store's XML error is cut to its code and message: the rest echoes the request, the
   * access key id and the string signed included, which no message may carry.
   *
   * @return {@code "Code: Message"} for an S3-style error, else the body as it is
   */
  static String shown(String body) {
    Matcher code = XML_CODE.matcher(body);
    if (!code.find()) {
      return body;
    }
    Matcher message = XML_MESSAGE.matcher(body);
    return message.find() ? code.group(1) + ": " + message.group(1) : code.group(1);
  }
}
