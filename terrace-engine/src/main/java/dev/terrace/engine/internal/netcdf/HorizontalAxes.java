package dev.terrace.engine.internal.netcdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A variable's x and y coordinates read straight from a netCDF-3 file's header and coordinate
 * variables.
 *
 * <p>SIS builds no grid-to-CRS at all when one axis of a variable is not one it understands, such
 * as a time coordinate without {@code units}; GDAL still georeferences such a variable from its
 * last two dimensions and reads the others as bands. This reads the same two coordinate variables,
 * so the grid can be GDAL's without SIS's help; the samples are still read through SIS.
 *
 * @param x the coordinates of the fastest-varying dimension, in file order
 * @param y the coordinates of the second-fastest dimension, in file order
 * @param xUnits the x coordinate variable's {@code units}, or "" when it has none
 * @param stepsHaveUnits whether the coordinate variable of the variable's outermost dimension (its
 *     steps) has {@code units}; when it has, SIS failed for another reason and this is no
 *     substitute
 */
record HorizontalAxes(double[] x, double[] y, String xUnits, boolean stepsHaveUnits) {

  private static final int NC_DIMENSION = 0x0A;
  private static final int NC_VARIABLE = 0x0B;
  private static final int NC_ATTRIBUTE = 0x0C;

  /**
   * @return whether x is longitude, as CF's {@code degrees_east} (and its spellings) says
   */
  boolean geographic() {
    return xUnits.toLowerCase(java.util.Locale.ROOT).startsWith("degree");
  }

  /** One variable of the header: what is needed to find and read a coordinate variable. */
  private record Var(String name, int[] dims, int type, long begin, Map<String, String> text) {}

  /**
   * @param file a netCDF-3 file (classic or 64-bit offset)
   * @param variable the gridded variable
   * @return its horizontal coordinates
   * @throws IllegalArgumentException if the variable or one of its last two dimensions' coordinate
   *     variables is missing or not numeric
   * @throws IOException if the file cannot be read
   */
  static HorizontalAxes of(Path file, String variable) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 20));
      channel.read(header, 0);
      header.flip();
      boolean offset64 = header.get(3) == 2;
      header.position(8);
      List<String> dimNames = new ArrayList<>();
      List<Long> dimSizes = new ArrayList<>();
      int tag = header.getInt();
      int n = header.getInt();
      for (int i = 0; i < n && tag == NC_DIMENSION; i++) {
        dimNames.add(name(header));
        dimSizes.add(Integer.toUnsignedLong(header.getInt()));
      }
      attributes(header);
      Map<String, Var> vars = new HashMap<>();
      tag = header.getInt();
      n = header.getInt();
      for (int i = 0; i < n && tag == NC_VARIABLE; i++) {
        String name = name(header);
        int[] dims = new int[header.getInt()];
        for (int d = 0; d < dims.length; d++) {
          dims[d] = header.getInt();
        }
        Map<String, String> text = attributes(header);
        int type = header.getInt();
        header.getInt(); // vsize
        long begin = offset64 ? header.getLong() : Integer.toUnsignedLong(header.getInt());
        vars.put(name, new Var(name, dims, type, begin, text));
      }
      Var v = vars.get(variable);
      if (v == null || v.dims().length < 2) {
        throw new IllegalArgumentException("the file has no (y, x) variable \"" + variable + "\"");
      }
      Var x = coordinate(vars, dimNames.get(v.dims()[v.dims().length - 1]));
      Var y = coordinate(vars, dimNames.get(v.dims()[v.dims().length - 2]));
      Var steps = v.dims().length > 2 ? vars.get(dimNames.get(v.dims()[0])) : null;
      return new HorizontalAxes(
          values(channel, x, dimSizes),
          values(channel, y, dimSizes),
          x.text().getOrDefault("units", ""),
          steps != null && steps.text().containsKey("units"));
    }
  }

  private static Var coordinate(Map<String, Var> vars, String dimension) {
    Var c = vars.get(dimension);
    if (c == null || c.dims().length != 1 || c.type() < 3 || c.type() > 6) {
      throw new IllegalArgumentException(
          "dimension " + dimension + " has no numeric coordinate variable");
    }
    return c;
  }

  private static double[] values(FileChannel channel, Var c, List<Long> dimSizes)
      throws IOException {
    int count = Math.toIntExact(dimSizes.get(c.dims()[0]));
    int size =
        switch (c.type()) {
          case 3 -> 2;
          case 4, 5 -> 4;
          default -> 8;
        };
    ByteBuffer data = ByteBuffer.allocate(count * size);
    channel.read(data, c.begin());
    data.flip();
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] =
          switch (c.type()) {
            case 3 -> data.getShort();
            case 4 -> data.getInt();
            case 5 -> data.getFloat();
            default -> data.getDouble();
          };
    }
    return out;
  }

  /** Reads an attribute list, keeping the text ones (the units are all that is needed). */
  private static Map<String, String> attributes(ByteBuffer header) {
    Map<String, String> text = new HashMap<>();
    int tag = header.getInt();
    int n = header.getInt();
    for (int i = 0; i < n && tag == NC_ATTRIBUTE; i++) {
      String name = name(header);
      int type = header.getInt();
      int count = header.getInt();
      int size =
          switch (type) {
            case 1, 2 -> 1;
            case 3 -> 2;
            case 4, 5 -> 4;
            default -> 8;
          };
      byte[] bytes = new byte[count * size];
      header.get(bytes);
      skipPadding(header, bytes.length);
      if (type == 2) {
        text.put(name, new String(bytes, StandardCharsets.UTF_8).strip());
      }
    }
    return text;
  }

  private static String name(ByteBuffer header) {
    byte[] bytes = new byte[header.getInt()];
    header.get(bytes);
    skipPadding(header, bytes.length);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void skipPadding(ByteBuffer header, int length) {
    header.position(header.position() + (4 - length % 4) % 4);
  }
}
