package dev.terrace.engine.internal.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class AntimeridianTest {

  private static Polygon polygon(String wkt) throws Exception {
    return (Polygon) new WKTReader().read(wkt);
  }

  @Test
  void aPolygonWithinTheWorldIsReturnedAsItIs() throws Exception {
    Polygon p = polygon("POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))");
    assertThat(Antimeridian.split(p)).isSameAs(p);
  }

  @Test
  void longitudesPast180AreCutAtTheLineAndWrapped() throws Exception {
    Geometry g =
        Antimeridian.split(polygon("POLYGON ((170 -10, 190 -10, 190 10, 170 10, 170 -10))"));
    assertThat(g.getNumGeometries()).isEqualTo(2);
    assertThat(g.getArea()).isCloseTo(20 * 20, within(1e-9));
    assertThat(g.getEnvelopeInternal().getMinX()).isEqualTo(-180);
    assertThat(g.getEnvelopeInternal().getMaxX()).isEqualTo(180);
    assertThat(g.getGeometryN(1).getEnvelopeInternal().getMaxX()).isCloseTo(-170, within(1e-12));
  }

  @Test
  void anEdgeJumpingAcrossTheLineIsReadAsTheShortWayRound() throws Exception {
    Geometry g = Antimeridian.split(polygon("POLYGON ((175 -5, -175 -5, -175 5, 175 5, 175 -5))"));
    assertThat(g.getNumGeometries()).isEqualTo(2);
    assertThat(g.getArea()).as("10 degrees wide, not 350").isCloseTo(10 * 10, within(1e-9));
  }
}
