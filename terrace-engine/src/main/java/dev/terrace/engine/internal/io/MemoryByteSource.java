package dev.terrace.engine.internal.io;

import dev.terrace.engine.internal.raster.RasterIoException;
import java.util.Arrays;
import java.util.Objects;

/** A file held in memory: the sample datasets bundled in the jar, and tests that corrupt bytes. */
public final class MemoryByteSource implements ByteSource {

  private final String name;
  private final byte[] bytes;
  private final String identity;

  /**
   * @param name a name for messages, such as the resource path
   * @param bytes the content; not copied, so do not modify it afterwards
   */
  public MemoryByteSource(String name, byte[] bytes) {
    this.name = Objects.requireNonNull(name, "name");
    this.bytes = Objects.requireNonNull(bytes, "bytes");
    this.identity =
        "memory:" + name + "@" + Integer.toHexString(Arrays.hashCode(bytes)) + ":" + bytes.length;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String identity() {
    return identity;
  }

  @Override
  public long length() {
    return bytes.length;
  }

  @Override
  public byte[] read(long offset, int length) {
    if (offset < 0 || length < 0 || offset + length > bytes.length) {
      throw new RasterIoException(
          name
              + ": read of "
              + length
              + " bytes at "
              + offset
              + " runs past the end ("
              + bytes.length
              + " bytes)");
    }
    return Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
  }

  @Override
  public void close() {}
}
