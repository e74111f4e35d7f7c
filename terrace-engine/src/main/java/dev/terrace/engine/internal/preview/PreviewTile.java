package dev.terrace.engine.internal.preview;

/**
 * A rendered preview tile.
 *
 * @param png the PNG file
 * @param etag a strong entity tag of its bytes, quoted
 * @param empty whether no pixel holds data (the tile lies outside the dataset)
 */
public record PreviewTile(byte[] png, String etag, boolean empty) {}
