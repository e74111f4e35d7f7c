package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.engine.internal.geometry.RequestGeometry;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;

/**
 * A response's geometry hash is the first 16 bytes of the SHA-256 of the geometry's WKB as JTS
 * writes it, whether the engine writes a point's bytes itself or not.
 */
class GeometryHashTest {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private static String jts(Geometry g) throws Exception {
    byte[] wkb = new WKBWriter(2).write(g);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wkb), 0, 16);
  }

  private static String engine(Geometry g) {
    return Extractor.hash(new RequestGeometry(g, RequestGeometry.Kind.POINTS, 1));
  }

  @Test
  void aPointHashesAsItsJtsWkb() throws Exception {
    for (Coordinate c :
        new Coordinate[] {
          new Coordinate(6.0262083180620785, 49.60306260768918),
          new Coordinate(-0.0, 0.0),
          new Coordinate(-179.99999999, -89.5),
          new Coordinate(288780.25, 9120770.75, 12.5)
        }) {
      Geometry p = FACTORY.createPoint(c);
      assertThat(engine(p)).as("%s", c).isEqualTo(jts(p));
    }
    // Big-endian WKB of POINT (6 49.5): 00 00000001 4018000000000000 4048c00000000000.
    assertThat(engine(FACTORY.createPoint(new Coordinate(6, 49.5))))
        .isEqualTo("e51c16700ee12b87219b7c727037c85c");
  }

  @Test
  void otherGeometriesAndTheEmptyPointHashAsTheirJtsWkb() throws Exception {
    Geometry line =
        FACTORY.createLineString(new Coordinate[] {new Coordinate(1, 2), new Coordinate(3, 4)});
    assertThat(engine(line)).isEqualTo(jts(line));
    Geometry empty = FACTORY.createPoint();
    assertThat(engine(empty)).isEqualTo(jts(empty));
  }
}
