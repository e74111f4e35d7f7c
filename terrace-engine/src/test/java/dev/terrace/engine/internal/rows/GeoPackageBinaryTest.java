package dev.terrace.engine.internal.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * GeoPackage binary blobs built byte by byte: every envelope size, both byte orders of the header,
 * and the blobs it must refuse.
 */
class GeoPackageBinaryTest {

  private static final byte[] POINT_WKB =
      new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN)
          .write(new GeometryFactory().createPoint(new Coordinate(6.13, 49.61)));

  /** A blob: magic, version 0, the flags, the srs_id and envelope in the flags' byte order, WKB. */
  private static byte[] blob(int flags, int srsId, int envelopeDoubles, byte[] wkb) {
    ByteOrder order = (flags & 1) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    ByteBuffer header = ByteBuffer.allocate(8 + 8 * envelopeDoubles).order(order);
    header.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) flags).putInt(srsId);
    for (int i = 0; i < envelopeDoubles; i++) {
      // Values that would be read as a WKB if the envelope were skipped wrong.
      header.putDouble(1000 + i);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.array());
    out.writeBytes(wkb);
    return out.toByteArray();
  }

  private static void assertPoint(GeoPackageBinary.Blob b, int srsId) {
    assertThat(b.empty()).isFalse();
    assertThat(b.srsId()).isEqualTo(srsId);
    assertThat(b.geometry().getCoordinate()).isEqualTo(new Coordinate(6.13, 49.61));
  }

  @Test
  void noEnvelopeLittleEndian() {
    assertPoint(new GeoPackageBinary().read(blob(0b0000_0001, 4326, 0, POINT_WKB)), 4326);
  }

  @Test
  void noEnvelopeBigEndian() {
    assertPoint(new GeoPackageBinary().read(blob(0b0000_0000, 4326, 0, POINT_WKB)), 4326);
  }

  @Test
  void xyEnvelopeOfFourDoublesBothByteOrders() {
    assertPoint(new GeoPackageBinary().read(blob(0b0000_0011, 3857, 4, POINT_WKB)), 3857);
    assertPoint(new GeoPackageBinary().read(blob(0b0000_0010, 3857, 4, POINT_WKB)), 3857);
  }

  @Test
  void xyzAndXymEnvelopesOfSixDoubles() {
    assertPoint(new GeoPackageBinary().read(blob(0b0000_0101, 2169, 6, POINT_WKB)), 2169);
    assertPoint(new GeoPackageBinary().read(blob(0b0000_0110, 2169, 6, POINT_WKB)), 2169);
  }

  @Test
  void xyzmEnvelopeOfEightDoubles() {
    assertPoint(new GeoPackageBinary().read(blob(0b0000_1001, -1, 8, POINT_WKB)), -1);
    assertPoint(new GeoPackageBinary().read(blob(0b0000_1000, -1, 8, POINT_WKB)), -1);
  }

  @Test
  void bigEndianWkbAfterALittleEndianHeader() {
    byte[] wkb =
        new WKBWriter(2, ByteOrderValues.BIG_ENDIAN)
            .write(new GeometryFactory().createPoint(new Coordinate(6.13, 49.61)));
    assertPoint(new GeoPackageBinary().read(blob(0b0000_0011, 4326, 4, wkb)), 4326);
  }

  @Test
  void theEmptyFlagGivesNoGeometry() {
    GeoPackageBinary.Blob b = new GeoPackageBinary().read(blob(0b0001_0001, 4326, 0, POINT_WKB));
    assertThat(b.empty()).isTrue();
    assertThat(b.geometry()).isNull();
    assertThat(b.srsId()).isEqualTo(4326);
  }

  @Test
  void anExtendedBinaryIsRefused() {
    assertThatThrownBy(() -> new GeoPackageBinary().read(blob(0b0010_0001, 4326, 0, POINT_WKB)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the geometry is an ExtendedGeoPackageBinary (an extension's own geometry type),"
                + " which terrace cannot read");
  }

  @Test
  void anEnvelopeIndicatorAboveFourIsRefused() {
    assertThatThrownBy(() -> new GeoPackageBinary().read(blob(0b0000_1011, 4326, 0, POINT_WKB)))
        .hasMessage("the geometry's envelope contents indicator is 5, not 0 to 4");
  }

  @Test
  void aBlobWithoutTheMagicOrVersionZeroIsRefused() {
    assertThatThrownBy(() -> new GeoPackageBinary().read(POINT_WKB))
        .hasMessage(
            "the geometry is not a GeoPackage binary geometry (it does not start with 'GP')");
    byte[] version1 = blob(1, 4326, 0, POINT_WKB);
    version1[2] = 1;
    assertThatThrownBy(() -> new GeoPackageBinary().read(version1))
        .hasMessage("the geometry's GeoPackage binary version is 1, not 0 (version 1)");
  }

  @Test
  void aBlobShorterThanItsEnvelopeOrWithATruncatedWkbIsRefused() {
    byte[] cut = new byte[20];
    System.arraycopy(blob(0b0000_0011, 4326, 4, POINT_WKB), 0, cut, 0, cut.length);
    assertThatThrownBy(() -> new GeoPackageBinary().read(cut))
        .hasMessage("the geometry ends within its header (20 bytes where the header has 40)");
    byte[] truncated = new byte[13];
    System.arraycopy(blob(1, 4326, 0, POINT_WKB), 0, truncated, 0, truncated.length);
    assertThatThrownBy(() -> new GeoPackageBinary().read(truncated))
        .hasMessageStartingWith("the geometry is not valid WKB: ");
  }
}
