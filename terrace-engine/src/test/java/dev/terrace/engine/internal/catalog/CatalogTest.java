package dev.terrace.engine.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

  @TempDir Path dir;

  @Test
  void theBuiltinCatalogServesTheBundledSamples() {
    try (Catalog catalog = Catalog.builtin()) {
      assertThat(catalog.providers())
          .extracting(CatalogProvider::slug)
          .containsExactly(
              "lux",
              "olinda",
              "pr_landcover",
              "landsat_olinda",
              "bcsd",
              "copernicus_dem",
              "esa_worldcover");
      assertThat(catalog.datasets()).hasSize(13);
      CatalogDataset lux = catalog.dataset("lux:elevation").orElseThrow();
      assertThat(lux.units()).contains("m");
      assertThat(lux.raster().grid().width()).isEqualTo(95);
      assertThat(lux.band().nodata()).hasValue(-32768);
      CatalogDataset nir = catalog.dataset("landsat_olinda:band4").orElseThrow();
      assertThat(nir.bandNumber()).isEqualTo(4);
      assertThat(catalog.dataset("pr_landcover:land_cover").orElseThrow().categorical()).isTrue();
      assertThat(catalog.dataset("nope:nothing")).isEmpty();
      CatalogDataset pr = catalog.dataset("bcsd:pr").orElseThrow();
      assertThat(pr.times()).hasSize(12).first().hasToString("1999-01-31T00:00:00Z");
      assertThat(pr.layer(11).bandNumber()).isEqualTo(12);
      assertThat(pr.raster().grid().width()).isEqualTo(81);
    }
  }

  @Test
  void pathsAreRelativeToTheCatalogFileAndYamlWorksToo() throws Exception {
    // The engine's samples are in its jar, which the tests run on: copied out, not opened in place.
    try (InputStream in =
        getClass().getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif")) {
      Files.copy(in, dir.resolve("elev.tif"));
    }
    Path yaml =
        write(
            "catalog.yaml",
            """
        providers:
          - slug: mine
            name: My data
            protocol: cog
            datasets:
              - name: dem
                path: elev.tif
                units: m
                nodata: -1
        """);
    try (Catalog catalog = Catalog.load(yaml)) {
      CatalogDataset dem = catalog.dataset("mine:dem").orElseThrow();
      assertThat(dem.location()).isEqualTo(dir.resolve("elev.tif").toString());
      assertThat(dem.raster().grid().height()).isEqualTo(90);
      assertThat(dem.band().nodata()).as("the catalog's nodata wins").hasValue(-1);
    }
  }

  @Test
  void brokenCatalogsNameTheFileAndField() throws Exception {
    expectError(
        """
        {"providers": [{"slug": "a", "protocol": "cog", "datasets": [{"name": "x", "path": "x.tif", "bnd": 2}]}]}
        """,
        "providers[0].datasets[0].bnd: unknown field \"bnd\"");
    expectError(
        """
        {"providers": [{"slug": "a", "protocol": "cog", "datasets": [{"name": "x", "path": "x.tif", "band": 0}]}]}
        """,
        "providers[0].datasets[0].band: must be at least 1, got 0");
    expectError(
        """
        {"providers": [{"slug": "a", "protocol": "cog", "datasets": [{"name": "x"}]}]}
        """,
        "providers[0].datasets[0].path: a dataset needs a path or a url");
    expectError(
        """
        {"providers": [{"slug": "a", "protocol": "cog", "datasets": [{"name": "x", "time_steps": [
          {"time": "1999-01", "path": "a.tif"}, {"time": "January 1999", "path": "b.tif"}]}]}]}
        """,
        "providers[0].datasets[0].time_steps[1].time: \"January 1999\" is not an ISO-8601 date");
    expectError(
        """
        {"providers": [{"slug": "a", "protocol": "cog", "datasets": [{"name": "x", "time_steps": [
          {"time": "1999-01", "path": "a.tif"}, {"time": "1999-01-01", "path": "b.tif"}]}]}]}
        """,
        "providers[0].datasets[0].time_steps[1].time: \"1999-01-01\" is listed twice");
    expectError(
        """
        {"providers": [{"slug": "a", "protocol": "cog", "datasets": [{"name": "x", "path": "x.tif"}]},
                       {"slug": "a", "protocol": "cog", "datasets": [{"name": "y", "path": "y.tif"}]}]}
        """,
        "providers[1].slug: \"a\" is used by an earlier provider");
    expectError(
        """
        {"providers": [{"slug": "Bad Slug", "protocol": "cog", "datasets": [{"name": "x", "path": "x.tif"}]}]}
        """,
        "providers[0].slug: \"Bad Slug\" must be lower-case");
    expectError(
        """
        {"providers": [{"slug": "a", "protocol": "ftp", "datasets": [{"name": "x", "path": "x.tif"}]}]}
        """,
        "providers[0].protocol: \"ftp\" is not one of cog, cog_tiles, netcdf");
    expectError(
        """
        {"providers": [{"slug": "a", "protocol": "cog", "datasets": [{"name": "x", "path": "x.tif",
          "valid_range": [5, 1]}]}]}
        """,
        "providers[0].datasets[0].valid_range: must be [min, max] with min <= max");
    expectError("{\"providers\": []}", "providers: a catalog needs at least one provider");
    expectError("{not json", "not valid JSON for a catalog");
  }

  @Test
  void tiledDatasetsNeedATemplateWithBothCoordinatesAndATileSizeThatDivides180() throws Exception {
    String tiled =
        "{\"providers\": [{\"slug\": \"t\", \"protocol\": \"cog_tiles\", \"datasets\": [%s]}]}";
    expectError(
        tiled.formatted("{\"name\": \"x\", \"tile_degrees\": 1}"),
        "providers[0].datasets[0].url_template: is required");
    expectError(
        tiled.formatted("{\"name\": \"x\", \"url_template\": \"{NS}{lat}{EW}{lon}.tif\"}"),
        "providers[0].datasets[0].tile_degrees: is required");
    expectError(
        tiled.formatted(
            "{\"name\": \"x\", \"tile_degrees\": 7, \"url_template\": \"{NS}{lat}{EW}{lon}\"}"),
        "providers[0].datasets[0].tile_degrees: must be a whole number of degrees that divides 180");
    expectError(
        tiled.formatted(
            "{\"name\": \"x\", \"tile_degrees\": 1, \"url_template\": \"{NS}{lat}{EW}{lng}\"}"),
        "providers[0].datasets[0].url_template: \"{NS}{lat}{EW}{lng}\" unknown placeholder {lng} at position 13");
    expectError(
        tiled.formatted("{\"name\": \"x\", \"tile_degrees\": 1, \"url_template\": \"dem.tif\"}"),
        "providers[0].datasets[0].url_template: \"dem.tif\" has no {NS}");
    expectError(
        tiled.formatted(
            "{\"name\": \"x\", \"tile_degrees\": 1, \"path\": \"x.tif\","
                + " \"url_template\": \"{NS}{lat}{EW}{lon}\"}"),
        "providers[0].datasets[0].path: is for protocol cog");
    expectError(
        """
        {"providers": [{"slug": "a", "protocol": "cog", "datasets": [{"name": "x", "path": "x.tif",
          "url_template": "{NS}{lat}{EW}{lon}.tif"}]}]}
        """,
        "providers[0].datasets[0].url_template: is for protocol cog_tiles");
  }

  @Test
  void classNamesAreForCategoricalDatasetsAndKeyedByCode() throws Exception {
    expectError(
        """
        {"providers": [{"slug": "a", "protocol": "cog", "datasets": [{"name": "x", "path": "x.tif",
          "classes": {"10": "Trees"}}]}]}
        """,
        "providers[0].datasets[0].classes: names the classes of a categorical dataset");
    expectError(
        """
        {"providers": [{"slug": "a", "protocol": "cog", "datasets": [{"name": "x", "path": "x.tif",
          "data_type": "categorical", "classes": {"trees": "Trees"}}]}]}
        """,
        "providers[0].datasets[0].classes: \"trees\" is not a class code");
    Path yaml =
        write(
            "classes.yaml",
            """
        providers:
          - slug: a
            protocol: cog
            datasets:
              - name: x
                path: x.tif
                data_type: categorical
                classes: {20: Shrubland, 10: Tree cover}
        """);
    try (Catalog catalog = Catalog.load(yaml)) {
      assertThat(catalog.dataset("a:x").orElseThrow().classes())
          .containsExactly(
              java.util.Map.entry("20", "Shrubland"), java.util.Map.entry("10", "Tree cover"));
    }
  }

  private void expectError(String json, String message) throws Exception {
    Path file = write("catalog.json", json);
    assertThatThrownBy(() -> Catalog.load(file))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining(message);
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void aUrlThatCannotBeOpenedIsRefusedWhenTheCatalogIsRead() throws Exception {
    expectError(
        """
        {"providers": [{"slug": "a", "protocol": "cog", "datasets": [{"name": "x", "url": "http:///x.tif"}]}]}
        """,
        "providers[0].datasets[0].url: URL has no host: http:///x.tif");
    expectError(
        """
        {"providers": [{"slug": "a", "protocol": "cog", "datasets": [{"name": "x", "url": "https://a b/x.tif"}]}]}
        """,
        "providers[0].datasets[0].url: Illegal character in authority");
  }

  @Test
  void aMissingFileSaysSo() {
    assertThatThrownBy(() -> Catalog.load(dir.resolve("absent.json")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("absent.json: cannot be read");
  }
}
