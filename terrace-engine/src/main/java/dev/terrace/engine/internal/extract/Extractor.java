package dev.terrace.engine.internal.extract;

import dev.terrace.api.Aggregation;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.ErrorType;
import dev.terrace.api.Estimate;
import dev.terrace.api.EstimateRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.FieldError;
import dev.terrace.api.Interpolation;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.Operation;
import dev.terrace.api.TemporalAggregation;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.crs.CrsIdentifier;
import dev.terrace.engine.internal.geometry.GeometryReader;
import dev.terrace.engine.internal.geometry.RequestGeometry;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBConstants;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Runs {@code extract} and {@code extract.batch} against a catalog: validates the whole request
 * first (every problem reported with its field path), then reads datasets and geometries in
 * parallel, in input order.
 */
public final class Extractor implements PartReader {

  /** Getting a digest looks up the security providers each time; each thread keeps one. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every JDK has SHA-256", e);
            }
          });

  private final Catalog catalog;
  private final Limits limits;
  private final RateMeter rate;

  /**
   * @param catalog where dataset ids are looked up
   * @param limits what a request may ask for
   */
  public Extractor(Catalog catalog, Limits limits) {
    this(catalog, limits, new RateMeter());
  }

  private Extractor(Catalog catalog, Limits limits, RateMeter rate) {
    this.catalog = catalog;
    this.limits = limits;
    this.rate = rate;
  }

  /**
   * The {@code extract} operation.
   *
   * @param request one geometry and the datasets to read
   * @return one result per dataset, in request order
   * @throws InvalidRequestException naming every invalid field, or the limit exceeded
   */
  public ExtractResponse extract(ExtractRequest request) {
    try (Priority.Interactive inFlight = Priority.interactive()) {
      return extractNow(request);
    }
  }

  private ExtractResponse extractNow(ExtractRequest request) {
    long start = System.nanoTime();
    List<FieldError> errors = new ArrayList<>();
    List<CatalogDataset> datasets = datasets(request.datasetIds(), errors);
    CoordinateReferenceSystem crs = crs(request.crs(), errors);
    RequestGeometry geometry =
        geometry(request.geometry(), crs, request.repair(), errors, "geometry");
    TimeWindow window = TimeWindow.of(request.timeRange(), errors, "time_range");
    checkTemporalAggregation(request.temporalAggregation(), request.aggregation(), errors);
    checkCellRules(request.minCoverageFrac(), request.defaultValue(), errors);
    Weighting weighting =
        Weighting.of(
            request.aggregation(),
            request.weights(),
            request.defaultWeight(),
            request.coverageWeight(),
            catalog,
            errors);
    throwIfAny(errors);
    PixelBudget budget = new PixelBudget(limits.maxCells());
    long cells = UpFrontBudget.check(List.of(geometry), datasets, crs, budget);
    List<String> warnings = Collections.synchronizedList(new ArrayList<>(geometry.warnings()));
    Options options = Options.of(request, window, weighting);
    Results described = new Results(options, geometry.kind(), warnings);
    DatasetExtraction extraction = new DatasetExtraction(geometry, crs, options, budget, described);
    OptionalLong until = Deadline.of(start, limits.timeout());
    List<ExtractResult> results =
        parallel(
                datasets,
                limits.concurrency(),
                extraction::run,
                until,
                d -> List.of(described.late(d, start, until.getAsLong())))
            .stream()
            .flatMap(List::stream)
            .toList();
    rate.record(cells, System.nanoTime() - start);
    return new ExtractResponse(
        requestId(),
        hash(geometry),
        results,
        snapshot(warnings),
        (System.nanoTime() - start) / 1e6);
  }

  /**
   * The {@code extract.batch} operation: every geometry with the same datasets and options. A
   * geometry that is well-formed but cannot be evaluated — an invalid polygon the request does not
   * ask to repair — fails only its own entry, which then carries an {@code error}; anything else
   * wrong with the request refuses all of it.
   *
   * @param request the geometries and datasets
   * @return one response per geometry, in input order
   * @throws InvalidRequestException naming every invalid field, or the limit exceeded
   */
  public BatchExtractResponse batchExtract(BatchExtractRequest request) {
    // A job's batches are background work (Priority); anyone else's keep jobs below them.
    try (Priority.Interactive inFlight = Priority.interactive()) {
      return batchExtractNow(request);
    }
  }

