package dev.terrace.engine.internal.geotiff;

/**
 * Decodes the blocks of a compression scheme whose output is a block's samples rather than a byte
 * stream for the predictor and byte-order steps: JPEG and WebP decode whole pictures (and JPEG may
 * convert colour spaces), LERC decodes typed values together with a validity mask. Such a codec
 * also needs the image's tags (JPEGTables, LercParameters, the sample type), so it is handed the
 * layout.
 *
 * <p>The rules of {@link Decompressor} hold here too: implementations are shared by all reader
 * threads, treat the block as hostile, allocate in proportion to the block the layout implies,
 * always terminate, and report corrupt data only as {@link DecodeException}.
 */
interface SampleDecompressor {

  /**
   * Decodes one block.
   *
   * @param layout the image the block belongs to
   * @param src the buffer holding the compressed block
   * @param srcOff where the block starts
   * @param srcLen the block's length in bytes
   * @param rows the rows stored in this block (the last strip of an image may be short)
   * @return the block's samples, {@code layout.blockWidth() * rows * layout.samplesPerBlockPixel()}
   *     of them, pixel-interleaved, in the array type {@link
   *     dev.terrace.engine.internal.raster.Samples#allocate} gives the layout's sample type
   * @throws DecodeException if the block is corrupt or does not match the layout
   */
  Object decode(ImageLayout layout, byte[] src, int srcOff, int srcLen, int rows)
      throws DecodeException;
}
