package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.io.FileByteSource;
import dev.terrace.engine.internal.raster.RasterFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.proj4j.CRSFactory;

/**
 * Files that do not say where their cells are, or in which CRS, are refused when opened, with a
 * message saying what the file has and what to do; never placed at 0, 0 in degrees or reported as
 * EPSG:4326.
 */
class GeoreferencingRefusalTest {

  private static GeoTiff open(String name) {
    return GeoTiff.open(Fixtures.file("crs/" + name));
  }

  @Test
  void aPlainTiffIsNotGeoreferenced() {
    assertThatThrownBy(() -> open("nogeo_plain.tif"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("nogeo_plain.tif")
        .hasMessageContaining("not georeferenced")
        .hasMessageContaining("ModelTransformation")
        .hasMessageContaining("gdal_translate -a_ullr");
  }

  @Test
  void groundControlPointsAloneAreNotGeoreferencing() {
    assertThatThrownBy(() -> open("nogeo_gcps.tif"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("not georeferenced")
        .hasMessageContaining("4 ground control points (GCPs")
        .hasMessageContaining("gdalwarp");
  }

  @Test
  void rpcsAloneAreNotGeoreferencing() {
    assertThatThrownBy(() -> open("nogeo_rpc.tif"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("not georeferenced")
        .hasMessageContaining("RPCs: RPCCoefficientTag 50844")
        .hasMessageContaining("gdalwarp -rpc");
  }

  @Test
  void aGeotransformWithoutGeokeysHasNoCrsUntilOneIsGiven() {
    assertThatThrownBy(() -> open("nocrs_utm33n_geotransform.tif"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("has no CRS")
        .hasMessageContaining("\"crs\"")
        .hasMessageContaining("catalog");
    try (GeoTiff tiff =
        GeoTiff.open(
            FileByteSource.open(Fixtures.file("crs/nocrs_utm33n_geotransform.tif")),
            TileCache.shared(),
            Sidecars.none(),
            new CRSFactory().createFromName("EPSG:32633"))) {
      assertThat(tiff.grid().crsName()).isEqualTo("EPSG:32633");
    }
  }

  @Test
  void aGivenCrsOverridesTheFiles() {
    try (GeoTiff tiff =
        GeoTiff.open(
            FileByteSource.open(Fixtures.file("crs/pe_flavor_epsg32633.tif")),
            TileCache.shared(),
            Sidecars.none(),
            new CRSFactory().createFromName("EPSG:32634"))) {
      assertThat(tiff.grid().crsName()).isEqualTo("EPSG:32634");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unresolvable_tpeqd.tif",
        "unresolvable_sinu_wgs84.tif",
        "unresolvable_eqdc_wgs84.tif",
        "unresolvable_ortho_wgs84.tif",
        "unresolvable_poly_wgs84.tif"
      })
  void aCrsProj4jCannotComputeIsRefusedNamingTheGeokeys(String file) {
    assertThatThrownBy(() -> open(file))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining(file)
        .hasMessageContaining("CRS cannot be built")
        .hasMessageContaining("GTModelTypeGeoKey (1024)")
        .hasMessageContaining("\"crs\"");
  }

  @Test
  void theRefusalOfAnEsriPeStringNamesItsProjection() {
    assertThatThrownBy(() -> open("unresolvable_tpeqd.tif"))
        .hasMessageContaining("Two_Point_Equidistant")
        .hasMessageContaining("PCSCitationGeoKey (3073)");
  }

  @Test
  void aCrsThatIsBuiltIsNeverNullNorNamedEpsg4326() {
    try (GeoTiff tiff = open("pe_krovak_bessel.tif")) {
      assertThat(tiff.grid().crs()).isNotNull();
      assertThat(tiff.grid().crsName()).contains("+proj=krovak");
    }
  }
}
