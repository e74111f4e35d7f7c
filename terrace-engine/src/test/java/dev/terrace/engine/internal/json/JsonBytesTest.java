package dev.terrace.engine.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.terrace.api.geojson.Point;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBytesTest {

  /** A value Jackson fails on halfway through writing it. */
  record HalfWritten(String first) {
    public String getSecond() {
      throw new IllegalStateException("no second");
    }
  }

  @Test
  void writesWhatTheMapperWritesValueAfterValue() throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", 7);
    fields.put("name", "Olinda \"alta\" é");
    fields.put("none", null);
    for (Object value : List.of(fields, Point.of(-34.85, -8.01), List.of(1.5, 2.25), "text")) {
      assertThat(JsonBytes.of(value)).isEqualTo(StrictJson.MAPPER.writeValueAsBytes(value));
    }
  }

  @Test
  void aValueThatFailsHalfWrittenLeavesNothingBehindForTheNext() throws IOException {
    assertThatThrownBy(() -> JsonBytes.of(new HalfWritten("a")))
        .isInstanceOf(JsonMappingException.class);
    assertThat(new String(JsonBytes.of(List.of(1, 2)), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("[1,2]");
  }
}
