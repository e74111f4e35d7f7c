package dev.terrace.engine.geotiff;

/**
 * The values of the TIFF Compression tag that the reader can decode. Anything else is rejected when the
 * image is opened, with {@link #describe(int)} naming the scheme, because "compression 34887" means
 * nothing to most users while "34887 (LERC)" tells them to re-encode the file.
 */
enum Compression {
  NONE(1, new NoCompression()),
  LZW(5, new LzwDecompressor()),
  DEFLATE(8, DeflateDecoders.FASTEST),
  /** The code libtiff used for zlib data before Adobe registered code 8; the data is the same. */
  DEFLATE_OLD(32946, DeflateDecoders.FASTEST),
  PACKBITS(32773, new PackBitsDecompressor()),
  ZSTD(50000, new ZstdBlockDecompressor());

  private final int code;
  private final Decompressor decompressor;

  Compression(int code, Decompressor decompressor) {
    this.code = code;
    this.decompressor = decompressor;
  }

  /** The value of the Compression tag. */
  int code() {
    return code;
  }

  /** The decoder for blocks of this scheme; it is thread-safe and shared. */
  Decompressor decompressor() {
    return decompressor;
  }

  /**
   * Looks up a Compression tag value.
   *
   * @param code the tag value
   * @return the scheme, or {@code null} if the reader does not support it
   */
  static Compression forCode(int code) {
    for (Compression c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    return null;
  }

  /**
   * Names a Compression tag value for error messages, supported or not.
   *
   * @param code the tag value
   * @return the value followed by the scheme's name in parentheses if it is a well-known one, e.g.
   *     {@code "7 (JPEG)"}; otherwise just the value
   */
  static String describe(int code) {
    String name = switch (code) {
      case 1 -> "none";
      case 2 -> "CCITT RLE";
      case 3 -> "CCITT Group 3 fax";
      case 4 -> "CCITT Group 4 fax";
      case 5 -> "LZW";
      case 6 -> "old-style JPEG";
      case 7 -> "JPEG";
      case 8, 32946 -> "Deflate";
      case 32773 -> "PackBits";
      case 34661 -> "JBIG";
      case 34712 -> "JPEG 2000";
      case 34887 -> "LERC";
      case 34925 -> "LZMA";
      case 50000 -> "ZSTD";
      case 50001 -> "WebP";
      case 50002, 52546 -> "JPEG XL";
      default -> null;
    };
    return name == null ? Integer.toString(code) : code + " (" + name + ")";
  }
}
