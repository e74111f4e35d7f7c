package dev.terrace.engine.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider's {@code storage} and its {@code s3://} paths are checked when the catalog is read,
 * with messages that name the field and never repeat a secret.
 */
class S3StorageOptionsTest {

  @TempDir Path dir;

  private Catalog load(String storage, String path) throws Exception {
    Path file = dir.resolve("catalog.json");
    Files.writeString(
        file,
        """
        {"providers": [{"slug": "s", "protocol": "cog", "storage": %s,
          "datasets": [{"name": "dem", "path": "%s"}]}]}"""
            .formatted(storage, path));
    return Catalog.load(file);
  }

  @Test
  void objectDatasetsAreRemoteAndLabelledByTheirLocation() throws Exception {
    try (Catalog catalog =
        load("{\"region\": \"eu-west-1\", \"requester_pays\": true}", "s3://b/dir/a b.tif")) {
      CatalogDataset dem = catalog.dataset("s:dem").orElseThrow();
      assertThat(dem.location()).isEqualTo("s3://b/dir/a b.tif");
      assertThat(dem.remote()).isTrue();
    }
  }

  @Test
  void contradictoryStorageIsRefusedWithoutRepeatingTheSecret() {
    assertThatThrownBy(
            () ->
                load(
                    "{\"anonymous\": true, \"access_key_id\": \"AKIAEXAMPLE\","
                        + " \"secret_access_key\": \"TopSecret/123\"}",
                    "s3://b/a.tif"))
        .isInstanceOf(CatalogException.class)
        .hasMessageEndingWith(
            "catalog.json: providers[0].storage: anonymous reads take no credentials")
        .hasMessageNotContaining("TopSecret/123");
    assertThatThrownBy(() -> load("{\"secret_access_key\": \"TopSecret/123\"}", "s3://b/a.tif"))
        .hasMessageEndingWith(
            "providers[0].storage: an access key id and its secret are given together");
  }

  @Test
  void aMisspelledStorageFieldIsAnError() {
    assertThatThrownBy(() -> load("{\"endpont\": \"http://127.0.0.1:9000\"}", "s3://b/a.tif"))
        .hasMessageContaining("providers[0].storage.endpont: unknown field \"endpont\"");
  }

  @Test
  void anObjectPathWithoutAKeyIsRefusedAtLoad() {
    assertThatThrownBy(() -> load("{}", "s3://bucket"))
        .hasMessageEndingWith(
            "providers[0].datasets[0].path: s3://bucket names a bucket but no object in it");
  }
}
