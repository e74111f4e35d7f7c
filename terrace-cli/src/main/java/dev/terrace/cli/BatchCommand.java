package dev.terrace.cli;

import dev.terrace.api.Aggregation;
import dev.terrace.api.PermissionDeniedException;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.rows.CsvSource;
import dev.terrace.engine.internal.rows.GeoJsonSource;
import dev.terrace.engine.internal.rows.GeoPackageSource;
import dev.terrace.engine.internal.rows.RowSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terrace batch}: every row of a CSV, GeoJSON or GeoPackage file through {@code
 * extract.batch}, in memory bounded whatever the file's size: in the order of the tiles its
 * geometries fall in, through temporary files, when the engine runs here ({@link TileOrderedRun}),
 * or in chunks of {@code --batch-size} in input order when a service is asked ({@link
 * StreamingRun}); written in input order either way.
 */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Extracts the datasets' values for every row of a CSV (lon,lat or wkt columns), GeoJSON"
          + " FeatureCollection or GeoPackage feature table and writes them as CSV, GeoJSON or NDJSON, by the --out file's extension.",
      "Each row keeps its input columns and gains one per dataset × statistic (lux:elevation_mean) and an error"
          + " column: a row that fails is written with its error, never dropped, and reported with its line.",
      "A progress bar with rate and time left shows on stderr when it is a terminal. --resume continues an"
          + " interrupted run (CSV and NDJSON output) without redoing or repeating rows."
    },
    footer = {
      "%nExamples:",
      "  terrace batch --dataset lux:elevation --in examples/points.csv --out values.csv",
      "  terrace batch --dataset lux:elevation --in examples/points.csv --out values.csv --resume",
      "  terrace batch --dataset lux:elevation --aggregation max --in examples/parcels.geojson --out parcels-max.geojson",
      "  terrace batch --url http://localhost:8000 --dataset lux:elevation --in examples/points.csv --out values.ndjson"
    })
final class BatchCommand implements Callable<Integer> {

  /** The least --memory: below it the sorts would write a run every few hundred rows. */
  private static final long LEAST_MEMORY = 16 << 20;

  /**
   * The engine's tile cache for points in tile order: a few tiles are in use at a time, and 64 MiB
   * keeps the speed of a cache ten times larger (BENCHMARKS.md, TileOrderBench). Polygons keep the
   * engine's default: in 64 MiB the 1000 reference polygons, each reading the blocks around its
   * own, decoded 1.7 times per block, in 256 MiB 1.07.
   */
  private static final long TILE_ORDER_CACHE = 64 << 20;

  @Spec CommandSpec spec;

  @Mixin ServiceOptions service;

  @Mixin ExtractOptions options;

  @Mixin TimeoutOption timeout;

  @Mixin TileCacheOption tileCache;

  @Option(
      names = "--in",
      required = true,
      paramLabel = "FILE",
      description =
          "Input: .csv with a header (lon,lat or wkt columns), .geojson / .json (a FeatureCollection)"
              + " or .gpkg (a GeoPackage's feature table, lon/lat).")
  Path in;

