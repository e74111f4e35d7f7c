package dev.terrace.engine.internal.geotiff;

/**
 * The values of the TIFF Compression tag that the reader can decode. Anything else is rejected when
 * the image is opened, with {@link #describe(int)} naming the scheme, because "compression 50002"
 * means nothing to most users while "50002 (JPEG XL)" tells them to re-encode the file.
 *
 * <p>Most schemes turn a block into bytes that the predictor and byte-order steps then make into
 * samples ({@link #decompressor()}); JPEG, WebP and LERC produce the samples themselves ({@link
 * #sampleDecompressor()}), and exactly one of the two is non-null.
 */
enum Compression {
  NONE(1, new NoCompression()),
  LZW(5, new LzwDecompressor()),
  DEFLATE(8, DeflateDecoders.FASTEST),
  /** The code libtiff used for zlib data before Adobe registered code 8; the data is the same. */
  DEFLATE_OLD(32946, DeflateDecoders.FASTEST),
  PACKBITS(32773, new PackBitsDecompressor()),
  ZSTD(50000, new ZstdBlockDecompressor()),
  LZMA(34925, new LzmaDecompressor()),
  JPEG(7, JpegDecoders.FASTEST),
  WEBP(50001, new WebpDecompressor()),
  LERC(34887, new LercDecompressor());

  private final int code;
  private final Decompressor decompressor;
  private final SampleDecompressor sampleDecompressor;

  Compression(int code, Decompressor decompressor) {
    this.code = code;
    this.decompressor = decompressor;
    this.sampleDecompressor = null;
  }

  Compression(int code, SampleDecompressor sampleDecompressor) {
    this.code = code;
    this.decompressor = null;
    this.sampleDecompressor = sampleDecompressor;
  }

  /** The value of the Compression tag. */
  int code() {
    return code;
  }

  /**
   * The decoder for blocks of this scheme if it decodes to bytes, else null; it is thread-safe and
   * shared.
   */
  Decompressor decompressor() {
    return decompressor;
  }

  /**
   * The decoder for blocks of this scheme if it decodes to samples, else null; thread-safe and
   * shared.
   */
  SampleDecompressor sampleDecompressor() {
    return sampleDecompressor;
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
    String name =
        switch (code) {
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
