package dev.terrace.engine.internal.rows;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.engine.internal.extract.PartReader;
import dev.terrace.engine.internal.extract.Partial;
import dev.terrace.engine.internal.json.JsonBytes;
import dev.terrace.engine.internal.json.StrictJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * What each part of a polygon read in parts answers, as bytes that wait — in a run file, in a Spark
 * shuffle — until all the polygon's parts are read, and the polygon's answer made of them: its home
 * part's response completed with every part's partial, merged in block order (the order reading the
 * polygon whole merges its blocks in, so that the answer is the same to the bit).
 */
public final class Pieces {

  /** How the home part's piece starts: its response's JSON, after its length, then its partial. */
  private static final byte HOME = 'H';

  /** How another part's piece starts: its partial follows. */
  private static final byte AWAY = 'A';

  private Pieces() {}

  /**
   * @param response the home part's response
   * @param partial what the home part measured
   */
  public static byte[] home(ExtractResponse response, Partial partial) throws IOException {
    byte[] json = JsonBytes.of(response);
    byte[] measured = partial.toBytes();
    return ByteBuffer.allocate(5 + json.length + measured.length)
        .put(HOME)
        .putInt(json.length)
        .put(json)
        .put(measured)
        .array();
  }

  /**
   * @param partial what a part other than the home measured
   */
  public static byte[] away(Partial partial) {
    byte[] measured = partial.toBytes();
    byte[] out = new byte[measured.length + 1];
    out[0] = AWAY;
    System.arraycopy(measured, 0, out, 1, measured.length);
    return out;
  }

  /**
   * @param request the request the parts were read with
   * @param pieces every piece of one polygon, in block order
   * @return the polygon's response
   * @throws IOException if a piece is not one {@link #home} or {@link #away} wrote
   * @throws IllegalStateException if no piece is the home part's
   */
  public static ExtractResponse whole(
      PartReader engine, BatchExtractRequest request, List<byte[]> pieces) throws IOException {
    ExtractResponse home = null;
    Partial merged = null;
    for (byte[] piece : pieces) {
      int from = 1;
      if (piece[0] == HOME) {
        int length = ByteBuffer.wrap(piece, 1, 4).getInt();
        home = StrictJson.MAPPER.readValue(piece, 5, length, ExtractResponse.class);
        from = 5 + length;
      } else if (piece[0] != AWAY) {
        throw new IOException("not a piece of a polygon read in parts");
      }
      Partial p = Partial.fromBytes(Arrays.copyOfRange(piece, from, piece.length));
      merged = merged == null ? p : merged.merge(p);
    }
    if (home == null) {
      throw new IllegalStateException("a polygon read in parts lacks its home part's answer");
    }
    return engine.finish(request, home, merged);
  }
}
