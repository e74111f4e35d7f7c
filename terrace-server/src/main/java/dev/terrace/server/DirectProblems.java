package dev.terrace.server;

import dev.terrace.api.Problem;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Answers what Helidon refuses before any route sees it (a malformed request line or header, no
 * {@code Host}, an oversized request line or header section, a bad {@code Content-Length}) like
 * every other error: a problem with a request id, counted in the metrics.
 */
final class DirectProblems implements DirectHandler {

  private final Metrics metrics;

  DirectProblems(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public TransportResponse handle(
      TransportRequest request,
      EventType eventType,
      Status defaultStatus,
      ServerResponseHeaders responseHeaders,
      String message) {
    String requestId =
        RequestIds.keepOrMake(
            request.headers().first(HeaderNames.create(RequestIds.HEADER)).orElse(null));
    // The target of a request that could not be parsed is no URI reference to point at.
    String path = request.path().startsWith("/") ? request.path() : null;
    Problems.Answer answer =
        Problems.answer(HttpFaults.of(defaultStatus.code(), message), requestId, path);
    Problem problem = answer.problem();
    // Refused before any work was done: the time it took is not worth measuring.
    metrics.record(Exchange.UNMATCHED, problem.status(), 0);
    TransportResponse.Builder response =
        TransportResponse.builder()
            .status(Status.create(problem.status()))
            .headers(responseHeaders)
            .header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
            .header(HeaderNames.create(RequestIds.HEADER), requestId)
            .keepAlive(false);
    if (answer.retryAfterSeconds() > 0) {
      response.header(HeaderNames.RETRY_AFTER, Long.toString(answer.retryAfterSeconds()));
    }
    return response.entity(ProblemWriter.json(problem)).build();
  }
}