  @Option(
      names = "--layer",
      paramLabel = "NAME",
      description =
          "The GeoPackage feature table to read (default: the only one; a file with several needs it).")
  String layer;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Output: .csv, .geojson or .ndjson (one JSON object per line).")
  Path out;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "10000",
      description =
          "Rows extracted at a time (default: ${DEFAULT-VALUE}), neighbours together; a service gets"
              + " them in requests of at most 1000.")
  int batchSize;

  @Option(
      names = "--memory",
      paramLabel = "SIZE",
      defaultValue = "128m",
      description =
          "Memory for sorting the rows by the tile they fall in, so that each tile is read once"
              + " whatever the input's order (default: ${DEFAULT-VALUE}); beyond it the rows wait in"
              + " temporary files. k, m or g: 256m, 1g.")
  String memory;

  @Option(
      names = "--tmp",
      paramLabel = "DIR",
      description =
          "Folder for the temporary files of the sort (default: the system's); they are deleted"
              + " at the end.")
  Path tmp;

  @Option(
      names = "--resume",
      description =
          "Continue an interrupted run: keep the rows already in --out (CSV or"
              + " NDJSON) and extract only the rest.")
  boolean resume;

  @Option(names = "--overwrite", description = "Replace --out if it exists.")
  boolean overwrite;

  enum Format {
    CSV,
    GEOJSON,
    NDJSON,
    GPKG
  }

  @Override
  public Integer call() throws IOException {
    Format inFormat = format(in, "--in", List.of(Format.CSV, Format.GEOJSON, Format.GPKG));
    Format outFormat = format(out, "--out", List.of(Format.CSV, Format.GEOJSON, Format.NDJSON));
    check(outFormat);
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    try (Service s = service.open(batchSize, timeout.value());
        RowSource source = open(inFormat)) {
      checkDatasets(s);
      ResultColumns results = new ResultColumns(options.datasets, options.aggregation);
      String header = RowSink.CsvSink.headerLine(source.columns(), results);
      Resume.State state =
          resume
              ? Resume.prepare(out, outFormat == Format.CSV, header)
              : new Resume.State(0, false);
      skip(source, state.rows());
      Progress progress = new Progress(err, Terminal.stderr(), Files.size(in), source.bytesRead());
      RowReport report = new RowReport(progress, source.rowName());
      RowSink sink = open(outFormat, source.columns(), results, state);
      tileCache.apply(
          s.api() instanceof Engine && source instanceof CsvSource csv && csv.points()
              ? TILE_ORDER_CACHE
              : -1);
      // A service's tiles are unknown here: it is asked in input order, as it reads them.
      long rows =
          s.api() instanceof Engine
              ? new TileOrderedRun(s, options, batchSize, ByteSize.parse(memory), tmp)
                  .run(source, () -> skip(open(inFormat), state.rows()), sink, progress, report)
              : new StreamingRun(s, options, batchSize).run(source, sink, progress, report);
      progress.finish(rows, source.bytesRead());
      long[] counts = {rows, report.failed()};
      summary(err, state.rows(), counts, (System.nanoTime() - started) / 1e9);
      return counts[1] > 0 ? Main.FAILURE : Main.OK;
    }
  }

  /**
   * Reads past the rows --resume keeps.
   *
   * @return {@code source}, at the first row to extract
   */
  private RowSource skip(RowSource source, long rows) throws IOException {
    for (long skipped = 0; skipped < rows; skipped++) {
      if (source.next() == null) {
        source.close();
        throw new IllegalArgumentException(
            out
                + " has "
                + rows
                + " rows but "
                + in
                + " only "
                + skipped
                + ": it is not the output of this input; start over with --overwrite");
      }
    }
    return source;
  }

  /** An unknown dataset stops the run before --out is touched. */
  private void checkDatasets(Service s) {
    for (String id : options.datasets) {
      try {
        s.api().dataset(id);
      } catch (PermissionDeniedException e) {
        return; // A key may extract without reading the catalog; the first request then checks the
        // ids.
      }
    }
  }

  private void check(Format outFormat) throws IOException {
    if (batchSize < 1 || batchSize > 100_000) {
      throw new IllegalArgumentException(
          "--batch-size must be between 1 and 100000, not " + batchSize);
    }
    long bytes = ByteSize.parse(memory);
    if (bytes < LEAST_MEMORY) {
      throw new IllegalArgumentException(
          "--memory must be a size of at least 16m, like 128m or 1g, not " + memory);
    }
    if (tmp != null && !(Files.isDirectory(tmp) && Files.isWritable(tmp))) {
      throw new IllegalArgumentException("--tmp " + tmp + ": not a folder this run can write in");
    }
    if (!Files.isRegularFile(in)) {
      throw new IllegalArgumentException("--in " + in + ": no such file");
    }
    if (resume && overwrite) {
      throw new IllegalArgumentException(
          "--resume and --overwrite both given: keep the rows in "
              + out
              + " (--resume) or replace them (--overwrite)");
    }
    if (resume && options.aggregation.equals(Aggregation.CELLS)) {
      throw new IllegalArgumentException(
          "--resume cannot continue --aggregation cells: the output has a row per"
              + " cell, not per input row; run again with --overwrite");
    }
    if (resume && outFormat == Format.GEOJSON) {
      throw new IllegalArgumentException(
          "--resume works with CSV and NDJSON output, not GeoJSON: write "
              + out
              + " as .csv or .ndjson, or run again with --overwrite");
    }
    if (!resume && !overwrite && Files.exists(out) && Files.size(out) > 0) {
      throw new IllegalArgumentException(
          out
              + " exists: continue an interrupted run with --resume, or replace it"
              + " with --overwrite");
    }
    if (Files.exists(out) && Files.isSameFile(in, out)) {
      throw new IllegalArgumentException("--in and --out are the same file: write to another");
    }
  }

  private static Format format(Path file, String option, List<Format> allowed) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Format f =
        name.endsWith(".csv")
            ? Format.CSV
            : name.endsWith(".geojson") || name.endsWith(".json")
                ? Format.GEOJSON
                : name.endsWith(".ndjson") || name.endsWith(".jsonl")
                    ? Format.NDJSON
                    : name.endsWith(".gpkg") ? Format.GPKG : null;
    if (f == null || !allowed.contains(f)) {
      throw new IllegalArgumentException(
          option
              + " "
              + file
              + ": name it "
              + (allowed.contains(Format.GPKG)
                  ? ".csv, .geojson or .gpkg"
                  : ".csv, .geojson or .ndjson")
              + " so that its format is known");
    }
    return f;
  }

  private RowSource open(Format f) throws IOException {
    if (layer != null && f != Format.GPKG) {
      throw new IllegalArgumentException(
          "--layer is for GeoPackage input, and --in " + in + " is not");
    }
    return switch (f) {
      case CSV -> new CsvSource(in);
      case GPKG -> new GeoPackageSource(in, layer);
      default -> new GeoJsonSource(in);
    };
  }

  private RowSink open(Format f, List<String> columns, ResultColumns results, Resume.State state)
      throws IOException {
    return switch (f) {
      case CSV -> {
        RowSink.CsvSink csv = new RowSink.CsvSink(out, resume, columns, results);
        if (!state.header()) {
          csv.writeHeader();
        }
        yield csv;
      }
      case NDJSON -> new RowSink.NdjsonSink(out, resume, results);
      case GEOJSON -> new RowSink.GeoJsonSink(out, results);
      case GPKG -> throw new IllegalStateException("format() refuses a .gpkg --out");
    };
  }

  private void summary(PrintWriter err, long kept, long[] counts, double seconds) {
    StringBuilder line =
        new StringBuilder(
            String.format(Locale.ROOT, "Wrote %,d rows to %s in %.1f s", counts[0], out, seconds));
    if (kept > 0) {
      line.append(String.format(Locale.ROOT, " after the %,d already there", kept));
    }
    if (counts[1] > 0) {
      line.append(
          String.format(Locale.ROOT, "; %,d failed: their error column says why", counts[1]));
      if (counts[1] > RowReport.REPORTED) {
        line.append(
            String.format(Locale.ROOT, " (the first %d are listed above)", RowReport.REPORTED));
      }
    }
    err.println(line.append('.'));
    err.flush();
  }
}
