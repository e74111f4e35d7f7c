package dev.terrace.server;

import dev.terrace.api.Problem;
import io.helidon.webserver.http.ServerResponse;
import java.io.UncheckedIOException;

/** Sends a problem as {@code application/problem+json}. */
final class ProblemWriter {

  private ProblemWriter() {}

  static void send(ServerResponse res, Throwable failure, String requestId, String path) {
    if (res.isSent()) {
      return;
    }
    Problems.Answer answer = Problems.answer(failure, requestId, path);
    res.status(answer.problem().status());
    if (answer.retryAfterSeconds() > 0) {
      res.header("Retry-After", Long.toString(answer.retryAfterSeconds()));
    }
    res.header("Content-Type", Problem.MEDIA_TYPE);
    res.send(json(answer.problem()));
  }

  static byte[] json(Problem problem) {
    try {
      return Json.MAPPER.writeValueAsBytes(problem);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
