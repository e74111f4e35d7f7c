package dev.terrace.cli;

import dev.terrace.engine.Terrace;
import picocli.CommandLine.Option;

/**
 * {@code --tile-cache} of serve and batch: the bytes of decoded raster tiles the engine in this
 * process keeps, its largest use of memory. Unset, the engine's default holds (256 MiB, or a
 * quarter of the heap if less) or the command's own choice.
 */
final class TileCacheOption {

  @Option(
      names = "--tile-cache",
      paramLabel = "SIZE",
      converter = Values.ByteSizeValue.class,
      description =
          "Decoded raster tiles kept in memory, e.g. 64m or 1g (default: 256m, at most a quarter"
              + " of the heap; batch of a lon,lat CSV in this process: 64m, as it reads the points"
              + " tile by tile).")
  Long bytes;

  /**
   * Sets the engine's tile cache to the option, or to {@code fallback} when it is not given.
   *
   * @param fallback the bytes to keep when the option is unset, or -1 for the engine's default
   */
  void apply(long fallback) {
    long chosen = bytes != null ? bytes : fallback;
    if (chosen >= 0) {
      Terrace.setTileCacheBytes(chosen);
    }
  }
}
