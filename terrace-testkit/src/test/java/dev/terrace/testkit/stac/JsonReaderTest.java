package dev.terrace.testkit.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

  @Test
  void readsObjectsInDocumentOrderWithEveryKindOfValue() {
    Object value =
        JsonReader.read(
            " { \"b\": [1, -2.5e3, 0], \"a\": {\"t\": true, \"f\": false, \"n\": null}, \"s\": \"x\" } ");

    assertThat(value).isInstanceOf(Map.class);
    Map<?, ?> object = (Map<?, ?>) value;
    assertThat(List.<Object>copyOf(object.keySet())).containsExactly("b", "a", "s");
    assertThat(object.get("b"))
        .isEqualTo(List.of(new BigDecimal("1"), new BigDecimal("-2.5e3"), new BigDecimal("0")));
    Map<String, Object> literals = new HashMap<>();
    literals.put("t", true);
    literals.put("f", false);
    literals.put("n", null);
    assertThat(object.get("a")).isEqualTo(literals);
    assertThat(object.get("s")).isEqualTo("x");
  }

  @Test
  void decodesEscapes() {
    assertThat(JsonReader.read("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\""))
        .isEqualTo("q\" b\\ s/ \b\f\n\r\t é€");
  }

  @Test
  void readsEmptyContainers() {
    assertThat(JsonReader.read("{}")).isEqualTo(Map.of());
    assertThat(JsonReader.read("[ ]")).isEqualTo(List.of());
  }

  @Test
  void rejectsMalformedTextNamingTheOffset() {
    for (String text :
        Arrays.asList(
            "",
            "{",
            "{\"a\" 1}",
            "{a: 1}",
            "[1,]",
            "[1 2]",
            "01",
            "1.",
            "-",
            "\"open",
            "tru",
            "\"\\x\"",
            "\"\\u12\"",
            "{} []",
            "\"a\nb\"")) {
      assertThatThrownBy(() -> JsonReader.read(text))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("invalid JSON at offset ");
    }
    assertThatThrownBy(() -> JsonReader.read("[1, 2,]"))
        .hasMessage("invalid JSON at offset 6: unexpected ']'");
  }
}
