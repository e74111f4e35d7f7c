package dev.terrace.engine.geotiff;

import dev.terrace.engine.io.ByteSource;
import dev.terrace.engine.raster.RasterIoException;
import java.util.Arrays;

/** A file held in memory, for tests that corrupt bytes. */
final class BytesSource implements ByteSource {

  private final String name;
  private final byte[] bytes;

  BytesSource(String name, byte[] bytes) {
    this.name = name;
    this.bytes = bytes;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String identity() {
    return name + "@" + System.identityHashCode(bytes);
  }

  @Override
  public long length() {
    return bytes.length;
  }

  @Override
  public byte[] read(long offset, int length) {
    if (offset < 0 || offset + length > bytes.length) {
      throw new RasterIoException(name + ": read past the end");
    }
    return Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
  }

  @Override
  public void close() {}
}
