package dev.terrace.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: {@code local[2]}, no web UI, few shuffle partitions for small inputs. */
final class LocalSpark {

  private LocalSpark() {}

  static SparkSession session(String appName, int shufflePartitions) {
    return SparkSession.builder()
        .master("local[2]")
        .appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
        .getOrCreate();
  }
}
