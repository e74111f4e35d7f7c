package dev.terrace.engine.internal.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlTemplateTest {

  private static final UrlTemplate NAME = UrlTemplate.parse("{NS}{lat:02}{EW}{lon:03}");

  private static String name(TileGrid grid, double lon, double lat) {
    return NAME.format(grid.containing(lon, lat));
  }

  @Test
  void tilesAreNamedAfterTheirSouthWestCorner() {
    TileGrid one = TileGrid.of(1);
    assertThat(name(one, 6.3, 0.5)).isEqualTo("N00E006");
    assertThat(name(one, -0.2, 89.5)).isEqualTo("N89W001");
    assertThat(name(one, 0.7, -0.5)).as("just south of the equator").isEqualTo("S01E000");
    assertThat(name(TileGrid.of(3), -179.5, -1)).isEqualTo("S03W180");
  }

  @Test
  void longitude180IsTheAntimeridianTileWestOfGreenwich() {
    assertThat(name(TileGrid.of(1), 180, 10.5)).isEqualTo("N10W180");
    assertThat(name(TileGrid.of(1), -180, 10.5)).isEqualTo("N10W180");
    assertThat(name(TileGrid.of(1), 179.99, 10.5)).isEqualTo("N10E179");
  }

  @Test
  void paddingIsOptionalAndLiteralTextIsKept() {
    UrlTemplate copernicus =
        UrlTemplate.parse(
            "https://example.org/Copernicus_DSM_COG_10_{NS}{lat:02}_00_{EW}"
                + "{lon:03}_00_DEM/Copernicus_DSM_COG_10_{NS}{lat:02}_00_{EW}{lon:03}_00_DEM.tif");
    assertThat(copernicus.format(new Tile(6, 49, 1)))
        .isEqualTo(
            "https://example.org/Copernicus_DSM_COG_10_N49_00"
                + "_E006_00_DEM/Copernicus_DSM_COG_10_N49_00_E006_00_DEM.tif");
    assertThat(UrlTemplate.parse("t/{lat}/{NS}/{lon}{EW}.tif").format(new Tile(-120, -45, 5)))
        .isEqualTo("t/45/S/120W.tif");
    assertThat(UrlTemplate.parse("{NS}{lat:02}{EW}{lon:03}").toString())
        .isEqualTo("{NS}{lat:02}{EW}{lon:03}");
  }

  @Test
  void unknownPlaceholdersAndStrayBracesAreRefusedByName() {
    assertThatThrownBy(() -> UrlTemplate.parse("x/{NS}{lat}{EW}{lon}{year}.tif"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "unknown placeholder {year} at position 20; the placeholders are {NS}, {EW}");
    assertThatThrownBy(() -> UrlTemplate.parse("{NS}{lat:2}{EW}{lon}"))
        .hasMessageStartingWith("unknown placeholder {lat:2}");
    assertThatThrownBy(() -> UrlTemplate.parse("{NS}{lat}{EW}{lon}}"))
        .hasMessage("unmatched '}' at position 18");
    assertThatThrownBy(() -> UrlTemplate.parse("{NS}{lat}{EW}{lon"))
        .hasMessage("unmatched '{' at position 13");
  }

  @Test
  void aTemplateMustPlaceBothCoordinatesWithTheirHemispheres() {
    assertThatThrownBy(() -> UrlTemplate.parse("https://example.org/{NS}{lat}.tif"))
        .hasMessage(
            "has no {EW}: a tile's name needs {lat} and {lon} with their hemispheres {NS} and {EW}");
    assertThatThrownBy(() -> UrlTemplate.parse("{lat}{EW}{lon}"))
        .hasMessageStartingWith("has no {NS}");
    assertThatThrownBy(() -> UrlTemplate.parse("{NS}{EW}{lon}"))
        .hasMessageStartingWith("has no {lat}");
  }
}
