package dev.terrace.engine.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code stac} dataset's entry is checked when the catalog loads, every fault named by its field;
 * its STAC catalog is not fetched until the dataset is read.
 */
class StacCatalogTest {

  @TempDir Path dir;

  private Path catalog(String protocol, String dataset) throws Exception {
    return Files.writeString(
        dir.resolve("catalog.json"),
        """
        {"providers": [{"slug": "p", "protocol": "%s", "datasets": [%s]}]}
        """
            .formatted(protocol, dataset));
  }

  @Test
  void aStacDatasetLoadsWithoutFetchingItsCatalog() throws Exception {
    Path file =
        catalog(
            "stac",
            """
            {"name": "d", "stac": {"catalog": "http://192.0.2.1/stac/catalog.json",
                                   "collection": "c", "asset": "data"}}""");
    try (Catalog catalog = Catalog.load(file)) {
      CatalogDataset d = catalog.dataset("p:d").orElseThrow();
      assertThat(d.isMosaic()).isTrue();
      assertThat(d.remote()).isTrue();
      assertThat(d.location()).isEqualTo("http://192.0.2.1/stac/catalog.json");
      assertThat(d.gridWithoutWaiting()).isEmpty();
      assertThat(CatalogViews.provider(catalog.providers().get(0), false).protocol())
          .isEqualTo(Protocol.STAC);
    }
  }

  @Test
  void faultsAreNamedByTheirField() throws Exception {
    String at = "catalog.json: providers[0].datasets[0].";
    assertThatThrownBy(() -> Catalog.load(catalog("stac", "{\"name\": \"d\"}")))
        .hasMessageContaining(at + "stac: is required: {catalog, asset}");
    assertThatThrownBy(
            () ->
                Catalog.load(
                    catalog("stac", "{\"name\": \"d\", \"stac\": {\"catalog\": \"c.json\"}}")))
        .hasMessageContaining(at + "stac.asset: is required");
    assertThatThrownBy(
            () ->
                Catalog.load(
                    catalog(
                        "stac",
                        "{\"name\": \"d\", \"stac\": {\"catalog\": \"c.json\","
                            + " \"api\": \"https://example.org/v1\", \"asset\": \"data\"}}")))
        .hasMessageContaining(at + "stac: needs either catalog")
        .hasMessageContaining("not both");
    assertThatThrownBy(
            () ->
                Catalog.load(
                    catalog(
                        "stac",
                        "{\"name\": \"d\", \"stac\": {\"api\": \"https://example.org/v1\","
                            + " \"asset\": \"data\"}}")))
        .hasMessageContaining(at + "stac.collection: is required");
    assertThatThrownBy(
            () ->
                Catalog.load(
                    catalog(
                        "stac",
                        "{\"name\": \"d\", \"stac\": {\"api\": \"s3://bucket/v1\","
                            + " \"collection\": \"c\", \"asset\": \"data\"}}")))
        .hasMessageContaining(at + "stac.api: must be an http:// or https:// URL");
    assertThatThrownBy(
            () ->
                Catalog.load(
                    catalog(
                        "stac",
                        "{\"name\": \"d\", \"path\": \"a.tif\","
                            + " \"stac\": {\"catalog\": \"c.json\", \"asset\": \"data\"}}")))
        .hasMessageContaining(at + "path: is not for protocol stac");
    assertThatThrownBy(
            () ->
                Catalog.load(
                    catalog(
                        "stac",
                        "{\"name\": \"d\", \"crs\": \"EPSG:4326\","
                            + " \"stac\": {\"catalog\": \"c.json\", \"asset\": \"data\"}}")))
        .hasMessageContaining(at + "crs: is for protocol cog")
        .hasMessageContaining("reads each item's CRS from its file");
    assertThatThrownBy(
            () ->
                Catalog.load(
                    catalog(
                        "cog",
                        "{\"name\": \"d\", \"path\": \"a.tif\","
                            + " \"stac\": {\"catalog\": \"c.json\", \"asset\": \"data\"}}")))
        .hasMessageContaining(at + "stac: is for protocol stac");
  }
}