  /**
   * What {@link #batchExtractParts} answers.
   *
   * @param response one response per geometry, in input order; a polygon's read in parts holds what
   *     its home part read (see {@link #finish}) and, for its other parts, nothing
   * @param partials per geometry, what its part measured, or null for a geometry read whole (or a
   *     polygon the engine read whole in its home part)
   */
  public record PartsResponse(BatchExtractResponse response, List<Partial> partials) {}

  /**
   * {@code extract.batch} with some polygons read in parts: a polygon larger than a block of the
   * first dataset comes once per block it reaches, each time with the part to read, so that a batch
   * of one block's parts decodes that block once for all of them; {@link #finish} then makes the
   * home part's response the whole polygon's.
   *
   * @param parts per geometry, the part to read, or null to read the geometry whole
   */
  @Override
  public PartsResponse batchExtractParts(BatchExtractRequest request, List<Part> parts) {
    if (parts.size() != request.geometries().size()) {
      throw new IllegalArgumentException(
          parts.size() + " parts for " + request.geometries().size() + " geometries");
    }
    Partial[] partials = new Partial[parts.size()];
    try (Priority.Interactive inFlight = Priority.interactive()) {
      return new PartsResponse(batchExtractNow(request, parts, partials), Arrays.asList(partials));
    }
  }

  /**
   * Completes a polygon read in parts: the first dataset's results of its home part's response
   * become the whole polygon's, made of every part's measurements merged; a part that could not
   * read its cells makes the result {@code missing}, with its failure as a warning.
   *
   * @param request the request the parts were read with
   * @param home the response of the polygon's home part
   * @param merged the partials of all its parts, merged
   * @throws IllegalStateException if the partials do not belong to the response
   */
  @Override
  public ExtractResponse finish(BatchExtractRequest request, ExtractResponse home, Partial merged) {
    String id = request.datasetIds().get(0);
    CatalogDataset dataset =
        catalog
            .dataset(id)
            .orElseThrow(() -> new IllegalStateException("no dataset " + id + " to finish"));
    return PartCompletion.complete(
        dataset, new ResultValues(request.aggregation(), request.tie()), home, merged);
  }

  private BatchExtractResponse batchExtractNow(BatchExtractRequest request) {
    return batchExtractNow(request, null, null);
  }

  /**
   * @param parts per geometry the part to read, or null for every geometry whole
   * @param partials where each geometry's partial goes, indexed as {@code parts}
   */
  private BatchExtractResponse batchExtractNow(
      BatchExtractRequest request, List<Part> parts, Partial[] partials) {
    long start = System.nanoTime();
    List<FieldError> errors = new ArrayList<>();
    if (request.geometries().size() > limits.maxGeometries()) {
      throw InvalidRequestException.of(
          ErrorType.REQUEST_LIMIT,
          request.geometries().size()
              + " geometries; the limit"
              + " is "
              + limits.maxGeometries()
              + " per batch",
          "too_many_geometries",
          "geometries");
    }
    Batch batch = validate(request, false, errors);
    throwIfAny(errors);
    Map<Integer, ExtractResponse> failed = new TreeMap<>();
    batch.invalid().forEach((i, own) -> failed.put(i, BatchEntryError.of(requestId(), own)));
    Options options = Options.of(request, batch.window(), batch.weighting());
    // The geometries read, with their parts and where their partials go.
    List<Part> readParts = null;
    int[] readIndex = null;
    if (parts != null) {
      readParts = new ArrayList<>();
      readIndex = new int[batch.geometries().size()];
      for (int i = 0, k = 0; i < parts.size(); i++) {
        if (!failed.containsKey(i)) {
          readParts.add(parts.get(i));
          readIndex[k++] = i;
        }
      }
    }
    Parts read = readParts == null ? null : new Parts(readParts, readIndex, partials);
    if (failed.isEmpty()) {
      return answer(
          request, options, batch.geometries(), batch.datasets(), batch.crs(), start, read);
    }
    BatchExtractResponse answered =
        batch.geometries().isEmpty()
            ? BatchExtractResponse.of(List.of(), 0)
            : answer(
                request, options, batch.geometries(), batch.datasets(), batch.crs(), start, read);
    List<ExtractResponse> responses = BatchEntryError.merge(answered.responses(), failed);
    return BatchExtractResponse.of(responses, (System.nanoTime() - start) / 1e6);
  }

