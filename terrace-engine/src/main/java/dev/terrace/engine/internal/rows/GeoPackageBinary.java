package dev.terrace.engine.internal.rows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A geometry column's value, a GeoPackage binary blob (OGC GeoPackage 1.x, clause 2.1.3,
 * "GeoPackageBinaryHeader"): the magic {@code GP}, a version byte (0 for version 1), a flags byte,
 * the {@code srs_id}, an optional envelope, then the geometry as WKB, read with JTS.
 *
 * <p>The flags byte, bit 0 the lowest: bit 0 the byte order of the header's own fields (0 big, 1
 * little endian; the WKB says its own), bits 1–3 the envelope contents indicator (0 none, 1 xy, 2
 * xyz, 3 xym, 4 xyzm: 0, 32, 48, 48 or 64 bytes), bit 4 the empty geometry flag, bit 5 the binary
 * type (0 standard, 1 extended), bits 6–7 reserved.
 */
public final class GeoPackageBinary {

  /**
   * A blob's header and its geometry.
   *
   * @param srsId the header's {@code srs_id}
   * @param empty whether the header flags the geometry as empty
   * @param geometry the geometry, or null when it is empty
   */
  record Blob(int srsId, boolean empty, Geometry geometry) {}

  /** Bytes of the envelope by its contents indicator: none, xy, xyz, xym, xyzm. */
  private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};

  private static final int HEADER_BYTES = 8;

  private final WKBReader wkb = new WKBReader();

  /**
   * @throws IllegalArgumentException naming what is wrong with the blob
   */
  Blob read(byte[] blob) {
    if (blob.length < HEADER_BYTES || blob[0] != 'G' || blob[1] != 'P') {
      throw new IllegalArgumentException(
          "the geometry is not a GeoPackage binary geometry (it does not start with 'GP')");
    }
    if (blob[2] != 0) {
      throw new IllegalArgumentException(
          "the geometry's GeoPackage binary version is "
              + (blob[2] & 0xff)
              + ", not 0 (version 1)");
    }
    int flags = blob[3] & 0xff;
    if ((flags & 0b0010_0000) != 0) {
      throw new IllegalArgumentException(
          "the geometry is an ExtendedGeoPackageBinary (an extension's own geometry type),"
              + " which terrace cannot read");
    }
    int indicator = (flags >> 1) & 0b111;
    if (indicator >= ENVELOPE_BYTES.length) {
      throw new IllegalArgumentException(
          "the geometry's envelope contents indicator is " + indicator + ", not 0 to 4");
    }
    int wkbStart = HEADER_BYTES + ENVELOPE_BYTES[indicator];
    if (blob.length < wkbStart) {
      throw new IllegalArgumentException(
          "the geometry ends within its header ("
              + blob.length
              + " bytes where the header has "
              + wkbStart
              + ")");
    }
    ByteOrder order = (flags & 1) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    int srsId = ByteBuffer.wrap(blob, 4, 4).order(order).getInt();
    boolean empty = (flags & 0b0001_0000) != 0;
    if (empty) {
      return new Blob(srsId, true, null);
    }
    byte[] body = new byte[blob.length - wkbStart];
    System.arraycopy(blob, wkbStart, body, 0, body.length);
    try {
      return new Blob(srsId, false, wkb.read(body));
    } catch (ParseException | RuntimeException e) {
      // JTS reports a truncated WKB as a ParseException, some malformed ones as runtime exceptions.
      throw new IllegalArgumentException("the geometry is not valid WKB: " + e.getMessage(), e);
    }
  }
}
