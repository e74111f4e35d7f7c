package dev.terrace.engine.internal.rows;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.FieldError;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.internal.extract.Extractor;
import dev.terrace.engine.internal.extract.Part;
import dev.terrace.engine.internal.extract.PartReader;
import dev.terrace.engine.internal.extract.Partial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A batch's geometries through {@code extract.batch}, one outcome per geometry in input order. A
 * request rejected for some of its geometries fails those rows and is sent again without them, so
 * that one bad geometry does not fail its neighbours. The engine and the service are handled alike
 * (by their field errors), so a local and a remote run write the same rows.
 */
public final class Extraction {

  /** One geometry's answer, or why it has none. */
  public record Outcome(ExtractResponse response, String error) {}

  /**
   * The entry's own index in a batch's field paths, which means nothing in a row that is the entry.
   */
  private static final java.util.regex.Pattern ENTRY_PATH =
      java.util.regex.Pattern.compile("geometries\\[\\d+\\]\\.?");

  private Extraction() {}

  /**
   * @param request the {@code extract.batch} request for some of the geometries
   * @param maxBatch the most geometries per call
   * @throws RuntimeException a failure that concerns the whole request (an unknown dataset, an
   *     unreachable service), which no row can be written for
   */
  public static List<Outcome> run(
      TerraceApi api,
      Function<List<Geometry>, BatchExtractRequest> request,
      List<Geometry> geometries,
      int maxBatch) {
    return run(request, geometries, maxBatch, (r, indexes) -> api.batchExtract(r));
  }

  /**
   * {@link #run(TerraceApi, Function, List, int)} with polygons read in parts by the engine.
   *
   * @param parts per geometry, the part to read or null to read it whole
   * @param partials where each geometry's partial goes, by its index
   */
  public static List<Outcome> run(
      PartReader engine,
      Function<List<Geometry>, BatchExtractRequest> request,
      List<Geometry> geometries,
      List<Part> parts,
      Partial[] partials,
      int maxBatch) {
    return run(
        request,
        geometries,
        maxBatch,
        (r, indexes) -> {
          Extractor.PartsResponse answered =
              engine.batchExtractParts(r, Arrays.stream(indexes).mapToObj(parts::get).toList());
          for (int k = 0; k < indexes.length; k++) {
            partials[indexes[k]] = answered.partials().get(k);
          }
          return answered.response();
        });
  }

  /** Sends a request for some of the geometries, by their indexes. */
  private interface Send {
    BatchExtractResponse send(BatchExtractRequest request, int[] indexes);
  }

  private static List<Outcome> run(
      Function<List<Geometry>, BatchExtractRequest> request,
      List<Geometry> geometries,
      int maxBatch,
      Send api) {
    Outcome[] out = new Outcome[geometries.size()];
    int[] order = geometries.size() > maxBatch ? Locality.order(geometries) : null;
    for (int from = 0; from < geometries.size(); from += maxBatch) {
      int[] indexes = new int[Math.min(maxBatch, geometries.size() - from)];
      for (int k = 0; k < indexes.length; k++) {
        indexes[k] = order == null ? from + k : order[from + k];
      }
      send(api, request, geometries, indexes, out);
    }
    return List.of(out);
  }

  private static void send(
      Send api,
      Function<List<Geometry>, BatchExtractRequest> request,
      List<Geometry> geometries,
      int[] indexes,
      Outcome[] out) {
    List<Geometry> part = new ArrayList<>(indexes.length);
    for (int i : indexes) {
      part.add(geometries.get(i));
    }
    BatchExtractResponse response;
    try {
      response = api.send(request.apply(part), indexes);
    } catch (RuntimeException e) {
      Map<Integer, String> named = geometryErrors(e, indexes.length);
      if (named.isEmpty()) {
        throw e;
      }
      int[] rest = new int[indexes.length - named.size()];
      int r = 0;
      for (int k = 0; k < indexes.length; k++) {
        String error = named.get(k);
        if (error != null) {
          out[indexes[k]] = new Outcome(null, error);
        } else {
          rest[r++] = indexes[k];
        }
      }
      if (rest.length > 0) {
        send(api, request, geometries, rest, out);
      }
      return;
    }
    if (response.responses().size() != indexes.length) {
      throw new IllegalStateException(
          "extract.batch answered "
              + response.responses().size()
              + " geometries for "
              + indexes.length);
    }
    for (int k = 0; k < indexes.length; k++) {
      ExtractResponse answer = response.responses().get(k);
      // A geometry the batch could not evaluate fails its row, worded as a rejection naming it
      // would be.
      out[indexes[k]] =
          answer.error() == null
              ? new Outcome(answer, null)
              : new Outcome(null, ENTRY_PATH.matcher(answer.error().message()).replaceAll(""));
    }
  }

  /**
   * What is wrong with each geometry a rejection names, by position in the request; empty unless
   * every field error names a geometry (an error elsewhere, in the dataset ids say, concerns every
   * row).
   */
  private static Map<Integer, String> geometryErrors(RuntimeException e, int size) {
    List<FieldError> errors = new ArrayList<>();
    if (e instanceof InvalidRequestException invalid) {
      errors.addAll(invalid.fieldErrors());
    }
    Map<Integer, String> named = new TreeMap<>();
    for (FieldError f : errors) {
      List<Object> loc = f.loc();
      if (loc.size() < 2
          || !"geometries".equals(loc.get(0))
          || !(loc.get(1) instanceof Number n)
          || n.intValue() < 0
          || n.intValue() >= size) {
        return Map.of();
      }
      String path = new FieldError(loc.subList(2, loc.size()), f.msg(), f.type()).path();
      String message = path.isEmpty() ? f.msg() : path + ": " + f.msg();
      named.merge(n.intValue(), message, (a, b) -> a + "; " + b);
    }
    return named;
  }
}
