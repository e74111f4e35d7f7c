package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.SampleType;
import dev.terrace.engine.internal.raster.Samples;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * What a block the file does not store (a sparse file) reads as: GDAL fills it with the band's
 * nodata, or zero when there is none. A 64-bit integer band's nodata is kept as its bits, since a
 * double may not hold it.
 *
 * @param value the fill of every type but INT64 and UINT64, already representable in the type
 * @param bits the fill of INT64 and UINT64
 */
record SparseFill(double value, long bits) {

  static SparseFill of(Band band) {
    SampleType type = band.type();
    if (type.wideInteger()) {
      return new SparseFill(0, band.nodataBits().orElse(0));
    }
    OptionalDouble nodata = band.nodata();
    return new SparseFill(nodata.isPresent() ? type.saturate(nodata.getAsDouble()) : 0, 0);
  }

  /** Fills a newly allocated, zeroed block. */
  void fill(SampleType type, Object block) {
    if (type.wideInteger()) {
      if (bits != 0) {
        Arrays.fill((long[]) block, bits);
      }
    } else if (value != 0) {
      Samples.fill(type, block, value);
    }
  }
}
