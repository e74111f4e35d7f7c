package dev.terrace.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.ErrorType;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.FieldError;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.geojson.Point;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request's {@code crs} may name a known code in any standard form GeoJSON and the OGC APIs use,
 * always read x = longitude first; anything else is a validation error naming {@code crs}, never a
 * server error.
 */
class CrsIdentifiersTest {

  private static Terrace terrace;

  @BeforeAll
  static void open() {
    terrace = Terrace.embedded();
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  private static Object value(String crs) {
    return terrace
        .extract(
            ExtractRequest.builder()
                .geometry(Point.of(6.13, 49.61))
                .datasets("lux:elevation")
                .crs(crs)
                .build())
        .results()
        .get(0)
        .jsonValue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "OGC:CRS84",
        "urn:ogc:def:crs:EPSG::4326",
        "urn:ogc:def:crs:OGC:1.3:CRS84",
        "http://www.opengis.net/def/crs/EPSG/0/4326",
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        "https://www.opengis.net/def/crs/EPSG/0/4326",
        "urn:ogc:def:crs:EPSG:6.6:4326",
        "CRS:84",
        " epsg:4326 ",
        "urn:ogc:def:crs:OGC::CRS84"
      })
  void everyStandardFormOfWgs84ReadsLongitudeFirst(String crs) {
    Object expected = value("EPSG:4326");
    assertThat(expected).isNotNull();
    assertThat(value(crs)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "FOO:1",
        "+init=epsg:4326",
        "file:///etc/passwd",
        "EPSG:999999",
        "+proj=longlat",
        "EPSG:",
        "urn:ogc:def:crs:EPSG::",
        "http://example.com/def/crs/EPSG/0/4326",
        "ESRI:54009",
        "nad27:1",
        "world:mercator",
        ""
      })
  void anythingElseIsAValidationErrorNamingCrs(String crs) {
    assertThatThrownBy(() -> value(crs))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.errorType()).hasValue(ErrorType.VALIDATION_ERROR);
              assertThat(e.fieldErrors()).extracting(FieldError::path).containsExactly("crs");
            });
  }
}
