package dev.terrace.engine.internal.preview;

/** The fully transparent tile of each size, encoded once. */
final class EmptyTiles {

  private static final PreviewTile ONE = empty(TileAddress.SIZE);
  private static final PreviewTile TWO = empty(2 * TileAddress.SIZE);

  private EmptyTiles() {}

  static PreviewTile of(int size) {
    return size == TileAddress.SIZE ? ONE : TWO;
  }

  private static PreviewTile empty(int size) {
    byte[] png = Png.encode(new int[size * size], size);
    return new PreviewTile(png, Previews.etag(png), true);
  }
}
