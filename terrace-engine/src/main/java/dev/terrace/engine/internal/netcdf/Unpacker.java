package dev.terrace.engine.internal.netcdf;

import dev.terrace.engine.internal.raster.SampleType;
import java.awt.image.DataBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns stored samples into physical values by the CF rules, with every missing sample as NaN.
 *
 * <p>Missing: equal to {@code _FillValue} or to any {@code missing_value}, or outside {@code
 * valid_min}, {@code valid_max} or {@code valid_range} (compared with the stored, packed value).
 * Without a {@code _FillValue}, the netCDF default fill value of short, int, float and double
 * variables counts as missing too, as GDAL and the netCDF library treat it; bytes have none.
 *
 * <p>Physical: {@code stored * scale_factor + add_offset} in double precision. Bytes are signed
 * unless {@code _Unsigned = "true"}, shorts and ints likewise.
 *
 * <p>Result type: a packed variable (one with {@code scale_factor} or {@code add_offset}) unpacks
 * to the type of those attributes, as CF says: FLOAT64 if either is a double, else FLOAT32 (rounded
 * once from the double result). An unpacked variable keeps every value exactly: FLOAT32 for byte,
 * short and float, FLOAT64 for int and double.
 */
final class Unpacker {

  private final int dataType;
  private final boolean unsigned;
  private final double scale;
  private final double offset;
  private final double[] missing;
  private final double validMin;
  private final double validMax;
  private final SampleType type;

  private Unpacker(
      int dataType,
      boolean unsigned,
      double scale,
      double offset,
      double[] missing,
      double validMin,
      double validMax,
      SampleType type) {
    this.dataType = dataType;
    this.unsigned = unsigned;
    this.scale = scale;
    this.offset = offset;
    this.missing = missing;
    this.validMin = validMin;
    this.validMax = validMax;
    this.type = type;
  }

  /**
   * @param attributes the variable's attributes
   * @param dataType the {@link DataBuffer} type SIS stores the raw samples in
   * @return the rules for this variable
   * @throws IllegalArgumentException if the data type is not a numeric one netCDF-3 has
   */
  static Unpacker of(Map<String, Object> attributes, int dataType) {
    boolean unsigned =
        CfAttributes.text(attributes, "_Unsigned").filter("true"::equalsIgnoreCase).isPresent();
    List<Number> scale = CfAttributes.numbers(attributes, "scale_factor");
    List<Number> offset = CfAttributes.numbers(attributes, "add_offset");
    boolean packed = !scale.isEmpty() || !offset.isEmpty();

    List<Double> missing = new ArrayList<>();
    List<Number> fill = CfAttributes.numbers(attributes, "_FillValue");
    if (!fill.isEmpty()) {
      missing.add(stored(fill.get(0), dataType, unsigned));
    } else if (!Double.isNaN(defaultFill(dataType, unsigned))) {
      missing.add(defaultFill(dataType, unsigned));
    }
    for (Number n : CfAttributes.numbers(attributes, "missing_value")) {
      missing.add(stored(n, dataType, unsigned));
    }
    double min = Double.NEGATIVE_INFINITY;
    double max = Double.POSITIVE_INFINITY;
    List<Number> range = CfAttributes.numbers(attributes, "valid_range");
    if (range.size() >= 2) {
      min = stored(range.get(0), dataType, unsigned);
      max = stored(range.get(1), dataType, unsigned);
    }
    min =
        CfAttributes.numbers(attributes, "valid_min").stream()
            .findFirst()
            .map(n -> stored(n, dataType, unsigned))
            .orElse(min);
    max =
        CfAttributes.numbers(attributes, "valid_max").stream()
            .findFirst()
            .map(n -> stored(n, dataType, unsigned))
            .orElse(max);

    SampleType type;
    if (packed) {
      boolean dbl =
          scale.stream().anyMatch(n -> n instanceof Double)
              || offset.stream().anyMatch(n -> n instanceof Double);
      type = dbl ? SampleType.FLOAT64 : SampleType.FLOAT32;
    } else {
      type =
          switch (dataType) {
            case DataBuffer.TYPE_BYTE,
                DataBuffer.TYPE_SHORT,
                DataBuffer.TYPE_USHORT,
                DataBuffer.TYPE_FLOAT ->
                SampleType.FLOAT32;
            case DataBuffer.TYPE_INT, DataBuffer.TYPE_DOUBLE -> SampleType.FLOAT64;
            default ->
                throw new IllegalArgumentException(
                    "raw sample type " + dataType + " is not a netCDF-3 number type");
          };
    }
    return new Unpacker(
        dataType,
        unsigned,
        scale.isEmpty() ? 1 : scale.get(0).doubleValue(),
        offset.isEmpty() ? 0 : offset.get(0).doubleValue(),
        missing.stream().mapToDouble(Double::doubleValue).toArray(),
        min,
        max,
        type);
  }

  /**
   * @return FLOAT32 or FLOAT64, see the class documentation
   */
  SampleType type() {
    return type;
  }

  /**
   * @param raw a sample as SIS returns it ({@code Raster.getSamples}: bytes as 0 to 255)
   * @return the physical value, or NaN if it is missing
   */
  double unpack(double raw) {
    double v = signed(raw, dataType, unsigned);
    if (v < validMin || v > validMax) {
      return Double.NaN;
    }
    for (double m : missing) {
      // Float variables compare as floats: a double-precision fill attribute still matches.
      if (v == m || (dataType == DataBuffer.TYPE_FLOAT && (float) v == (float) m)) {
        return Double.NaN;
      }
    }
    return v * scale + offset;
  }

  /**
   * An attribute value as it would be stored in the variable, so that it compares with the samples.
   */
  private static double stored(Number n, int dataType, boolean unsigned) {
    if (n instanceof Byte || n instanceof Short || n instanceof Integer) {
      return signed(n.doubleValue(), dataType, unsigned);
    }
    return n.doubleValue();
  }

  /**
   * Reads integer samples with the variable's signedness, whatever sign the Java type gave them.
   */
  private static double signed(double v, int dataType, boolean unsigned) {
    int bits =
        switch (dataType) {
          case DataBuffer.TYPE_BYTE -> 8;
          case DataBuffer.TYPE_SHORT, DataBuffer.TYPE_USHORT -> 16;
          case DataBuffer.TYPE_INT -> 32;
          default -> 0;
        };
    if (bits == 0) {
      return v;
    }
    double range = Math.scalb(1.0, bits);
    if (unsigned && v < 0) {
      return v + range;
    }
    if (!unsigned && v >= range / 2) {
      return v - range;
    }
    return v;
  }

  /**
   * The netCDF-3 default fill values (NC_FILL_SHORT, NC_FILL_INT, NC_FILL_FLOAT, NC_FILL_DOUBLE).
   */
  private static double defaultFill(int dataType, boolean unsigned) {
    return switch (dataType) {
      case DataBuffer.TYPE_SHORT, DataBuffer.TYPE_USHORT -> unsigned ? Double.NaN : -32767;
      case DataBuffer.TYPE_INT -> unsigned ? Double.NaN : -2147483647;
      case DataBuffer.TYPE_FLOAT -> (double) 9.9692099683868690e+36f;
      case DataBuffer.TYPE_DOUBLE -> 9.9692099683868690e+36;
      default -> Double.NaN;
    };
  }
}