  /**
   * The {@code extract.estimate} operation: the body it carries is validated as its own operation
   * would validate it, field paths prefixed with the member that holds it, then estimated from the
   * rasters' headers. Limits are reported in the estimate, not enforced, so that a caller over one
   * learns by how much.
   *
   * @param request an {@code extract} or an {@code extract.batch} body
   * @return the estimate
   * @throws InvalidRequestException naming every invalid field, or when not exactly one body is set
   */
  public Estimate estimate(EstimateRequest request) {
    int bodies =
        (request.extract() == null ? 0 : 1)
            + (request.extractBatch() == null ? 0 : 1)
            + (request.jobsCreate() == null ? 0 : 1);
    if (bodies != 1) {
      throw InvalidRequestException.of(
          ErrorType.VALIDATION_ERROR,
          "set exactly one of extract, extract_batch and jobs_create: the body of the operation to"
              + " estimate",
          bodies == 0 ? "missing" : "invalid_combination",
          "extract");
    }
    // The same checks as the operation's, without the limits: those go into the estimate.
    Extractor lenient =
        new Extractor(
            catalog,
            new Limits(
                Integer.MAX_VALUE,
                Integer.MAX_VALUE,
                Integer.MAX_VALUE,
                Long.MAX_VALUE,
                limits.concurrency()),
            rate);
    List<FieldError> errors = new ArrayList<>();
    if (request.extract() != null) {
      return lenient.estimate(asBatch(request.extract()), Operation.EXTRACT, errors, limits);
    }
    if (request.extractBatch() != null) {
      return lenient.estimate(request.extractBatch(), Operation.EXTRACT_BATCH, errors, limits);
    }
    CreateJobRequest job = request.jobsCreate();
    if (job.inlineRows().isEmpty()) {
      throw InvalidRequestException.of(
          ErrorType.VALIDATION_ERROR,
          "a job is estimated over its inline rows (features or geometries); a streamed input is"
              + " counted when the job runs",
          "missing",
          "jobs_create",
          "features");
    }
    // A job's rows are extracted a batch at a time: its limit on rows is the job's, not a batch's.
    Limits perJob =
        new Limits(
            limits.maxDatasets(),
            (int) CreateJobRequest.MAX_ROWS,
            limits.maxVertices(),
            limits.maxCells(),
            limits.concurrency());
    return lenient.estimate(
        job.options().withGeometries(job.inlineRows()), Operation.JOBS_CREATE, errors, perJob);
  }

  /**
   * Estimates a batch-shaped request: a batch, or a single extract as a batch of one, which refuses
   * an invalid polygon where a batch skips it.
   */
  private Estimate estimate(
      BatchExtractRequest request, Operation operation, List<FieldError> errors, Limits enforced) {
    boolean single = operation == Operation.EXTRACT;
    Batch batch = validate(request, single, errors);
    throwIfAny(
        errors,
        switch (operation) {
          case EXTRACT -> "extract";
          case JOBS_CREATE -> "jobs_create";
          default -> "extract_batch";
        });
    List<String> skipped = new ArrayList<>();
    batch
        .invalid()
        .keySet()
        .forEach(
            i ->
                skipped.add(
                    "geometries["
                        + i
                        + "] is an invalid polygon: its own entry would fail, reading nothing"));
    return Estimator.estimate(
        operation,
        request.geometries().size(),
        batch.geometries(),
        request.datasetIds().size(),
        batch.datasets(),
        batch.crs(),
        batch.window(),
        skipped,
        enforced,
        rate.rate());
  }

  /**
   * A batch-shaped request as validated: what reading needs, and the geometries that fail only
   * their own entry (an invalid polygon the request does not ask to repair) with their faults.
   */
  private record Batch(
      List<CatalogDataset> datasets,
      CoordinateReferenceSystem crs,
      List<RequestGeometry> geometries,
      Map<Integer, List<FieldError>> invalid,
      TimeWindow window,
      Weighting weighting) {}

