package dev.terrace.engine.internal.netcdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.engine.internal.raster.SampleType;
import java.awt.image.DataBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CF packing and missing values, on raw samples as SIS hands them over (bytes as 0..255). */
class UnpackerTest {

  @Test
  void packedShortWithFloatAttributesIsFloat32() {
    Unpacker u =
        Unpacker.of(
            Map.of("scale_factor", 0.25f, "add_offset", -10f, "_FillValue", (short) -32768),
            DataBuffer.TYPE_SHORT);
    assertThat(u.type()).isEqualTo(SampleType.FLOAT32);
    assertThat(u.unpack(12)).isEqualTo(-7.0);
    assertThat(u.unpack(-32768)).isNaN();
    // Without a _FillValue attribute -32767 (NC_FILL_SHORT) would be missing; with one it is a
    // value.
    assertThat(u.unpack(-32767)).isEqualTo(-32767 * 0.25 - 10);
  }

  @Test
  void aDoubleScaleFactorMakesFloat64() {
    assertThat(Unpacker.of(Map.of("scale_factor", 0.5), DataBuffer.TYPE_SHORT).type())
        .isEqualTo(SampleType.FLOAT64);
    assertThat(
            Unpacker.of(Map.of("add_offset", 1.0, "scale_factor", 2f), DataBuffer.TYPE_BYTE).type())
        .isEqualTo(SampleType.FLOAT64);
  }

  @Test
  void unpackedTypesKeepEveryValueExactly() {
    assertThat(Unpacker.of(Map.of(), DataBuffer.TYPE_BYTE).type()).isEqualTo(SampleType.FLOAT32);
    assertThat(Unpacker.of(Map.of(), DataBuffer.TYPE_SHORT).type()).isEqualTo(SampleType.FLOAT32);
    assertThat(Unpacker.of(Map.of(), DataBuffer.TYPE_FLOAT).type()).isEqualTo(SampleType.FLOAT32);
    assertThat(Unpacker.of(Map.of(), DataBuffer.TYPE_INT).type()).isEqualTo(SampleType.FLOAT64);
    assertThat(Unpacker.of(Map.of(), DataBuffer.TYPE_DOUBLE).type()).isEqualTo(SampleType.FLOAT64);
  }

  @Test
  void bytesAreSignedUnlessDeclaredUnsigned() {
    Unpacker signed = Unpacker.of(Map.of("_FillValue", (byte) -1), DataBuffer.TYPE_BYTE);
    assertThat(signed.unpack(255)).isNaN();
    assertThat(signed.unpack(254)).isEqualTo(-2.0);
    assertThat(signed.unpack(127)).isEqualTo(127.0);
    Unpacker unsigned =
        Unpacker.of(Map.of("_Unsigned", "true", "_FillValue", (byte) -1), DataBuffer.TYPE_BYTE);
    assertThat(unsigned.unpack(254)).isEqualTo(254.0);
    assertThat(unsigned.unpack(255)).isNaN();
    // Bytes have no default fill value: -127 (NC_FILL_BYTE) is data.
    assertThat(Unpacker.of(Map.of(), DataBuffer.TYPE_BYTE).unpack(129)).isEqualTo(-127.0);
  }

  @Test
  void unsignedShortsReadPast32767() {
    Unpacker u =
        Unpacker.of(Map.of("_Unsigned", "true", "scale_factor", 0.5f), DataBuffer.TYPE_SHORT);
    assertThat(u.unpack(-1)).isEqualTo(65535 * 0.5);
  }

  @Test
  void everyMissingValueAndTheValidRangeAreMissing() {
    Unpacker u =
        Unpacker.of(
            Map.of(
                "missing_value",
                new Object[] {(short) -5, (short) -6},
                "valid_range",
                new Object[] {(short) -10, (short) 100}),
            DataBuffer.TYPE_SHORT);
    assertThat(u.unpack(-5)).isNaN();
    assertThat(u.unpack(-6)).isNaN();
    assertThat(u.unpack(-7)).isEqualTo(-7.0);
    assertThat(u.unpack(-11)).isNaN();
    assertThat(u.unpack(101)).isNaN();
    assertThat(u.unpack(100)).isEqualTo(100.0);
    Unpacker min = Unpacker.of(Map.of("valid_min", 0.0), DataBuffer.TYPE_DOUBLE);
    assertThat(min.unpack(-0.5)).isNaN();
    assertThat(min.unpack(1e300)).isEqualTo(1e300);
  }

  @Test
  void floatFillValuesMatchInFloatPrecisionAndTheDefaultFillIsMissing() {
    Unpacker u = Unpacker.of(Map.of("_FillValue", 1e20), DataBuffer.TYPE_FLOAT);
    assertThat(u.unpack(1e20f)).isNaN();
    Unpacker noFill = Unpacker.of(Map.of(), DataBuffer.TYPE_FLOAT);
    assertThat(noFill.unpack(9.96921e36f)).isNaN();
    assertThat(noFill.unpack(Float.NaN)).isNaN();
    assertThat(Unpacker.of(Map.of(), DataBuffer.TYPE_DOUBLE).unpack(9.969209968386869e36)).isNaN();
    assertThat(Unpacker.of(Map.of(), DataBuffer.TYPE_INT).unpack(-2147483647)).isNaN();
  }
}
