package dev.terrace.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.api.Problem;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** The one JSON mapper of the client: the API's records need nothing but a plain one. */
final class Json {

  static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Json() {}

  /** A request body as bytes, written once per call and resent as is on every attempt. */
  static byte[] write(Object body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot write the request body as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The problem an error body holds, or null when it holds none. An {@code error_type} this client
   * does not know (a newer service's) is dropped rather than losing the whole problem.
   */
  static @Nullable Problem problem(byte[] body) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
    if (!(tree instanceof ObjectNode)) {
      return null;
    }
    try {
      return MAPPER.treeToValue(tree, Problem.class);
    } catch (IOException | IllegalArgumentException e) {
      ((ObjectNode) tree).remove("error_type");
      try {
        return MAPPER.treeToValue(tree, Problem.class);
      } catch (IOException | IllegalArgumentException again) {
        return null;
      }
    }
  }
}
