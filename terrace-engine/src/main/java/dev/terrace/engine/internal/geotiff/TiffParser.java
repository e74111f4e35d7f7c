package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.raster.RasterFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the header and the chain of IFDs of a TIFF or BigTIFF in either byte order. Every count and
 * offset read from the file is checked against the file's length and a cap before anything is
 * allocated from it.
 */
final class TiffParser {

  /** More IFDs than this is a loop or garbage; real pyramids have a few dozen. */
  static final int MAX_IFDS = 1024;

  /** The largest tag array we accept: 16 million tile offsets, far beyond any real file. */
  static final long MAX_TAG_BYTES = 128L << 20;

  private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8};

  private final String file;
  private final HeaderBuffer header;
  private ByteOrder order;
  private boolean bigTiff;

  private TiffParser(ByteSource source) {
    this.file = source.name();
    this.header = new HeaderBuffer(source);
  }

  record Result(ByteOrder order, boolean bigTiff, List<Ifd> ifds) {}

  static Result parse(ByteSource source) {
    TiffParser p = new TiffParser(source);
    List<Ifd> ifds = p.readAll();
    return new Result(p.order, p.bigTiff, ifds);
  }

  private List<Ifd> readAll() {
    long first = readHeader();
    List<Ifd> ifds = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    long offset = first;
    while (offset != 0) {
      if (ifds.size() == MAX_IFDS) {
        throw new RasterFormatException(
            file + ": more than " + MAX_IFDS + " IFDs; the IFD chain is corrupt");
      }
      if (!seen.add(offset)) {
        throw new RasterFormatException(
            file + ", IFD " + ifds.size() + ": the IFD chain loops back to offset " + offset);
      }
      offset = readIfd(ifds.size(), offset, ifds);
    }
    if (ifds.isEmpty()) {
      throw new RasterFormatException(file + ": the TIFF holds no image (first IFD offset is 0)");
    }
    return ifds;
  }

  private long readHeader() {
    if (header.fileLength() < 8) {
      throw new RasterFormatException(
          file + ": " + header.fileLength() + " bytes is too short for a TIFF header");
    }
    ByteBuffer b = header.slice(0, 4);
    int magic = (b.get(0) & 0xFF) << 8 | (b.get(1) & 0xFF);
    if (magic == 0x4949) {
      order = ByteOrder.LITTLE_ENDIAN;
    } else if (magic == 0x4D4D) {
      order = ByteOrder.BIG_ENDIAN;
    } else {
      throw new RasterFormatException(
          file + ": not a TIFF (the file starts with neither II nor MM)");
    }
    header.order(order);
    int version = header.slice(2, 2).getShort() & 0xFFFF;
    if (version == 42) {
      return header.slice(4, 4).getInt() & 0xFFFFFFFFL;
    }
    if (version == 43) {
      bigTiff = true;
      if (header.fileLength() < 16) {
        throw new RasterFormatException(file + ": too short for a BigTIFF header");
      }
      ByteBuffer bb = header.slice(4, 12);
      int offsetSize = bb.getShort() & 0xFFFF;
      if (offsetSize != 8) {
        throw new RasterFormatException(
            file + ": BigTIFF offset size is " + offsetSize + ", expected 8");
      }
      bb.getShort();
      return bb.getLong();
    }
    throw new RasterFormatException(
        file + ": TIFF version " + version + " is neither 42 (TIFF) nor 43 (BigTIFF)");
  }

  /**
   * Reads one IFD into {@code out} and returns the offset of the next (0 at the end of the chain).
   */
  private long readIfd(int index, long offset, List<Ifd> out) {
    String where = file + ", IFD " + index;
    int countSize = bigTiff ? 8 : 2;
    int entrySize = bigTiff ? 20 : 12;
    int offsetSize = bigTiff ? 8 : 4;
    requireInFile(where, "its offset", offset, countSize);
    long n =
        bigTiff ? header.slice(offset, 8).getLong() : header.slice(offset, 2).getShort() & 0xFFFF;
    if (n <= 0 || n > 4096) {
      throw new RasterFormatException(
          where + ": implausible entry count " + n + " at offset " + offset);
    }
    long tableBytes = n * entrySize + offsetSize;
    requireInFile(where, "its entry table", offset + countSize, tableBytes);
    ByteBuffer table = header.slice(offset + countSize, (int) tableBytes);
    Map<Integer, Supplier<TiffEntry>> entries = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int tag = table.getShort() & 0xFFFF;
      int type = table.getShort() & 0xFFFF;
      long count = bigTiff ? table.getLong() : table.getInt() & 0xFFFFFFFFL;
      int valuePos = table.position();
      table.position(valuePos + offsetSize);
      if (TiffTag.isKnown(tag)) {
        entries.put(tag, readEntry(where, index, tag, type, count, table, valuePos, offsetSize));
      }
    }
    long next = bigTiff ? table.getLong() : table.getInt() & 0xFFFFFFFFL;
    out.add(new Ifd(file, index, entries));
    if (next != 0 && (next < 8 || next >= header.fileLength())) {
      // A dangling next-IFD pointer after a good image: libtiff warns and stops, and so do we.
      return 0;
    }
    return next;
  }

  /**
   * Locates an entry's values and decodes them, except that the block offset and size arrays of
   * images after the first are decoded on first use: a COG stores them past the first IFD's, and a
   * reader that never touches the overviews should not pay a request for them.
   */
  private Supplier<TiffEntry> readEntry(
      String where,
      int index,
      int tag,
      int type,
      long count,
      ByteBuffer table,
      int valuePos,
      int offsetSize) {
    int size = type < TYPE_SIZES.length ? TYPE_SIZES[type] : 0;
    if (size == 0) {
      throw new RasterFormatException(
          where + ": " + TiffTag.describe(tag) + " has unknown field type " + type);
    }
    if (count < 0 || count > MAX_TAG_BYTES / size) {
      throw new RasterFormatException(
          where
              + ": "
              + TiffTag.describe(tag)
              + " claims "
              + count
              + " values, more than the "
              + (MAX_TAG_BYTES >> 20)
              + " MiB a tag may hold");
    }
    int bytes = (int) (count * size);
    if (bytes <= offsetSize) {
      TiffEntry inline =
          decode(
              tag,
              type,
              count,
              table.duplicate().order(order).position(valuePos).slice().order(order));
      return () -> inline;
    }
    long at = offsetSize == 8 ? table.getLong(valuePos) : table.getInt(valuePos) & 0xFFFFFFFFL;
    requireInFile(where, TiffTag.describe(tag), at, bytes);
    if (index > 0 && TiffTag.isBlockArray(tag)) {
      return () -> decode(tag, type, count, header.slice(at, bytes));
    }
    TiffEntry now = decode(tag, type, count, header.slice(at, bytes));
    return () -> now;
  }

  private static TiffEntry decode(int tag, int type, long count, ByteBuffer values) {
    int n = (int) count;
    return switch (type) {
      case 2 -> new TiffEntry(tag, type, count, null, null, ascii(values, n));
      case 5, 10 -> new TiffEntry(tag, type, count, null, rationals(values, n, type == 10), null);
      case 11 -> {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = values.getFloat();
        }
        yield new TiffEntry(tag, type, count, null, d, null);
      }
      case 12 -> {
        double[] d = new double[n];
        values.asDoubleBuffer().get(d);
        yield new TiffEntry(tag, type, count, null, d, null);
      }
      default -> new TiffEntry(tag, type, count, integers(values, n, type), null, null);
    };
  }

  private static long[] integers(ByteBuffer b, int n, int type) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] =
          switch (type) {
            case 1, 7 -> b.get() & 0xFF;
            case 6 -> b.get();
            case 3 -> b.getShort() & 0xFFFF;
            case 8 -> b.getShort();
            case 4, 13 -> b.getInt() & 0xFFFFFFFFL;
            case 9 -> b.getInt();
            default -> b.getLong();
          };
    }
    return out;
  }

  private static double[] rationals(ByteBuffer b, int n, boolean signed) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      long num = signed ? b.getInt() : b.getInt() & 0xFFFFFFFFL;
      long den = signed ? b.getInt() : b.getInt() & 0xFFFFFFFFL;
      out[i] = (double) num / den;
    }
    return out;
  }

  private static String ascii(ByteBuffer b, int n) {
    byte[] raw = new byte[n];
    b.get(raw);
    int end = n;
    while (end > 0 && raw[end - 1] == 0) {
      end--;
    }
    return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
  }

  private void requireInFile(String where, String what, long offset, long bytes) {
    if (offset < 0 || bytes < 0 || offset + bytes > header.fileLength()) {
      throw new RasterFormatException(
          where
              + ": "
              + what
              + " at offset "
              + offset
              + " (+"
              + bytes
              + " bytes) lies past the end of the file ("
              + header.fileLength()
              + " bytes)");
    }
  }
}