  /**
   * Validates all of a batch but its size, adding every fault to {@code errors}.
   *
   * @param single whether the batch stands for one {@code extract}: its geometry's path is then
   *     {@code geometry}, and an invalid polygon is a fault like any other
   */
  private Batch validate(BatchExtractRequest request, boolean single, List<FieldError> errors) {
    if (request.geometries().isEmpty()) {
      errors.add(
          new FieldError(List.of("geometries"), "at least one geometry is required", "missing"));
    }
    List<CatalogDataset> datasets = datasets(request.datasetIds(), errors);
    CoordinateReferenceSystem crs = crs(request.crs(), errors);
    List<RequestGeometry> geometries = new ArrayList<>();
    Map<Integer, List<FieldError>> invalid = new TreeMap<>();
    for (int i = 0; i < request.geometries().size(); i++) {
      List<FieldError> own = new ArrayList<>();
      Object[] path = single ? new Object[] {"geometry"} : new Object[] {"geometries", i};
      RequestGeometry g = geometry(request.geometries().get(i), crs, request.repair(), own, path);
      if (!single
          && !own.isEmpty()
          && own.stream().allMatch(e -> GeometryReader.INVALID_GEOMETRY.equals(e.type()))) {
        invalid.put(i, own);
      } else {
        errors.addAll(own);
        geometries.add(g);
      }
    }
    TimeWindow window = TimeWindow.of(request.timeRange(), errors, "time_range");
    checkTemporalAggregation(request.temporalAggregation(), request.aggregation(), errors);
    checkCellRules(request.minCoverageFrac(), request.defaultValue(), errors);
    Weighting weighting =
        Weighting.of(
            request.aggregation(),
            request.weights(),
            request.defaultWeight(),
            request.coverageWeight(),
            catalog,
            errors);
    return new Batch(datasets, crs, geometries, invalid, window, weighting);
  }

  /** An {@code extract} as the batch of its one geometry, options unchanged. */
  private static BatchExtractRequest asBatch(ExtractRequest r) {
    return new BatchExtractRequest(
        Collections.singletonList(r.geometry()),
        r.datasetIds(),
        r.aggregation(),
        r.pixelRule(),
        r.timeRange(),
        r.temporalAggregation(),
        r.crs(),
        r.densify(),
        r.interpolation(),
        r.repair(),
        r.minCoverageFrac(),
        r.defaultValue(),
        r.weights(),
        r.defaultWeight(),
        r.coverageWeight(),
        r.tie());
  }

  /**
   * The parts of a batch's geometries that are read.
   *
   * @param parts per geometry read, its part or null
   * @param index per geometry read, its index in the request, where its partial goes
   * @param partials the partials, by index in the request
   */
  private record Parts(List<Part> parts, int[] index, Partial[] partials) {

    /** Whether the geometry is a part that reads the first dataset only. */
    boolean away(int geometry) {
      Part p = parts.get(geometry);
      return p != null && !p.home();
    }
  }

