package dev.terrace.engine.internal.io;

import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.raster.RasterNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A local file read with positional reads: no whole-file loads, and safe for concurrent readers
 * because {@link FileChannel#read(ByteBuffer, long)} does not move a shared position.
 */
public final class FileByteSource implements ByteSource {

  private final Path path;
  private final FileChannel channel;
  private final long length;
  private final String identity;

  private FileByteSource(Path path, FileChannel channel, long length, String identity) {
    this.path = path;
    this.channel = channel;
    this.length = length;
    this.identity = identity;
  }

  /**
   * Opens a file for reading.
   *
   * @param path the file
   * @return an open source; close it when done
   * @throws RasterNotFoundException if the file does not exist
   * @throws RasterIoException if it cannot be read
   */
  public static FileByteSource open(Path path) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
      FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
      String identity =
          path.toAbsolutePath().normalize()
              + "@"
              + attrs.size()
              + ":"
              + attrs.lastModifiedTime().toMillis();
      return new FileByteSource(path, channel, attrs.size(), identity);
    } catch (NoSuchFileException e) {
      throw new RasterNotFoundException("cannot open " + path + ": no such file", e);
    } catch (IOException e) {
      throw new RasterIoException("cannot open " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return path.toString();
  }

  @Override
  public String identity() {
    return identity;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public byte[] read(long offset, int length) {
    if (offset < 0 || length < 0 || offset + length > this.length) {
      throw new RasterIoException(
          path
              + ": read of "
              + length
              + " bytes at "
              + offset
              + " runs past the end of the file ("
              + this.length
              + " bytes)");
    }
    byte[] out = new byte[length];
    ByteBuffer buf = ByteBuffer.wrap(out);
    try {
      while (buf.hasRemaining()) {
        int n = channel.read(buf, offset + buf.position());
        if (n < 0) {
          throw new RasterIoException(
              path + ": file shrank while reading at " + (offset + buf.position()));
        }
      }
    } catch (IOException e) {
      throw new RasterIoException(
          "cannot read " + path + " at " + offset + ": " + e.getMessage(), e);
    }
    ReadTotals.countFileBytes(length);
    return out;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new RasterIoException("cannot close " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "FileByteSource[" + path + "]";
  }
}
