package dev.terrace.testkit.tiff;

import dev.terrace.testkit.tiff.SyntheticGeoTiff.Compression;
import dev.terrace.testkit.tiff.SyntheticGeoTiff.Written;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * One write: tiles first (after space reserved for the IFD), then the header and IFD, so that the
 * file's layout is COG-like while the tiles' offsets are known before the IFD is encoded.
 */
final class TiffWriter {

  /** Distinct tiles remembered for reuse; bounds the writer's memory to this many raw tiles. */
  private static final int RECENT_TILES = 8;

  private final Spec s;
  private final String nodataText;
  private final Deque<StoredTile> recent = new ArrayDeque<>();

  private record StoredTile(byte[] raw, long offset, long count) {}

  TiffWriter(Spec s, String nodataText) {
    this.s = s;
    this.nodataText = nodataText;
    if ((long) s.tilesAcross() * s.tilesDown() > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "too many tiles: " + s.tilesAcross() + " x " + s.tilesDown());
    }
  }

  Written write(Path path) throws IOException {
    int across = s.tilesAcross();
    int n = across * s.tilesDown();
    long[] offsets = new long[n];
    long[] counts = new long[n];
    long reserved = Math.max(ifd(false, offsets, counts).length, ifd(true, offsets, counts).length);
    long pos = Ifd.OFFSET + (reserved + 15) / 16 * 16;
    int distinct = 0;
    try (FileChannel ch =
            FileChannel.open(
                path,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        TileEncoder encoder = new TileEncoder(s)) {
      for (int t = 0; t < n; t++) {
        byte[] raw = encoder.samples(t % across, t / across);
        StoredTile same = find(raw);
        if (same == null) {
          ByteBuffer bytes = encoder.stored(raw);
          same = new StoredTile(raw.clone(), pos, bytes.remaining());
          writeFully(ch, bytes, pos);
          remember(same);
          pos += same.count;
          distinct++;
        }
        offsets[t] = same.offset;
        counts[t] = same.count;
      }
      boolean big = s.forceBigTiff() || pos > TiffEntry.MAX_LONG;
      writeFully(ch, ByteBuffer.wrap(Ifd.header(big)), 0);
      writeFully(ch, ByteBuffer.wrap(ifd(big, offsets, counts)), Ifd.OFFSET);
      return new Written(path, ch.size(), n, distinct, big);
    }
  }

  /**
   * @return a stored tile with the same bytes as {@code raw}, or null
   */
  private StoredTile find(byte[] raw) {
    for (StoredTile stored : recent) {
      if (Arrays.equals(stored.raw, raw)) {
        return stored;
      }
    }
    return null;
  }

  private void remember(StoredTile stored) {
    if (recent.size() == RECENT_TILES) {
      recent.removeLast();
    }
    recent.addFirst(stored);
  }

  private byte[] ifd(boolean big, long[] offsets, long[] counts) {
    List<TiffEntry> e = new ArrayList<>();
    e.add(TiffEntry.longs(256, s.width()));
    e.add(TiffEntry.longs(257, s.height()));
    e.add(TiffEntry.shorts(258, s.type().bytes() * 8));
    e.add(TiffEntry.shorts(259, s.compression().code()));
    e.add(TiffEntry.shorts(262, 1)); // BlackIsZero
    e.add(TiffEntry.shorts(277, 1));
    e.add(TiffEntry.shorts(284, 1));
    if (s.compression() == Compression.DEFLATE) {
      e.add(TiffEntry.shorts(317, 1));
    }
    e.add(TiffEntry.longs(322, s.tileWidth()));
    e.add(TiffEntry.longs(323, s.tileHeight()));
    e.add(big ? TiffEntry.long8s(324, offsets) : TiffEntry.longs(324, offsets));
    e.add(big ? TiffEntry.long8s(325, counts) : TiffEntry.longs(325, counts));
    e.add(TiffEntry.shorts(339, s.type().sampleFormat()));
    GeoTags.add(s, nodataText, e);
    return Ifd.directory(big, e);
  }

  private static void writeFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      pos += ch.write(buf, pos);
    }
  }
}
