package dev.terrace.engine.internal.rows;

import java.io.IOException;
import java.util.List;

/** A batch's input, read one row at a time so that a file of any size streams. */
public interface RowSource extends AutoCloseable {

  /**
   * The columns carried to the output, in order: a CSV's header, the first feature's property
   * names, or a GeoPackage table's columns but its key and geometry.
   */
  List<String> columns();

  /**
   * @return the next row (a malformed one carries its error), or null after the last
   */
  InputRow next() throws IOException;

  /**
   * @return the bytes of the file read so far, for the progress bar
   */
  long bytesRead();

  /**
   * @return what a row's {@link InputRow#line()} is, in messages: {@code "line"} in a text file
   */
  default String rowName() {
    return "line";
  }

  @Override
  void close() throws IOException;
}
