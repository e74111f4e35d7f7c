package dev.terrace.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the service runs jobs.
 *
 * @param folder where each job's input and committed rows are kept; with the database, what a
 *     restarted service resumes from
 * @param workers how many jobs run at once, on threads below the interactive requests' priority
 * @param chunkRows rows extracted and committed together: the most a killed service redoes per job
 */
public record JobSettings(Path folder, int workers, int chunkRows) {

  /**
   * @throws IllegalArgumentException if {@code workers} or {@code chunkRows} is below 1
   */
  public JobSettings {
    Objects.requireNonNull(folder, "folder");
    if (workers < 1 || chunkRows < 1) {
      throw new IllegalArgumentException("workers and chunkRows must be at least 1");
    }
  }

  /**
   * The defaults: the folder {@code terrace-jobs} in the working directory, one job at a time, 10
   * 000 rows per chunk.
   *
   * @return the defaults
   */
  public static JobSettings defaults() {
    return new JobSettings(Path.of("terrace-jobs"), 1, 10_000);
  }

  /**
   * @param folder the jobs' folder
   * @return these settings with another folder
   */
  public JobSettings withFolder(Path folder) {
    return new JobSettings(folder, workers, chunkRows);
  }
}
