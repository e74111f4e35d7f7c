package dev.terrace.engine.internal.stacread;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.Dataset;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.geojson.Point;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a dataset's catalog entry leaves out, its STAC collection says: collection {@code lux}
 * describes itself and, in {@code item_assets}, the band's unit and nodata and one class.
 */
class StacMetadataTest extends StacWorld {

  @Test
  void aStacDatasetIsDescribedByItsCollection() {
    // Listings never wait for a catalog to be read: reading the dataset reads it.
    terrace.extract(ExtractRequest.of(Point.of(6.13, 49.61), "items:elev", "items:utm"));
    Dataset elev = terrace.dataset("items:elev");
    assertThat(elev.description()).isEqualTo("elev_lux.tif cut into four items");
    assertThat(elev.units()).isEqualTo("m");
    assertThat(elev.nodata()).isEqualTo(-32768.0);
    assertThat(elev.classes()).as("a continuous dataset names no classes").isNull();
    terrace.extract(ExtractRequest.of(Point.of(6.13, 49.61), "items:classes"));
    assertThat(terrace.dataset("items:classes").classes())
        .isEqualTo(Map.of("300", "three hundred metres"));
    assertThat(terrace.provider("items").license())
        .as("the provider's entry names none: its first collection's")
        .isEqualTo("GPL-3.0-or-later");
  }

  @Test
  void aCollectionWithoutItemAssetsGivesItsDescriptionOnly() {
    terrace.extract(ExtractRequest.of(Point.of(6.13, 49.61), "items:utm"));
    Dataset utm = terrace.dataset("items:utm");
    assertThat(utm.description())
        .isEqualTo("elev_lux.tif cut at 6°E, each side warped to its UTM zone");
    assertThat(utm.units()).as("collection utm's items say no unit").isNull();
    assertThat(terrace.dataset("file:elev").description()).isNull();
  }
}
