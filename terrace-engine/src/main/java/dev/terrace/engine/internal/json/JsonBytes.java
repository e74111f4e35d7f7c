package dev.terrace.engine.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Values written as JSON bytes by {@link StrictJson#MAPPER} through one generator per thread. The
 * mapper's {@code writeValueAsBytes} makes a generator, its buffers and its context for every
 * value, which for the small answers a job spills by the million took most of the time their
 * encoding did.
 */
public final class JsonBytes {

  private static final ThreadLocal<JsonBytes> LOCAL = ThreadLocal.withInitial(JsonBytes::new);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
  private final JsonGenerator generator;

  private JsonBytes() {
    try {
      generator = StrictJson.MAPPER.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    generator.setRootValueSeparator(null);
  }

  /**
   * @return {@code value} as {@code StrictJson.MAPPER.writeValueAsBytes} writes it
   */
  public static byte[] of(Object value) throws IOException {
    JsonBytes local = LOCAL.get();
    try {
      StrictJson.MAPPER.writeValue(local.generator, value);
      local.generator.flush();
      return local.out.toByteArray();
    } catch (IOException | RuntimeException e) {
      // A value that failed half-written leaves the generator inside it; the next starts afresh.
      LOCAL.remove();
      throw e;
    } finally {
      local.out.reset();
    }
  }
}
