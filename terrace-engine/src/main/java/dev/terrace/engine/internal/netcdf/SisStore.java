package dev.terrace.engine.internal.netcdf;

import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterIoException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.sis.coverage.SampleDimension;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.apache.sis.storage.StorageConnector;
import org.apache.sis.storage.netcdf.NetcdfStoreProvider;

/**
 * An open SIS netCDF store and what we take from it: the variable's resource, the attributes, and a
 * clear exception when something is wrong. Owns the temporary copy of an in-memory file and deletes
 * it on close.
 */
final class SisStore implements AutoCloseable {

  private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F'};

  private final String name;
  private final DataStore store;
  private final Path path;
  private final Path temp;

  private SisStore(String name, DataStore store, Path path, Path temp) {
    this.name = name;
    this.store = store;
    this.path = path;
    this.temp = temp;
  }

  /**
   * @return the file SIS reads, for what it does not expose (a variable's coordinates when it gives
   *     none)
   */
  Path path() {
    return path;
  }

  /**
   * A variable: the SIS resource holding it, its index among the resource's sample dimensions, its
   * grid.
   */
  record Variable(GridCoverageResource resource, int sampleDimension, GridGeometry geometry) {

    /**
     * @param dims the number of grid dimensions
     * @return the {@link java.awt.image.DataBuffer} type SIS stores the raw samples in
     * @throws DataStoreException if SIS cannot read the first cell
     */
    int rawDataType(int dims) throws DataStoreException {
      return BlockReader.rawDataType(resource, sampleDimension, geometry, dims);
    }
  }

  /**
   * @param name the file's name for messages
   * @param path the file to read
   * @return the open store
   * @throws RasterIoException if the file cannot be read
   * @throws RasterFormatException if it is not a netCDF-3 file SIS can open
   */
  static SisStore open(String name, Path path) {
    return open(name, path, null);
  }

  /**
   * Opens a file held in memory: SIS reads netCDF only from files, so the bytes go to a temporary
   * file that {@link #close()} deletes.
   *
   * @param name the file's name for messages
   * @param content the file's bytes
   * @return the open store
   * @throws RasterIoException if the temporary file cannot be written
   * @throws RasterFormatException if the bytes are not a netCDF-3 file SIS can open
   */
  static SisStore openCopy(String name, byte[] content) {
    Path temp;
    try {
      temp = Files.createTempFile("terrace-", ".nc");
    } catch (IOException e) {
      throw new RasterIoException(
          name + ": cannot create a temporary copy to read: " + e.getMessage(), e);
    }
    try {
      Files.write(temp, content);
    } catch (IOException e) {
      delete(temp);
      throw new RasterIoException(
          name + ": cannot write a temporary copy to read: " + e.getMessage(), e);
    }
    return open(name, temp, temp);
  }

  /** Opens a file, deleting {@code temp} (if not null) when opening fails or, later, on close. */
  private static SisStore open(String name, Path path, Path temp) {
    try {
      checkSignature(name, path);
      StorageConnector connector = new StorageConnector(path);
      return new SisStore(name, new NetcdfStoreProvider().open(connector), path, temp);
    } catch (DataStoreException e) {
      delete(temp);
      String message = name + ": cannot be read as a netCDF-3 file: " + e.getMessage();
      throw isIoFailure(e)
          ? new RasterIoException(message, e)
          : new RasterFormatException(message, e);
    } catch (RuntimeException e) {
      delete(temp);
      throw e;
    }
  }

  /** Names the format when it is not netCDF-3, rather than leaving SIS to guess. */
  private static void checkSignature(String name, Path path) {
    byte[] head = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, 4);
    } catch (IOException e) {
      throw new RasterIoException(name + ": cannot read the netCDF file: " + e.getMessage(), e);
    }
    if (Arrays.equals(head, HDF5)) {
      throw new RasterFormatException(
          name
              + " is a netCDF-4 (HDF5) file; only netCDF-3 files (classic and 64-bit "
              + "offset) can be read");
    }
    if (n < 4
        || head[0] != 'C'
        || head[1] != 'D'
        || head[2] != 'F'
        || (head[3] != 1 && head[3] != 2)) {
      throw new RasterFormatException(
          name
              + " is not a netCDF-3 file: it does not start with the bytes CDF 1 "
              + "(classic) or CDF 2 (64-bit offset)");
    }
  }

  /**
   * @param variable the variable's name
   * @return the variable
   * @throws RasterFormatException if the file has no gridded variable of that name, listing those
   *     it has
   */
  Variable variable(String variable) {
    List<String> gridded = new ArrayList<>();
    try {
      if (store instanceof Aggregate aggregate) {
        for (Resource r : aggregate.components()) {
          if (r instanceof GridCoverageResource g) {
            List<SampleDimension> dims = g.getSampleDimensions();
            for (int i = 0; i < dims.size(); i++) {
              String n = dims.get(i).getName().toString();
              if (n.equals(variable)) {
                return new Variable(g, i, g.getGridGeometry());
              }
              gridded.add(n);
            }
          }
        }
      }
    } catch (DataStoreException e) {
      throw new RasterFormatException(
          name + ": cannot list the variables to find \"" + variable + "\": " + e.getMessage(), e);
    }
    List<String> others = new ArrayList<>(attributes().names());
    others.removeAll(gridded);
    String problem =
        others.remove(variable)
            ? "variable \"" + variable + "\" is not a gridded (y, x) variable"
            : "has no variable \"" + variable + "\"";
    throw new RasterFormatException(
        name
            + ": "
            + problem
            + "; its gridded variables: "
            + (gridded.isEmpty() ? "none" : String.join(", ", gridded))
            + (others.isEmpty() ? "" : " (other variables: " + String.join(", ", others) + ")"));
  }

  /**
   * @return every variable's attributes
   */
  CfAttributes attributes() {
    try {
      return store
          .getNativeMetadata()
          .map(CfAttributes::of)
          .orElseThrow(
              () -> new RasterFormatException(name + ": SIS gives no attributes for the file"));
    } catch (DataStoreException e) {
      throw new RasterFormatException(name + ": cannot read the attributes: " + e.getMessage(), e);
    }
  }

  /**
   * @return the object to hold while SIS reads
   */
  Object lock() {
    return store;
  }

  /**
   * @return whether a failure came from reading bytes (worth retrying) rather than from their
   *     content
   */
  static boolean isIoFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException && !(t instanceof java.io.EOFException)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Closes the store and deletes the temporary copy; failures to do so are not the caller's
   * problem.
   */
  @Override
  public void close() {
    try {
      store.close();
    } catch (DataStoreException e) {
      // The store was read-only; nothing is lost by a failed close.
    } finally {
      delete(temp);
    }
  }

  private static void delete(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // A leftover temporary file is harmless; failing the caller for it is not.
    }
  }
}