  /**
   * Answers the geometries that could be read, in their order.
   *
   * @param parts the parts of polygons read in parts, or null when all are read whole
   */
  private BatchExtractResponse answer(
      BatchExtractRequest request,
      Options options,
      List<RequestGeometry> geometries,
      List<CatalogDataset> datasets,
      CoordinateReferenceSystem crs,
      long start,
      Parts parts) {
    PixelBudget budget = new PixelBudget(limits.maxCells());
    // A polygon's home part counts all of it, as reading it whole would; its other parts nothing.
    List<RequestGeometry> counted =
        parts == null
            ? geometries
            : IntStream.range(0, geometries.size())
                .filter(i -> !parts.away(i))
                .mapToObj(geometries::get)
                .toList();
    long cells = UpFrontBudget.check(counted, datasets, crs, budget);
    OptionalLong until = Deadline.of(start, limits.timeout());
    // The block-by-block path summarises each point without weights; weighted points and cells are
    // read one
    // geometry at a time, as any other geometry.
    if (parts == null
        && geometries.size() > 1
        && request.interpolation() == Interpolation.NEAREST
        && options.weighting().weights() == null
        && !request.aggregation().equals(Aggregation.CELLS)
        && geometries.stream().allMatch(Extractor::isSinglePoint)) {
      return points(options, geometries, datasets, crs, budget, start, until);
    }
    int[] order = LocalityOrder.of(geometries.stream().map(RequestGeometry::geometry).toList());
    List<RequestGeometry> neighboursTogether =
        Arrays.stream(order).mapToObj(geometries::get).toList();
    // What each geometry has read so far, so that one given up at the deadline keeps the datasets
    // it had read.
    GeometryProgress[] progress = new GeometryProgress[neighboursTogether.size()];
    Arrays.setAll(
        progress, i -> new GeometryProgress(neighboursTogether.get(i), crs, options, budget));
    List<Integer> indices = IntStream.range(0, progress.length).boxed().toList();
    List<ExtractResponse> computed =
        parallel(
            indices,
            limits.concurrency(),
            i -> {
              long t = System.nanoTime();
              GeometryProgress p = progress[i];
              Part part = parts == null ? null : parts.parts().get(order[i]);
              for (CatalogDataset d : datasets) {
                if (part == null || d != datasets.get(0)) {
                  p.add(p.extraction.run(d));
                  continue;
                }
                DatasetExtraction.PartRead read = p.extraction.run(d, part);
                parts.partials()[parts.index()[order[i]]] = read.partial();
                p.add(read.results());
                if (!part.home()) {
                  break;
                }
              }
              return new ExtractResponse(
                  requestId(),
                  hash(neighboursTogether.get(i)),
                  p.results(),
                  snapshot(p.warnings),
                  (System.nanoTime() - t) / 1e6);
            },
            until,
            i -> {
              GeometryProgress p = progress[i];
              if (parts != null && parts.parts().get(order[i]) != null && p.datasetsRead() == 0) {
                // Given up before its part was read: whatever the other parts read, the polygon
                // has no answer from the first dataset.
                parts.partials()[parts.index()[order[i]]] =
                    Partial.lost(
                        datasets.get(0).id()
                            + ": not read within the request's "
                            + Math.round((until.getAsLong() - start) / 1e6)
                            + " ms deadline");
              }
              List<ExtractResult> results = new ArrayList<>(p.results());
              for (CatalogDataset d : datasets.subList(p.datasetsRead(), datasets.size())) {
                results.add(p.results.late(d, start, until.getAsLong()));
              }
              return new ExtractResponse(
                  requestId(), hash(neighboursTogether.get(i)), results, snapshot(p.warnings), 0);
            });
    List<ExtractResponse> responses = LocalityOrder.inInputOrder(order, computed);
    rate.record(cells, System.nanoTime() - start);
    int total = responses.stream().mapToInt(r -> r.results().size()).sum();
    return new BatchExtractResponse(
        responses, responses.size(), total, (System.nanoTime() - start) / 1e6);
  }

  /**
   * One geometry of a batch as its datasets are read: the results so far, in dataset order, and the
   * warnings.
   */
  private static final class GeometryProgress {
    final List<String> warnings;
    final Results results;
    final DatasetExtraction extraction;
    private final List<List<ExtractResult>> byDataset = new ArrayList<>();

    GeometryProgress(
        RequestGeometry g, CoordinateReferenceSystem crs, Options options, PixelBudget budget) {
      this.warnings = Collections.synchronizedList(new ArrayList<>(g.warnings()));
      this.results = new Results(options, g.kind(), warnings);
      this.extraction = new DatasetExtraction(g, crs, options, budget, results);
    }

    synchronized void add(List<ExtractResult> results) {
      byDataset.add(results);
    }

    synchronized int datasetsRead() {
      return byDataset.size();
    }

    synchronized List<ExtractResult> results() {
      return byDataset.stream().flatMap(List::stream).toList();
    }
  }

  /**
   * The warnings so far, each once. Reads given up at the deadline may still be adding to the list,
   * so it is read under its lock.
   */
  private static List<String> snapshot(List<String> warnings) {
    synchronized (warnings) {
      return warnings.stream().distinct().toList();
    }
  }

  private static boolean isSinglePoint(RequestGeometry g) {
    return g.kind() == RequestGeometry.Kind.POINTS && g.geometry().getNumPoints() == 1;
  }

