package dev.terrace.engine.internal.stacread;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.Dataset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a dataset's catalog entry leaves out, its STAC collection says: collection {@code lux}
 * describes itself and, in {@code item_assets}, the band's unit and nodata and one class.
 */
class StacMetadataTest extends StacWorld {

  @Test
  void aStacDatasetIsDescribedByItsCollection() {
    Dataset elev = terrace.dataset("items:elev");
    assertThat(elev.description()).isEqualTo("elev_lux.tif cut into four items");
    assertThat(elev.units()).isEqualTo("m");
    assertThat(elev.nodata()).isEqualTo(-32768.0);
    assertThat(elev.classes()).as("a continuous dataset names no classes").isNull();
    assertThat(terrace.dataset("items:classes").classes())
        .isEqualTo(Map.of("300", "three hundred metres"));
  }

  @Test
  void aCollectionWithoutItemAssetsGivesItsDescriptionOnly() {
    Dataset utm = terrace.dataset("items:utm");
    assertThat(utm.description())
        .isEqualTo("elev_lux.tif cut at 6°E, each side warped to its UTM zone");
    assertThat(utm.units()).as("collection utm's items say no unit").isNull();
    assertThat(terrace.dataset("file:elev").description()).isNull();
  }
}
