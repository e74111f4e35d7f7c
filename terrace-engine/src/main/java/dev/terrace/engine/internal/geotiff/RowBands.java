package dev.terrace.engine.internal.geotiff;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A single strip too large to decode as one block (over {@link ImageLayout#MAX_BLOCK_BYTES}), read
 * as bands of rows that each decode on their own: uncompressed, a band is its own byte range;
 * DEFLATE, a band is inflated from the start of the strip as a stream, keeping only its own rows.
 * GDAL reads such strips too; a file of one strip per plane is what writers that know nothing of
 * tiles produce.
 *
 * @param rows rows per band (the last band of a plane may be shorter)
 * @param offsets each band's first byte: its own for uncompressed data, the strip's when {@code
 *     streamed}
 * @param counts each band's byte count: its own, or the whole strip's when {@code streamed}
 * @param streamed whether each band is inflated from its strip's start
 */
record RowBands(int rows, long[] offsets, long[] counts, boolean streamed) {

  /**
   * Bands this size decode in a few milliseconds and sit in the tile cache like ordinary blocks.
   */
  static final long BAND_BYTES = 8L << 20;

  /**
   * @param compression the image's compression
   * @return whether a strip of this compression can be read in bands
   */
  static boolean supports(Compression compression) {
    return compression == Compression.NONE
        || compression == Compression.DEFLATE
        || compression == Compression.DEFLATE_OLD;
  }

  /**
   * @param stripOffsets one strip per plane: where each starts
   * @param stripCounts and how many bytes it has
   * @param height rows in each strip
   * @param rowBytes bytes of one decoded row
   * @param compression {@link #supports supported} compression
   */
  static RowBands of(
      long[] stripOffsets, long[] stripCounts, int height, long rowBytes, Compression compression) {
    int rows = (int) Math.max(1, Math.min(height, BAND_BYTES / rowBytes));
    int perPlane = (height + rows - 1) / rows;
    boolean streamed = compression != Compression.NONE;
    long[] offsets = new long[perPlane * stripOffsets.length];
    long[] counts = new long[offsets.length];
    for (int plane = 0; plane < stripOffsets.length; plane++) {
      for (int band = 0; band < perPlane; band++) {
        int i = plane * perPlane + band;
        if (streamed) {
          offsets[i] = stripOffsets[plane];
          counts[i] = stripCounts[plane];
        } else {
          long start = band * rows * rowBytes;
          offsets[i] = stripOffsets[plane] + start;
          // A strip cut short keeps its missing bands past the end of the file, where they read as
          // lost.
          counts[i] = Math.min(height - band * rows, rows) * rowBytes;
        }
      }
    }
    return new RowBands(rows, offsets, counts, streamed);
  }

  /**
   * Inflates one band of a DEFLATE strip: the stream is inflated from its start and the bytes
   * before the band are dropped as they come, so memory holds one band, never the strip.
   *
   * @param strip the strip's compressed bytes (zlib)
   * @param skip decoded bytes before the band
   * @param out where the band's bytes go
   * @param length the band's decoded length
   * @throws DecodeException if the stream is corrupt or ends before the band does
   */
  static void inflateBand(byte[] strip, long skip, byte[] out, int length) throws DecodeException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(strip);
      byte[] discard = new byte[(int) Math.min(skip, 1 << 20)];
      long skipped = 0;
      while (skipped < skip) {
        int n = inflater.inflate(discard, 0, (int) Math.min(discard.length, skip - skipped));
        if (n == 0 && (inflater.finished() || inflater.needsInput())) {
          throw new DecodeException(
              "the strip ends after " + skipped + " bytes, before the band at " + skip);
        }
        skipped += n;
      }
      int done = 0;
      while (done < length) {
        int n = inflater.inflate(out, done, length - done);
        if (n == 0 && (inflater.finished() || inflater.needsInput())) {
          throw new DecodeException(
              "the strip ends " + (length - done) + " bytes into the band at " + skip);
        }
        done += n;
      }
    } catch (DataFormatException e) {
      throw new DecodeException("corrupt zlib stream: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
