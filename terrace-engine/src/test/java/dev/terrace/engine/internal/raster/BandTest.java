package dev.terrace.engine.internal.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Nodata is matched as GDAL's nodata mask matches it (GDAL 3.6, checked with {@code GetMaskBand()}
 * on files written with each declared value).
 */
class BandTest {

  private static Band band(SampleType type, double nodata) {
    return new Band(type, OptionalDouble.of(nodata), 1, 0);
  }

  @Test
  void aFloat32BandMatchesItsNodataRoundedToFloat32() {
    Band band = band(SampleType.FLOAT32, -9999.9);
    assertThat(band.isNodata((float) -9999.9)).isTrue();
    assertThat(band.nodata()).hasValue(-9999.900390625);
    assertThat(band(SampleType.FLOAT32, -3.4e38).isNodata((float) -3.4e38)).isTrue();
    assertThat(band.isNodata(-9999.9f + 0.01f)).isFalse();
  }

  @Test
  void anIntegerBandMatchesItsNodataTruncatedWhenInRangeAndNothingOtherwise() {
    assertThat(band(SampleType.INT16, -9999.9).isNodata(-9999)).isTrue();
    assertThat(band(SampleType.INT16, -9999.9).isNodata(-10000)).isFalse();
    assertThat(band(SampleType.INT16, -9999.9).nodata()).hasValue(-9999.9);
    assertThat(band(SampleType.UINT16, 1.5).isNodata(1)).isTrue();
    assertThat(band(SampleType.UINT8, 300).isNodata(44)).isFalse();
    assertThat(band(SampleType.UINT8, 255.5).isNodata(255)).isFalse();
    assertThat(band(SampleType.UINT8, 255.5).nodataCell()).isEmpty();
    assertThat(band(SampleType.INT32, Double.NaN).nodataCell()).isEmpty();
  }

  @Test
  void nanIsNodataAlwaysAndFillsFloatingPointBandsDeclaredNan() {
    assertThat(new Band(SampleType.FLOAT64, OptionalDouble.empty(), 1, 0).isNodata(Double.NaN))
        .isTrue();
    assertThat(band(SampleType.FLOAT32, Double.NaN).nodataCell().getAsDouble()).isNaN();
    assertThat(band(SampleType.FLOAT32, Double.NEGATIVE_INFINITY).nodataCell())
        .hasValue(Double.NEGATIVE_INFINITY);
    assertThat(
            band(SampleType.FLOAT32, Double.NEGATIVE_INFINITY).isNodata(Double.NEGATIVE_INFINITY))
        .isTrue();
  }

  @Test
  void valuesAreWrittenIntoATypeAsGdalCopiesWords() {
    assertThat(SampleType.INT16.saturate(-9999.9)).isEqualTo(-10000);
    assertThat(SampleType.INT16.saturate(-2.5)).isEqualTo(-3);
    assertThat(SampleType.UINT8.saturate(300)).isEqualTo(255);
    assertThat(SampleType.UINT8.saturate(-1)).isEqualTo(0);
    assertThat(SampleType.FLOAT32.saturate(-9999.9)).isEqualTo(-9999.900390625);
    assertThat(SampleType.FLOAT32.saturate(Double.NaN)).isNaN();
  }
}
