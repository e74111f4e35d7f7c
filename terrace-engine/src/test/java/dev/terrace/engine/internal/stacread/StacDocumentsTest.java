package dev.terrace.engine.internal.stacread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.raster.RasterFormatException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Hrefs resolve against the document that holds them, whether on disk, over HTTP or in object
 * storage; a catalog from a public host may not lead inside the network, nor one read over the
 * network to a local file. Hosts are address literals, so that no test asks DNS.
 */
class StacDocumentsTest {

  private static final String PUBLIC = "http://93.184.216.34/stac/catalog.json";

  @Test
  void relativeHrefsResolveAgainstTheirDocument() {
    Path base = Path.of("/data/stac/lux/collection.json");
    assertThat(StacDocuments.resolve(base.toString(), "../nw.tif"))
        .isEqualTo(base.getParent().getParent().resolve("nw.tif").toString());
    assertThat(StacDocuments.resolve(base.toString(), "./items/a b.json"))
        .isEqualTo(base.getParent().resolve("items/a b.json").toString());
    assertThat(StacDocuments.resolve(PUBLIC, "./lux/collection.json"))
        .isEqualTo("http://93.184.216.34/stac/lux/collection.json");
    assertThat(StacDocuments.resolve(PUBLIC, "../data/a b.tif"))
        .isEqualTo("http://93.184.216.34/data/a%20b.tif");
    assertThat(StacDocuments.resolve("s3://bucket/stac/catalog.json", "items/a b+c.json"))
        .as("an object's key is written as stored")
        .isEqualTo("s3://bucket/stac/items/a b+c.json");
    assertThat(StacDocuments.resolve(PUBLIC, "https://93.184.216.35/x.tif"))
        .isEqualTo("https://93.184.216.35/x.tif");
    assertThat(StacDocuments.resolve(PUBLIC, "s3://bucket/x.tif")).isEqualTo("s3://bucket/x.tif");
  }

  @Test
  void aCatalogFromAPublicHostMayNotLeadInside() {
    assertThatThrownBy(() -> StacDocuments.resolve(PUBLIC, "http://127.0.0.1:8080/a.tif"))
        .isInstanceOf(RasterFormatException.class)
        .hasMessage(
            PUBLIC
                + ": the link to http://127.0.0.1:8080/a.tif is refused: 127.0.0.1 is a loopback"
                + " address, and a catalog from a public host may not lead there");
    assertThatThrownBy(
            () -> StacDocuments.resolve(PUBLIC, "http://169.254.169.254/latest/meta-data/"))
        .hasMessageContaining("the cloud metadata address");
    assertThatThrownBy(() -> StacDocuments.resolve(PUBLIC, "https://[fd00::1]/a.tif"))
        .hasMessageContaining("a unique-local address");
    assertThatThrownBy(() -> StacDocuments.resolve(PUBLIC, "http://10.1.2.3/a.tif"))
        .hasMessageContaining("a private address");
    assertThatThrownBy(
            () -> StacDocuments.resolve("s3://bucket/catalog.json", "http://192.168.1.1/a.tif"))
        .hasMessageContaining("a catalog from object storage may not lead there");
  }

  @Test
  void aCatalogReadOverTheNetworkMayNotNameALocalFile() {
    for (String href : new String[] {"file:///etc/passwd", "file:/etc/passwd"}) {
      assertThatThrownBy(() -> StacDocuments.resolve(PUBLIC, href))
          .hasMessageContaining("is refused: a catalog read over the network may not name a local");
      assertThatThrownBy(() -> StacDocuments.resolve("http://127.0.0.1/c.json", href))
          .hasMessageContaining("may not name a local file");
    }
  }

  @Test
  void aCatalogOnDiskOrOnAnInternalHostMayLeadAnywhere() {
    assertThat(StacDocuments.resolve("/data/catalog.json", "http://127.0.0.1:8080/a.tif"))
        .isEqualTo("http://127.0.0.1:8080/a.tif");
    assertThat(StacDocuments.resolve("http://10.0.0.5/catalog.json", "http://127.0.0.1/a.tif"))
        .isEqualTo("http://127.0.0.1/a.tif");
    assertThat(StacDocuments.resolve("http://127.0.0.1:9/c.json", "a.tif"))
        .isEqualTo("http://127.0.0.1:9/a.tif");
  }
}
