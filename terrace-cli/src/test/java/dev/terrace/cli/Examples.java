package dev.terrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command lines the tests run, each exactly as the README's "Command line" section shows it (a
 * test checks the README holds them verbatim, and that it shows no other). Run from the
 * repository's root, they read the example inputs in {@code examples/}.
 */
final class Examples {

  /** Where the example inputs are, relative to the directory a command line runs in. */
  static final String INPUTS = "examples";

  static final String EXTRACT_POINT =
      "terrace extract --dataset lux:elevation --geometry '{\"type\":\"Point\",\"coordinates\":[6.13,49.61]}'";
  static final String EXTRACT_TABLE =
      "terrace extract --dataset lux:elevation --aggregation max --geometry @examples/parcel.geojson --format table";
  static final String EXTRACT_CATALOG =
      "terrace extract --catalog examples/catalog.yaml --dataset my_dem:elevation --geometry @examples/parcel.geojson";
  static final String EXTRACT_SERIES =
      "terrace extract --dataset bcsd:pr --time-range 1999-06/1999-08"
          + " --geometry '{\"type\":\"Point\",\"coordinates\":[-80.986,36.275]}' --format table";
  static final String PROVIDERS = "terrace catalog providers";
  static final String DATASETS = "terrace catalog datasets --provider lux --format json";
  static final String DATASET = "terrace catalog dataset lux:elevation";
  static final String SEARCH =
      "terrace catalog search --collection bcsd:pr --datetime 1999-03-01T00:00:00Z/1999-05-31T23:59:59Z";
  static final String BATCH =
      "terrace batch --dataset lux:elevation --in examples/points.csv --out values.csv";
  static final String RESUME =
      "terrace batch --dataset lux:elevation --in examples/points.csv --out values.csv --resume";
  static final String BATCH_GEOJSON =
      "terrace batch --dataset lux:elevation --aggregation max"
          + " --in examples/parcels.geojson --out parcels.ndjson";
  static final String BATCH_LAND_COVER =
      "terrace batch --dataset pr_landcover:land_cover --aggregation majority"
          + " --in examples/parcels.geojson --out landcover.csv";

  static final List<String> ALL =
      List.of(
          EXTRACT_POINT,
          EXTRACT_TABLE,
          EXTRACT_CATALOG,
          EXTRACT_SERIES,
          PROVIDERS,
          DATASETS,
          DATASET,
          SEARCH,
          BATCH,
          RESUME,
          BATCH_GEOJSON,
          BATCH_LAND_COVER);

  /**
   * The id the README's jobs command lines show; the tests put the id of the job they submitted in
   * its place.
   */
  static final String JOB_ID = "job_01jf3q8m2d7zk4w9r6t0b5n1xh";

  static final String JOBS_SUBMIT =
      "terrace jobs submit --url http://localhost:8000 --dataset lux:elevation"
          + " --in examples/points.csv --wait --out job-values.csv";
  static final String JOBS_LIST = "terrace jobs list --url http://localhost:8000";
  static final String JOBS_STATUS = "terrace jobs status --url http://localhost:8000 " + JOB_ID;
  static final String JOBS_RESULTS =
      "terrace jobs results --url http://localhost:8000 " + JOB_ID + " --out job-values.geojson";

  /**
   * The README's "Jobs from the command line": jobs need a service, so each has {@link #REMOTE};
   * {@code JobsCommandTest} runs them against its own, in this order.
   */
  static final List<String> JOBS = List.of(JOBS_SUBMIT, JOBS_LIST, JOBS_STATUS, JOBS_RESULTS);

  /** How the README shows a remote run: the same command line with this option. */
  static final String REMOTE = " --url http://localhost:8000";

  private Examples() {}

  /** The repository's {@code examples/}, the inputs the README's command lines read. */
  static Path shipped() {
    return Launcher.ROOT.resolve(INPUTS);
  }

  /**
   * Copies the shipped inputs into {@code dir}'s own {@code examples/}, so that the command lines
   * run there as they would at the repository's root, their output written beside them.
   */
  static void copyInto(Path dir) throws IOException {
    Path to = Files.createDirectories(dir.resolve(INPUTS));
    try (Stream<Path> files = Files.list(shipped())) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName().toString()));
      }
    }
  }
}
