package dev.terrace.engine.internal.stac;

import dev.terrace.api.ErrorType;
import dev.terrace.api.InvalidRequestException;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A search's {@code bbox}: west, south, east, north (or six numbers with the heights after each
 * corner's latitude), a west greater than east crossing the antimeridian.
 */
final class SearchBox {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private SearchBox() {}

  /**
   * @return the box, as two boxes when it crosses the antimeridian
   * @throws InvalidRequestException naming {@code bbox} for other than 4 or 6 finite numbers,
   *     latitudes beyond ±90 or south above north
   */
  static Geometry of(List<Double> bbox) {
    if (bbox.size() != 4 && bbox.size() != 6) {
      throw invalid("must have 4 numbers (west, south, east, north) or 6, got " + bbox.size());
    }
    for (int i = 0; i < bbox.size(); i++) {
      if (bbox.get(i) == null || !Double.isFinite(bbox.get(i))) {
        throw invalid("[" + i + "] must be a finite number, got " + bbox.get(i));
      }
    }
    int half = bbox.size() / 2;
    double west = bbox.get(0);
    double south = bbox.get(1);
    double east = bbox.get(half);
    double north = bbox.get(half + 1);
    if (south < -90 || north > 90 || south > north) {
      throw invalid(
          "latitudes must lie in [-90, 90] with south <= north, got " + south + " and " + north);
    }
    if (west < -180 || west > 180 || east < -180 || east > 180) {
      throw invalid("longitudes must lie in [-180, 180], got " + west + " and " + east);
    }
    if (west <= east) {
      return FACTORY.toGeometry(new Envelope(west, east, south, north));
    }
    return FACTORY.buildGeometry(
        List.of(
            FACTORY.toGeometry(new Envelope(west, 180, south, north)),
            FACTORY.toGeometry(new Envelope(-180, east, south, north))));
  }

  private static InvalidRequestException invalid(String problem) {
    return InvalidRequestException.of(
        ErrorType.VALIDATION_ERROR, "bbox " + problem, "value_error", "bbox");
  }
}
