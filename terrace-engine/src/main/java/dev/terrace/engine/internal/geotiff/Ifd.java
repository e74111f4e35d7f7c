package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.raster.RasterFormatException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One image file directory: its position in the file's chain and the entries the reader knows.
 * Accessors throw {@link RasterFormatException} naming the file, the IFD and the tag.
 */
final class Ifd {

  private final String file;
  private final int index;
  private final Map<Integer, Supplier<TiffEntry>> entries;
  private final Map<Integer, TiffEntry> resolved = new ConcurrentHashMap<>();

  /**
   * @param entries each known tag's value, some decoded only when first asked for (see {@code
   *     TiffParser})
   */
  Ifd(String file, int index, Map<Integer, Supplier<TiffEntry>> entries) {
    this.file = file;
    this.index = index;
    this.entries = Map.copyOf(entries);
  }

  int index() {
    return index;
  }

  boolean has(int tag) {
    return entries.containsKey(tag);
  }

  TiffEntry entry(int tag) {
    Supplier<TiffEntry> e = entries.get(tag);
    return e == null ? null : resolved.computeIfAbsent(tag, t -> e.get());
  }

  /**
   * @return the first value of an integer tag, or {@code fallback} when absent
   */
  long longValue(int tag, long fallback) {
    TiffEntry e = entry(tag);
    if (e == null) {
      return fallback;
    }
    return integers(tag, e)[0];
  }

  long requireLong(int tag) {
    if (!has(tag)) {
      throw error(tag, "is required but missing");
    }
    return longValue(tag, 0);
  }

  /**
   * @return all values of an integer tag, or null when absent
   */
  long[] longs(int tag) {
    TiffEntry e = entry(tag);
    return e == null ? null : integers(tag, e);
  }

  /**
   * @return all values of a numeric tag as doubles, or null when absent
   */
  double[] doubles(int tag) {
    TiffEntry e = entry(tag);
    if (e == null) {
      return null;
    }
    double[] d = e.asDoubles();
    if (d == null) {
      throw error(tag, "holds text where numbers are expected");
    }
    return d;
  }

  /**
   * @return an ASCII tag's text without its trailing NULs, or null when absent
   */
  String ascii(int tag) {
    TiffEntry e = entry(tag);
    if (e == null) {
      return null;
    }
    if (e.ascii() == null) {
      throw error(tag, "holds numbers where text is expected");
    }
    return e.ascii();
  }

  private long[] integers(int tag, TiffEntry e) {
    if (e.longs() == null || e.longs().length == 0) {
      throw error(tag, "has no integer value");
    }
    return e.longs();
  }

  /**
   * @return an exception whose message starts with the file, IFD and tag
   */
  RasterFormatException error(int tag, String problem) {
    return new RasterFormatException(where() + ": " + TiffTag.describe(tag) + " " + problem);
  }

  /**
   * @return {@code "file, IFD n"}, the prefix of every message about this directory
   */
  String where() {
    return file + ", IFD " + index;
  }
}
