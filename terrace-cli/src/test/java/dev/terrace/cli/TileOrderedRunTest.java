package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.Aggregation;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.geotiff.CacheStats;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.engine.internal.rows.CsvSource;
import dev.terrace.testkit.tiff.SyntheticGeoTiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code terrace batch} over the engine reads points in tile order through temporary files ({@link
 * TileOrderedRun}) and writes exactly what the chunked run in input order ({@link StreamingRun})
 * writes, with each tile read about once, in memory bounded by {@code --memory}.
 *
 * <p>The raster: 1280 × 1280 cells of 0.001° from (5, 50), in 10 × 10 tiles of 128; the cell at
 * column c, row r holds c + 1280 r, or nodata (−9999) where c + r is a multiple of 101. The input:
 * 20 000 cell centres in random order, with points outside the raster, on nodata and a malformed
 * row among them.
 */
class TileOrderedRunTest {

  private static final int SIZE = 1280;
  private static final int TILES = 100;
  private static final int POINTS = 20_000;
  private static final int BATCH = 5000;

  @TempDir static Path dir;
  private static Path catalog;
  private static Path input;

  @BeforeAll
  static void write() throws IOException {
    Path tif = dir.resolve("grid.tif");
    SyntheticGeoTiff.builder(SIZE, SIZE)
        .tileSize(128)
        .compression(SyntheticGeoTiff.Compression.DEFLATE)
        .geographic()
        .origin(5, 50)
        .cellSize(0.001)
        .nodata(-9999)
        .values((c, r) -> (c + r) % 101 == 0 ? -9999 : c + SIZE * r)
        .write(tif);
    catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        "{\"providers\":[{\"slug\":\"syn\",\"protocol\":\"cog\",\"datasets\":[{\"name\":\"grid\","
            + "\"path\":\""
            + tif.toString().replace("\\", "\\\\")
            + "\",\"data_type\":\"continuous\"}]}]}");
    Random random = new Random(19);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < POINTS; i++) {
      rows.add(centre(random.nextInt(SIZE), random.nextInt(SIZE)));
    }
    rows.add("7.5,49.5"); // east of the raster
    rows.add("5.1,51"); // north of it
    rows.add(centre(0, 101)); // nodata
    rows.add("abc,49.5"); // malformed
    rows.add(centre(3, 2)); // 2563
    Collections.shuffle(rows, random);
    StringBuilder csv = new StringBuilder("id,lon,lat\n");
    for (int i = 0; i < rows.size(); i++) {
      csv.append(i).append(',').append(rows.get(i)).append('\n');
    }
    input = dir.resolve("points.csv");
    Files.writeString(input, csv);
  }

  private static String centre(int col, int row) {
    return (5 + (col + 0.5) * 0.001) + "," + (50 - (row + 0.5) * 0.001);
  }

  @Test
  void csvIsByteForByteTheStreamingRunsWithEachTileReadOnce() throws IOException {
    Path expected = streamed("csv");
    Path tmp = Files.createDirectories(dir.resolve("tmp-csv"));
    CacheStats before = TileCache.shared().stats();
    Path out = batch("values.csv", "--tmp", tmp.toString());
    CacheStats after = TileCache.shared().stats();

    assertThat(Files.readString(out)).isEqualTo(Files.readString(expected));
    assertThat(after.requests() - before.requests())
        .as("blocks read: each tile once, plus one where a batch of %d ends", BATCH)
        .isLessThanOrEqualTo(TILES + POINTS / BATCH)
        .isLessThanOrEqualTo((long) (1.1 * TILES));
    assertThat(after.decodes() - before.decodes()).isLessThanOrEqualTo((long) (1.1 * TILES));
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).as("temporary files deleted").isEmpty();
    }
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(POINTS + 6);
    assertThat(lines.get(0)).isEqualTo("id,lon,lat,syn:grid_mean,error");
    assertThat(lines).contains(row(lines, "7.5,49.5") + ",,");
    assertThat(lines).contains(row(lines, "5.1,51") + ",,");
    assertThat(lines).contains(row(lines, centre(0, 101)) + ",,");
    assertThat(lines).contains(row(lines, centre(3, 2)) + ",2563.0,");
    assertThat(lines)
        .anyMatch(l -> l.matches("\\d+,abc,49.5,,line \\d+: lon 'abc' is not a number"));
  }

  /** The streaming run's first batch of 5000 points, in random order, reads nearly every tile. */
  @Test
  void theStreamingRunReadsEveryTileOncePerChunk() throws IOException {
    CacheStats before = TileCache.shared().stats();
    streamed("csv");
    assertThat(TileCache.shared().stats().requests() - before.requests()).isGreaterThan(3L * TILES);
  }

  @Test
  void ndjsonIsByteForByteTheStreamingRuns() throws IOException {
    Path expected = streamed("ndjson");
    Path out = batch("values.ndjson");
    assertThat(Files.readString(out)).isEqualTo(Files.readString(expected));
    assertThat(Files.readAllLines(out))
        .anyMatch(l -> l.contains("\"lon\":\"abc\"") && l.contains("is not a number"));
  }

  /** Sorts of 32 KiB each: many runs, none above it, and the same output. */
  @Test
  void runsAreBoundedByTheMemoryGiven() throws IOException {
    Path out = dir.resolve("small.csv");
    TileOrderedRun run;
    ServiceOptions options = serviceOptions();
    try (Service s = options.open(BATCH, null);
        CsvSource source = new CsvSource(input)) {
      run = new TileOrderedRun(s, extractOptions(), BATCH, 64 << 10, dir);
      ResultColumns results = new ResultColumns(List.of("syn:grid"), Aggregation.MEAN);
      RowSink.CsvSink sink = new RowSink.CsvSink(out, false, source.columns(), results);
      sink.writeHeader();
      Progress progress = silent();
      long rows =
          run.run(
              source, () -> new CsvSource(input), sink, progress, new RowReport(progress, "line"));
      assertThat(rows).isEqualTo(POINTS + 5);
    }
    assertThat(Files.readString(out)).isEqualTo(Files.readString(streamed("csv")));
    assertThat(run.geometryRuns()).hasSizeGreaterThan(10).allMatch(b -> b <= 32 << 10);
    assertThat(run.answerRuns()).hasSizeGreaterThan(10).allMatch(b -> b <= 32 << 10);
  }

  @Test
  void temporaryFilesAreDeletedWhenTheRunFails() throws IOException {
    Path tmp = Files.createDirectories(dir.resolve("tmp-failed"));
    try (Service s = serviceOptions().open(BATCH, null);
        CsvSource source = new CsvSource(input)) {
      TileOrderedRun run = new TileOrderedRun(s, extractOptions(), BATCH, 64 << 10, tmp);
      ResultColumns results = new ResultColumns(List.of("syn:grid"), Aggregation.MEAN);
      RowSink sink =
          new RowSink.CsvSink(dir.resolve("failed.csv"), false, source.columns(), results);
      Progress progress = silent();
      assertThatThrownBy(
              () ->
                  run.run(
                      source,
                      () -> {
                        throw new IOException("gone");
                      },
                      sink,
                      progress,
                      new RowReport(progress, "line")))
          .hasMessage("gone");
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  /** A run cut off midway, a partial row last, resumed: the rest once each, in input order. */
  @Test
  void resumeSkipsTheRowsWrittenInBothReadings() throws IOException {
    String expected = Files.readString(streamed("csv"));
    Path out = dir.resolve("resumed.csv");
    int cut = expected.indexOf('\n', expected.length() / 3) + 10;
    Files.writeString(out, expected.substring(0, cut));
    Cli.Result r = run("--out", out.toString(), "--resume");
    boolean malformedLeft = expected.indexOf(",abc,") > cut;
    assertThat(r.exitCode()).as(r.err()).isEqualTo(malformedLeft ? Main.FAILURE : Main.OK);
    assertThat(r.err()).contains("already there");
    assertThat(Files.readString(out)).isEqualTo(expected);
  }

  /**
   * Polygons are extracted in input order beside the points sorted by tile; a polygon over the
   * cells of columns 10–11 and rows 20–21 has their mean, 10.5 + 1280 × 20.5.
   */
  @Test
  void polygonsAmongThePointsGetTheSameAnswersAsInTheStreamingRun() throws IOException {
    Random random = new Random(7);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      double lon = 5 + random.nextInt(SIZE) * 0.001 + 0.0005;
      double lat = 50 - random.nextInt(SIZE) * 0.001 - 0.0005;
      rows.add(
          i % 3 == 0
              ? "\"POLYGON ((%s %s, %s %s, %s %s, %s %s))\""
                  .formatted(lon, lat, lon + 0.003, lat, lon + 0.003, lat - 0.002, lon, lat)
              : "POINT (" + lon + " " + lat + ")");
    }
    rows.add(
        "\"POLYGON ((5.0102 49.9798, 5.0118 49.9798, 5.0118 49.9782, 5.0102 49.9782, 5.0102 49.9798))\"");
    Collections.shuffle(rows, random);
    StringBuilder csv = new StringBuilder("id,wkt\n");
    for (int i = 0; i < rows.size(); i++) {
      csv.append(i).append(',').append(rows.get(i)).append('\n');
    }
    Path in = Files.writeString(dir.resolve("mixed.csv"), csv);
    Path out = dir.resolve("mixed-values.csv");
    Cli.Result r = runOn(in, "--out", out.toString(), "--overwrite");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(Main.OK);
    assertThat(Files.readString(out)).isEqualTo(Files.readString(streamed(in, "csv")));
    String square =
        Files.readAllLines(out).stream()
            .filter(l -> l.contains("5.0102 49.9798"))
            .findFirst()
            .orElseThrow();
    String[] cells = square.split(",", -1);
    assertThat(Double.parseDouble(cells[cells.length - 2])).isCloseTo(26250.5, within(1e-6));
  }

  /**
   * Polygons in random order, each over up to four tiles, with a tile cache too small for the
   * raster: the streaming run decodes most tiles once per batch, the tile-ordered one each tile
   * about once, and both write the same rows.
   */
  @Test
  void polygonsInAnyOrderReadEachTileAboutOnce() throws IOException {
    Random random = new Random(11);
    StringBuilder csv = new StringBuilder("id,wkt\n");
    for (int i = 0; i < 12_000; i++) {
      double lon = 5 + random.nextInt(SIZE - 60) * 0.001;
      double lat = 50 - random.nextInt(SIZE - 40) * 0.001;
      csv.append(i)
          .append(
              ",\"POLYGON ((%s %s, %s %s, %s %s, %s %s))\"\n"
                  .formatted(lon, lat, lon + 0.0503, lat, lon + 0.0503, lat - 0.0302, lon, lat));
    }
    Path in = Files.writeString(dir.resolve("polygons.csv"), csv);
    Path out = dir.resolve("polygon-values.csv");
    CacheStats before = TileCache.shared().stats();
    Cli.Result r = runOn(in, "--out", out.toString(), "--overwrite", "--tile-cache", "4m");
    long tileOrdered = TileCache.shared().stats().decodes() - before.decodes();
    assertThat(r.exitCode()).as(r.err()).isEqualTo(Main.OK);

    long cache = Terrace.tileCacheBytes();
    Terrace.setTileCacheBytes(4 << 20);
    CacheStats streaming = TileCache.shared().stats();
    Path expected;
    try {
      expected = streamed(in, "csv");
    } finally {
      Terrace.setTileCacheBytes(cache);
    }
    long inInputOrder = TileCache.shared().stats().decodes() - streaming.decodes();

    assertThat(Files.readString(out)).isEqualTo(Files.readString(expected));
    assertThat(tileOrdered)
        .as("decodes in tile order; %d in input order", inInputOrder)
        .isLessThanOrEqualTo((long) (1.1 * TILES));
    assertThat(inInputOrder).isGreaterThan(3L * TILES / 2);
  }

  @Test
  void memoryBelowTheLeastIsRefusedNamingTheOption() {
    Cli.Result r = run("--out", dir.resolve("never.csv").toString(), "--memory", "1m");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err())
        .contains("--memory must be a size of at least 16m, like 128m or 1g, not 1m");
    Cli.Result bad = run("--out", dir.resolve("never.csv").toString(), "--memory", "lots");
    assertThat(bad.err()).contains("not lots");
  }

  @Test
  void aTmpThatIsNotAFolderIsRefusedBeforeTheOutputIsTouched() {
    Path out = dir.resolve("untouched.csv");
    Cli.Result r = run("--out", out.toString(), "--tmp", dir.resolve("nowhere").toString());
    assertThat(r.exitCode()).isEqualTo(Main.USAGE);
    assertThat(r.err())
        .contains("--tmp " + dir.resolve("nowhere") + ": not a folder this run can write in");
    assertThat(out).doesNotExist();
  }

  /** The input line of the row with these coordinates, its id first. */
  private static String row(List<String> lines, String lonLat) {
    return lines.stream()
        .filter(l -> l.contains("," + lonLat + ","))
        .findFirst()
        .map(l -> l.substring(0, l.indexOf(',')) + "," + lonLat)
        .orElseThrow();
  }

  private static Path batch(String name, String... more) {
    Path out = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("--out", out.toString(), "--overwrite"));
    args.addAll(List.of(more));
    Cli.Result r = run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(Main.FAILURE); // the malformed row
    assertThat(r.err()).contains("Wrote " + String.format("%,d", POINTS + 5) + " rows");
    return out;
  }

  private static Cli.Result run(String... more) {
    return runOn(input, more);
  }

  private static Cli.Result runOn(Path in, String... more) {
    List<String> args = common(in);
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** The arguments of every run here. */
  private static List<String> common(Path in) {
    return new ArrayList<>(
        List.of(
            "batch",
            "--catalog",
            catalog.toString(),
            "--dataset",
            "syn:grid",
            "--in",
            in.toString(),
            "--batch-size",
            Integer.toString(BATCH)));
  }

  /** What the run in input order, chunk by chunk, writes. */
  private static Path streamed(String extension) throws IOException {
    return streamed(input, extension);
  }

  private static Path streamed(Path in, String extension) throws IOException {
    Path out = dir.resolve("streamed." + extension);
    try (Service s = serviceOptions().open(BATCH, null);
        CsvSource source = new CsvSource(in)) {
      ResultColumns results = new ResultColumns(List.of("syn:grid"), Aggregation.MEAN);
      RowSink sink;
      if (extension.equals("csv")) {
        RowSink.CsvSink csv = new RowSink.CsvSink(out, false, source.columns(), results);
        csv.writeHeader();
        sink = csv;
      } else {
        sink = new RowSink.NdjsonSink(out, false, results);
      }
      Progress progress = silent();
      new StreamingRun(s, extractOptions(), BATCH)
          .run(source, sink, progress, new RowReport(progress, "line"));
    }
    return out;
  }

  private static ServiceOptions serviceOptions() {
    return parsed().service;
  }

  private static ExtractOptions extractOptions() {
    return parsed().options;
  }

  /** The command as the arguments every run here gives set it up, its defaults included. */
  private static BatchCommand parsed() {
    CommandLine cli = Main.commandLine(Map.of());
    List<String> args = common(input);
    args.addAll(List.of("--out", "unused.csv"));
    cli.parseArgs(args.toArray(String[]::new));
    return cli.getSubcommands().get("batch").getCommand();
  }

  private static Progress silent() {
    return new Progress(new PrintWriter(Writer.nullWriter()), false, 1, 0);
  }
}
