package dev.terrace.engine.internal.catalog;

import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.raster.RasterFormatException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tiles of a remote grid of tiles that exist, as its catalog entry's {@code tile_index} lists
 * them: a text file of one tile a line, by its URL as the template writes it or by its file name
 * (blank lines and lines starting with {@code #} skipped), read once, when a search first asks.
 * Without one, whether a remote tile exists is not known short of a request for it.
 */
final class TileIndex {

  /** The largest index read: a list of every tile of a 1° grid is about 65 000 short lines. */
  private static final long MAX_BYTES = 64L << 20;

  private final String name;
  private final Supplier<ByteSource> bytes;
  private volatile Set<String> listed;

  TileIndex(String name, Supplier<ByteSource> bytes) {
    this.name = name;
    this.bytes = bytes;
  }

  /**
   * @param href a tile's URL as the template writes it
   * @return whether the index lists it, by that URL or by its file name
   * @throws dev.terrace.engine.internal.raster.RasterIoException if the index cannot be fetched
   * @throws RasterFormatException if it is too large to be an index
   */
  boolean lists(String href) {
    Set<String> known = listed();
    return known.contains(href) || known.contains(href.substring(href.lastIndexOf('/') + 1));
  }

  private Set<String> listed() {
    Set<String> known = listed;
    if (known == null) {
      synchronized (this) {
        known = listed;
        if (known == null) {
          known = read();
          listed = known;
        }
      }
    }
    return known;
  }

  private Set<String> read() {
    try (ByteSource source = bytes.get()) {
      long length = source.length();
      if (length > MAX_BYTES) {
        throw new RasterFormatException(
            name + ": " + length + " bytes is more than a tile index of " + MAX_BYTES + " holds");
      }
      String text = new String(source.read(0, (int) length), StandardCharsets.UTF_8);
      Set<String> out = new HashSet<>();
      for (String line : text.split("\r?\n")) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          out.add(entry);
        }
      }
      return Set.copyOf(out);
    }
  }
}