  /** A batch of single points: each dataset is read block by block (see {@link PointBatch}). */
  private BatchExtractResponse points(
      Options options,
      List<RequestGeometry> geometries,
      List<CatalogDataset> datasets,
      CoordinateReferenceSystem crs,
      PixelBudget budget,
      long start,
      OptionalLong until) {
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    List<Coordinate> points = geometries.stream().map(g -> g.geometry().getCoordinate()).toList();
    Results described = new Results(options, RequestGeometry.Kind.POINTS, warnings);
    PointsExtraction extraction = new PointsExtraction(points, crs, options, described);
    // One dataset at a time, each read by many threads; a dataset not read by the deadline is
    // missing for all.
    List<List<List<ExtractResult>>> byDataset =
        parallel(
            datasets,
            1,
            d -> {
              if (d.isMosaic()) {
                // Each point finds its own tile or item; they stay open, and their blocks cached,
                // for the next points.
                return parallel(
                    geometries,
                    limits.concurrency(),
                    g -> new DatasetExtraction(g, crs, options, budget, described).run(d),
                    until,
                    g -> List.of(described.late(d, start, until.getAsLong())));
              }
              return extraction.run(d, limits.concurrency());
            },
            until,
            d -> {
              ExtractResult late = described.late(d, start, until.getAsLong());
              return points.stream().map(p -> List.of(late)).toList();
            });
    List<String> distinct = snapshot(warnings);
    List<ExtractResponse> responses = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      List<ExtractResult> results = new ArrayList<>(datasets.size());
      for (List<List<ExtractResult>> r : byDataset) {
        results.addAll(r.get(i));
      }
      responses.add(
          new ExtractResponse(
              requestId(),
              hash(geometries.get(i)),
              results,
              distinct,
              results.stream().mapToDouble(ExtractResult::elapsedMs).sum()));
    }
    int total = responses.stream().mapToInt(r -> r.results().size()).sum();
    return new BatchExtractResponse(
        responses, responses.size(), total, (System.nanoTime() - start) / 1e6);
  }

  /**
   * The margin kept before a deadline for what follows the reads: building and sending the
   * response.
   */
  private static final long RESPONSE_MARGIN_NANOS = 100_000_000L;

  /**
   * Maps items in parallel, with the request's deadline when it has one: an item not done by then
   * (less the time it takes to send the response), or after half the time the request had left when
   * it started, is answered by {@code late}. The half kept back is what lets a request that waited
   * for its turn behind others stalled on a failing source still answer its healthy datasets.
   */
  private static <T, R> List<R> parallel(
      List<T> items,
      int concurrency,
      Function<T, R> task,
      OptionalLong until,
      Function<T, R> late) {
    if (until.isEmpty()) {
      return Parallel.map(items, concurrency, task);
    }
    long end = until.getAsLong() - RESPONSE_MARGIN_NANOS;
    return Parallel.map(
        items, concurrency, task, end, Math.max(0, end - System.nanoTime()) / 2, late);
  }

  /** Series collapse into a number, so only statistics that give one can be combined over time. */
  private static void checkTemporalAggregation(
      TemporalAggregation how, Aggregation aggregation, List<FieldError> errors) {
    if (how != null && !aggregation.isNumeric()) {
      errors.add(
          new FieldError(
              List.of("temporal_aggregation"),
              "temporal_aggregation "
                  + how
                  + " combines"
                  + " numbers; aggregation "
                  + aggregation
                  + " does not give one. Use a numeric aggregation such as mean,"
                  + " or leave temporal_aggregation out",
              "invalid_combination"));
    }
  }

  /**
   * A fraction outside [0, 1] or a value that is no number would silently skip or poison every
   * cell.
   */
  private static void checkCellRules(
      Double minCoverageFrac, Double defaultValue, List<FieldError> errors) {
    if (minCoverageFrac != null && !(minCoverageFrac >= 0 && minCoverageFrac <= 1)) {
      errors.add(
          new FieldError(
              List.of("min_coverage_frac"),
              "min_coverage_frac must be a fraction in [0, 1]," + " got " + minCoverageFrac,
              "out_of_range"));
    }
    if (defaultValue != null && !Double.isFinite(defaultValue)) {
      errors.add(
          new FieldError(
              List.of("default_value"),
              "default_value must be a finite number, got " + defaultValue,
              "not_finite"));
    }
  }

  private List<CatalogDataset> datasets(List<String> ids, List<FieldError> errors) {
    if (ids.isEmpty()) {
      errors.add(
          new FieldError(List.of("dataset_ids"), "at least one dataset id is required", "missing"));
      return List.of();
    }
    if (ids.size() > limits.maxDatasets()) {
      throw InvalidRequestException.of(
          ErrorType.REQUEST_LIMIT,
          ids.size() + " dataset ids; the limit is " + limits.maxDatasets() + " per request",
          "too_many_datasets",
          "dataset_ids");
    }
    List<CatalogDataset> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      var dataset = id == null ? java.util.Optional.<CatalogDataset>empty() : catalog.dataset(id);
      if (dataset.isEmpty()) {
        errors.add(
            new FieldError(
                List.of("dataset_ids", i),
                "unknown dataset \""
                    + id
                    + "\"; ids are provider:name,"
                    + " as catalog.datasets.list shows them",
                "unknown_dataset"));
      } else {
        out.add(dataset.get());
      }
    }
    return out;
  }

  /**
   * The request's CRS, named by an identifier only (an EPSG code in any standard form, or
   * OGC:CRS84), never by a definition or a file; coordinates are read x/y (longitude first)
   * whatever the authority's axis order.
   */
  private static CoordinateReferenceSystem crs(String name, List<FieldError> errors) {
    try {
      return CrsIdentifier.resolve(name);
    } catch (IllegalArgumentException e) {
      errors.add(
          new FieldError(
              List.of("crs"),
              "unknown CRS \"" + name + "\"; use " + CrsIdentifier.FORMS,
              "unknown_crs"));
      return null;
    }
  }

  private RequestGeometry geometry(
      dev.terrace.api.geojson.Geometry g,
      CoordinateReferenceSystem crs,
      boolean repair,
      List<FieldError> errors,
      Object... path) {
    try {
      return GeometryReader.read(
          g, limits.maxVertices(), crs == null || crs.isGeographic(), repair, path);
    } catch (InvalidRequestException e) {
      if (e.errorType().orElseThrow() == ErrorType.REQUEST_LIMIT) {
        throw e;
      }
      errors.addAll(e.fieldErrors());
      return null;
    }
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(ErrorType.VALIDATION_ERROR, errors);
    }
  }

  /** As {@link #throwIfAny(List)}, each field's path starting with the member that holds it. */
  private static void throwIfAny(List<FieldError> errors, String member) {
    throwIfAny(
        errors.stream()
            .map(
                e -> {
                  List<Object> path = new ArrayList<>(e.loc().size() + 1);
                  path.add(member);
                  path.addAll(e.loc());
                  return new FieldError(path, e.msg(), e.type());
                })
            .toList());
  }

  /**
   * A random id for one response. Ids only need to be unique, not unguessable, so they come from
   * the thread's own generator rather than {@code UUID.randomUUID}, which serialises callers on the
   * system's entropy source.
   */
  private static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "req_"
        + HexFormat.of().toHexDigits(random.nextLong())
        + HexFormat.of().toHexDigits(random.nextLong());
  }

  /**
   * A stable id for the geometry as read, so clients can match answers to inputs and cache them.
   */
  static String hash(RequestGeometry g) {
    MessageDigest sha = SHA_256.get();
    return HexFormat.of().formatHex(sha.digest(wkb(g.geometry())), 0, 16);
  }

  /**
   * The geometry's two-dimensional big-endian WKB, as JTS writes it. A point's 21 bytes are written
   * directly: a batch of points hashes each, and the writer's buffers showed in its profile.
   */
  private static byte[] wkb(Geometry g) {
    if (g instanceof Point p && !p.isEmpty()) {
      return ByteBuffer.allocate(21)
          .put((byte) WKBConstants.wkbXDR)
          .putInt(WKBConstants.wkbPoint)
          .putDouble(p.getX())
          .putDouble(p.getY())
          .array();
    }
    return new WKBWriter(2).write(g);
  }
}
