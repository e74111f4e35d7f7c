package dev.terrace.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.Job;
import dev.terrace.api.JobInput;
import dev.terrace.api.JobResultsRequest;
import dev.terrace.api.JobRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The two job calls that stream rather than send and read one JSON document: a create whose input
 * is the request body, and the results, read line by line and asked for again from the next row
 * when the connection drops.
 */
final class JobStreams {

  /** How often a results stream asks again after a dropped connection before it gives up. */
  private static final int RESUMES = 5;

  private final ClientContext context;

  JobStreams(ClientContext context) {
    this.context = context;
  }

  /** {@code POST /api/v1/jobs} with the input as the body and the options in the query. */
  Job create(CreateJobRequest request, JobInput input, @Nullable String idempotencyKey) {
    context.checkOpen();
    URI uri = URI.create(context.baseUrl + "/api/v1/jobs" + query(request));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", input.format().mediaType())
            .header("Accept", "application/json, application/problem+json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(input::open));
    authorize(b, uri);
    if (idempotencyKey != null) {
      b.header(Headers.IDEMPOTENCY_KEY, idempotencyKey);
    }
    HttpResponse<byte[]> response = send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new RawResponse<>(response.statusCode(), response.headers(), response.body(), Job.class)
        .parse();
  }

  /** The query string of a streamed create: the options as the body would carry them. */
  static String query(CreateJobRequest request) {
    BatchExtractRequest options = request.options().withGeometries(java.util.List.of());
    JsonNode json = Json.MAPPER.valueToTree(options);
    StringBuilder q = new StringBuilder();
    for (Map.Entry<String, JsonNode> e : json.properties()) {
      JsonNode v = e.getValue();
      String text;
      if (v.isNull() || (v.isArray() && v.isEmpty()) && !e.getKey().equals("dataset_ids")) {
        continue;
      } else if (v.isArray()) {
        StringBuilder list = new StringBuilder();
        v.forEach(item -> list.append(list.isEmpty() ? "" : ",").append(item.asText()));
        text = list.toString();
      } else if (v.isObject()) {
        // time_range, the only object among the options: START/END
        text = v.path("start").asText("..") + "/" + v.path("end").asText("..");
      } else {
        text = v.asText();
      }
      q.append(q.isEmpty() ? "?" : "&")
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(text, StandardCharsets.UTF_8));
    }
    if (request.layer() != null) {
      q.append(q.isEmpty() ? "?" : "&")
          .append("layer=")
          .append(URLEncoder.encode(request.layer(), StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  /** The rows from {@code offset} on; a dropped connection is resumed from the next row. */
  Stream<JobRow> results(String id, long offset) {
    Rows rows = new Rows(id, offset);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(rows::close);
  }

  private HttpResponse<InputStream> open(String id, long offset) {
    context.checkOpen();
    URI uri = context.endpoint("jobs.results");
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("Accept", "application/x-ndjson, application/problem+json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    Json.write(JobResultsRequest.of(id, offset, null))));
    authorize(b, uri);
    HttpResponse<InputStream> response = send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() / 100 != 2) {
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      throw new RawResponse<>(response.statusCode(), response.headers(), body, JobRow.class)
          .error()
          .orElseThrow();
    }
    return response;
  }

  private void authorize(HttpRequest.Builder b, URI uri) {
    String authorization = context.authorizationFor(uri);
    if (authorization != null) {
      b.header(Headers.AUTHORIZATION, authorization);
    }
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return context.http.send(request, handler);
    } catch (IOException e) {
      throw new ApiConnectionException(
          "Connection to " + context.baseUrl + " failed for " + request.uri().getPath() + ": " + e,
          1,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException("Interrupted while calling " + request.uri(), 1, e);
    }
  }

  /** The rows as they arrive, the connection opened again after the last row read if it drops. */
  private final class Rows implements Iterator<JobRow> {
    private final String id;
    private long next;
    private BufferedReader reader;
    private HttpHeaders headers;
    private JobRow peeked;
    private int resumes;

    Rows(String id, long offset) {
      this.id = id;
      this.next = offset;
      connect();
    }

    private void connect() {
      HttpResponse<InputStream> response = open(id, next);
      headers = response.headers();
      reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasNext() {
      while (peeked == null && reader != null) {
        try {
          String line = reader.readLine();
          if (line == null) {
            close();
            return false;
          }
          peeked =
              new RawResponse<>(200, headers, line.getBytes(StandardCharsets.UTF_8), JobRow.class)
                  .parse();
          next = peeked.row() + 1;
        } catch (IOException e) {
          close();
          if (++resumes > RESUMES) {
            throw new ApiConnectionException(
                "the results of job "
                    + id
                    + " broke off after row "
                    + next
                    + " "
                    + RESUMES
                    + " times: "
                    + e,
                resumes,
                e);
          }
          connect();
        }
      }
      return peeked != null;
    }

    @Override
    public JobRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      JobRow row = peeked;
      peeked = null;
      return row;
    }

    void close() {
      if (reader != null) {
        try {
          reader.close();
        } catch (IOException e) {
          // The connection is being given up; nothing is lost by not closing it cleanly.
        }
        reader = null;
      }
    }
  }
}
