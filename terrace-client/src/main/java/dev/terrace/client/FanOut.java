package dev.terrace.client;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.ErrorResponse;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.FieldError;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.TerraceException;
import dev.terrace.api.geojson.Geometry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Any number of geometries through {@code extract.batch}: split into server-sized batches, at most
 * {@code window} in flight, each geometry's result (or error) put back at its input position. A
 * batch rejected with a 422 that names some of its geometries fails those items and is sent again
 * without them, so that one bad geometry does not fail its neighbours.
 */
final class FanOut {

  /** The most geometries the service takes in one {@code extract.batch}. */
  static final int BATCH_SIZE = 1000;

  private final BatchExtractRequest request;
  private final Function<BatchExtractRequest, CompletableFuture<BatchExtractResponse>> send;
  private final AtomicReferenceArray<ItemResult<ExtractResponse>> results;
  private final Queue<int[]> batches = new ConcurrentLinkedQueue<>();
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

  private FanOut(
      BatchExtractRequest request,
      Function<BatchExtractRequest, CompletableFuture<BatchExtractResponse>> send) {
    this.request = request;
    this.send = send;
    int n = request.geometries().size();
    this.results = new AtomicReferenceArray<>(n);
    for (int start = 0; start < n; start += BATCH_SIZE) {
      int first = start;
      int[] indexes = new int[Math.min(BATCH_SIZE, n - start)];
      Arrays.setAll(indexes, i -> first + i);
      batches.add(indexes);
    }
  }

  /**
   * Runs the fan-out. The future fails only if it is cancelled (which cancels the batches in
   * flight) or on a failure that is not the service's; every {@link TerraceException} lands on the
   * items it concerns.
   */
  static CompletableFuture<List<ItemResult<ExtractResponse>>> run(
      BatchExtractRequest request,
      int window,
      Function<BatchExtractRequest, CompletableFuture<BatchExtractResponse>> send) {
    FanOut fanOut = new FanOut(request, send);
    int workers = Math.max(1, Math.min(window, fanOut.batches.size()));
    List<CompletableFuture<Void>> running = new ArrayList<>(workers);
    for (int i = 0; i < workers; i++) {
      running.add(fanOut.worker());
    }
    CompletableFuture<List<ItemResult<ExtractResponse>>> all =
        CompletableFuture.allOf(running.toArray(new CompletableFuture<?>[0]))
            .thenApply(v -> fanOut.collect());
    all.whenComplete(
        (v, e) -> {
          if (all.isCancelled()) {
            fanOut.batches.clear();
            fanOut.inFlight.forEach(f -> f.cancel(true));
          }
        });
    return all;
  }

  /** Takes batches one after another until none is left. */
  private CompletableFuture<Void> worker() {
    int[] batch = batches.poll();
    return batch == null
        ? CompletableFuture.completedFuture(null)
        : send(batch).thenCompose(v -> worker());
  }

  private CompletableFuture<Void> send(int[] indexes) {
    List<Geometry> geometries = new ArrayList<>(indexes.length);
    for (int i : indexes) {
      geometries.add(request.geometries().get(i));
    }
    CompletableFuture<BatchExtractResponse> sent;
    try {
      sent = send.apply(request.withGeometries(geometries));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    inFlight.add(sent);
    return sent.handle(
            (response, error) -> {
              inFlight.remove(sent);
              return settle(indexes, response, Futures.unwrap(error));
            })
        .thenCompose(Function.identity());
  }

  private CompletableFuture<Void> settle(
      int[] indexes, BatchExtractResponse response, Throwable error) {
    if (error == null) {
      if (response.responses().size() != indexes.length) {
        fail(
            indexes,
            new InvalidResponseException(
                "extract.batch answered "
                    + response.responses().size()
                    + " geometries for "
                    + indexes.length,
                new ErrorResponse(200, null, null, null),
                null));
      } else {
        for (int k = 0; k < indexes.length; k++) {
          results.set(indexes[k], ItemResult.success(indexes[k], response.responses().get(k)));
        }
      }
      return CompletableFuture.completedFuture(null);
    }
    if (!(error instanceof TerraceException)) {
      return CompletableFuture.failedFuture(error);
    }
    Set<Integer> named =
        error instanceof InvalidRequestException
            ? namedGeometries((InvalidRequestException) error, indexes.length)
            : Set.of();
    if (named.isEmpty() || named.size() == indexes.length) {
      fail(indexes, (TerraceException) error);
      return CompletableFuture.completedFuture(null);
    }
    int[] rest = new int[indexes.length - named.size()];
    int r = 0;
    for (int k = 0; k < indexes.length; k++) {
      if (named.contains(k)) {
        results.set(indexes[k], ItemResult.failure(indexes[k], (TerraceException) error));
      } else {
        rest[r++] = indexes[k];
      }
    }
    return send(rest);
  }

  /**
   * The batch positions a 422's field errors name ({@code geometries[k]...}); empty unless every
   * field error names one, since an error elsewhere (the dataset ids, say) concerns every item.
   */
  private static Set<Integer> namedGeometries(InvalidRequestException e, int size) {
    Set<Integer> named = new TreeSet<>();
    for (FieldError fe : e.fieldErrors()) {
      List<Object> loc = fe.loc();
      if (loc.size() < 2 || !"geometries".equals(loc.get(0)) || !(loc.get(1) instanceof Number)) {
        return Set.of();
      }
      int k = ((Number) loc.get(1)).intValue();
      if (k < 0 || k >= size) {
        return Set.of();
      }
      named.add(k);
    }
    return named;
  }

  private void fail(int[] indexes, TerraceException error) {
    for (int i : indexes) {
      results.set(i, ItemResult.failure(i, error));
    }
  }

  private List<ItemResult<ExtractResponse>> collect() {
    List<ItemResult<ExtractResponse>> out = new ArrayList<>(results.length());
    for (int i = 0; i < results.length(); i++) {
      out.add(results.get(i));
    }
    return out;
  }
}
