package dev.terrace.cli;

import java.util.List;

/**
 * The command lines the tests run, each exactly as the README's "Command line" section shows it (a test checks
 * the README holds them verbatim). They read {@code parcel.geojson} and {@code points.csv} from the directory
 * they run in.
 */
final class Examples {

  static final String EXTRACT_POINT =
      "terrace extract --dataset lux:elevation --geometry '{\"type\":\"Point\",\"coordinates\":[6.13,49.61]}'";
  static final String EXTRACT_TABLE =
      "terrace extract --dataset lux:elevation --aggregation max --geometry @parcel.geojson --format table";
  static final String EXTRACT_SERIES = "terrace extract --dataset bcsd:pr --time-range 1999-06/1999-08"
      + " --geometry '{\"type\":\"Point\",\"coordinates\":[-80.986,36.275]}' --format table";
  static final String PROVIDERS = "terrace catalog providers";
  static final String DATASETS = "terrace catalog datasets --provider lux --format json";
  static final String DATASET = "terrace catalog dataset lux:elevation";
  static final String BATCH = "terrace batch --dataset lux:elevation --in points.csv --out values.csv";
  static final String RESUME = "terrace batch --dataset lux:elevation --in points.csv --out values.csv --resume";
  static final String BATCH_GEOJSON =
      "terrace batch --dataset lux:elevation --aggregation max --in parcels.geojson --out parcels.ndjson";

  static final List<String> ALL = List.of(EXTRACT_POINT, EXTRACT_TABLE, EXTRACT_SERIES, PROVIDERS, DATASETS, DATASET, BATCH, RESUME,
      BATCH_GEOJSON);

  /** How the README shows a remote run: the same command line with this option. */
  static final String REMOTE = " --url http://localhost:8000";

  /** A parcel in Luxembourg, as the extract example reads it. */
  static final String PARCEL = "{\"type\":\"Feature\",\"properties\":{\"name\":\"parcel\"},\"geometry\":"
      + "{\"type\":\"Polygon\",\"coordinates\":[[[6.0,49.6],[6.2,49.6],[6.2,49.8],[6.0,49.6]]]}}";

  private Examples() {
  }
}
