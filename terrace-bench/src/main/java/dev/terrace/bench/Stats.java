package dev.terrace.bench;

import java.util.Arrays;

/**
 * The summaries the benchmark prints: medians, because a shared machine's outliers are noise;
 * percentiles where the outliers are what is measured.
 */
final class Stats {

  private Stats() {}

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /**
   * @return the nearest-rank {@code p}th percentile: the smallest value that {@code p} % of them do
   *     not exceed
   */
  static double percentile(double[] values, double p) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s[Math.max(0, (int) Math.ceil(p / 100 * s.length) - 1)];
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  /**
   * Parses a JSON array of numbers named {@code key} from the flat JSON our Python scripts print.
   */
  static double[] jsonArray(String json, String key) {
    int start = json.indexOf('[', json.indexOf("\"" + key + "\""));
    int end = json.indexOf(']', start);
    String body = json.substring(start + 1, end).trim();
    return body.isEmpty()
        ? new double[0]
        : Arrays.stream(body.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
  }

  /** Parses a JSON string value named {@code key}. */
  static String jsonString(String json, String key) {
    int k = json.indexOf("\"" + key + "\"");
    int start = json.indexOf('"', json.indexOf(':', k) + 1);
    return json.substring(start + 1, json.indexOf('"', start + 1));
  }
}
