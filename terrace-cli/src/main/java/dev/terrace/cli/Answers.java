package dev.terrace.cli;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.terrace.api.ExtractResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A row's {@link Extraction.Outcome} as bytes, to be kept on disk until its row is written: a tag,
 * then the response as JSON or the error's text. The response keeps what rows are written and
 * reported from (its results, warnings and error), which reads back equal; its request id, geometry
 * hash and time, which no row shows, are left out.
 */
final class Answers {

  private static final byte RESPONSE = 0;
  private static final byte ERROR = 1;
  private static final ObjectWriter WRITER = JsonStyle.MAPPER.writerFor(ExtractResponse.class);
  private static final ObjectReader READER = JsonStyle.MAPPER.readerFor(ExtractResponse.class);

  private Answers() {}

  static byte[] encode(Extraction.Outcome outcome) throws IOException {
    byte[] body =
        outcome.response() != null
            ? WRITER.writeValueAsBytes(written(outcome.response()))
            : outcome.error().getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[body.length + 1];
    out[0] = outcome.response() != null ? RESPONSE : ERROR;
    System.arraycopy(body, 0, out, 1, body.length);
    return out;
  }

  private static ExtractResponse written(ExtractResponse r) {
    return new ExtractResponse(null, null, r.results(), r.warnings(), 0, r.error());
  }

  static Extraction.Outcome decode(byte[] bytes) throws IOException {
    if (bytes[0] == RESPONSE) {
      return new Extraction.Outcome(READER.readValue(bytes, 1, bytes.length - 1), null);
    }
    return new Extraction.Outcome(
        null, new String(Arrays.copyOfRange(bytes, 1, bytes.length), StandardCharsets.UTF_8));
  }
}
