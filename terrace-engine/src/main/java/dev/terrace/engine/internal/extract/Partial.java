package dev.terrace.engine.internal.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What one {@link Part} of a polygon read from the request's first dataset: for each of that
 * dataset's results (one per timestamp) the measurement of the part's cells, nothing when the part
 * read none of them, or the failure that kept it from reading them. Partials of one polygon {@link
 * #merge} exactly, in any order, and travel as bytes ({@link #toBytes}) between the tiles that read
 * them and the row that gathers them.
 */
public final class Partial {

  /** How the encoding starts; a change of layout takes the next one. */
  private static final byte VERSION = 1;

  private static final byte NOTHING = 0;
  private static final byte MEASURED = 1;
  private static final byte FAILED = 2;

  private static final byte LOST = 3;

  private final Measurement[] measured;
  private final double[] outside;
  private final String[] failures;

  /** Why every result of the polygon is lost (a part not read at all), or null. */
  private String lost;

  private Partial(Measurement[] measured, String[] failures, String lost) {
    this.measured = measured;
    this.outside = new double[measured.length];
    this.failures = failures;
    this.lost = lost;
  }

  /**
   * @param results how many results the dataset answers the polygon with
   */
  static Partial of(int results) {
    return new Partial(new Measurement[results], new String[results], null);
  }

  /**
   * @param why why a part read nothing at all, such as its deadline passing first
   * @return a partial that makes every result of the polygon from the first dataset {@code
   *     missing}, whatever the other parts read
   */
  static Partial lost(String why) {
    return new Partial(new Measurement[0], new String[0], why);
  }

  /**
   * @return why every result of the polygon is lost, or null when each stands on its own
   */
  String lost() {
    return lost;
  }

  /**
   * @param outside the polygon's area beyond the raster's edge, counted by its home part alone
   */
  void measured(int result, Measurement m, double outside) {
    measured[result] = m;
    this.outside[result] = outside;
  }

  void failed(int result, String failure) {
    failures[result] = failure;
  }

  int results() {
    return measured.length;
  }

  /**
   * @return the measurement of every part merged so far, with the area beyond the raster's edge
   *     added last as reading the polygon whole adds it; null when none read anything
   */
  Measurement measurement(int result) {
    return measured[result] == null ? null : measured[result].plusMissing(outside[result]);
  }

  /**
   * @return why a part could not read the result, or null
   */
  String failure(int result) {
    return failures[result];
  }

  /**
   * Adds another part of the same polygon into this one; {@code other} is consumed.
   *
   * @throws IllegalStateException if the two answer different numbers of results: they are not
   *     parts of one polygon read with one request
   */
  public Partial merge(Partial other) {
    if (lost != null || other.lost != null) {
      return lost != null ? this : other;
    }
    if (other.results() != results()) {
      throw new IllegalStateException(
          "parts of one polygon answer "
              + results()
              + " and "
              + other.results()
              + " results: they were read with different requests");
    }
    for (int i = 0; i < measured.length; i++) {
      if (failures[i] == null) {
        failures[i] = other.failures[i];
      }
      Measurement o = other.measured[i];
      measured[i] = measured[i] == null ? o : o == null ? measured[i] : measured[i].plus(o);
      outside[i] += other.outside[i];
    }
    return this;
  }

  /**
   * @return the partial as bytes, every number exactly
   */
  public byte[] toBytes() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION);
      if (lost != null) {
        out.writeByte(LOST);
        out.writeUTF(lost);
        out.flush();
        return bytes.toByteArray();
      }
      out.writeByte(MEASURED);
      out.writeInt(measured.length);
      for (int i = 0; i < measured.length; i++) {
        if (failures[i] != null) {
          out.writeByte(FAILED);
          out.writeUTF(failures[i]);
        } else if (measured[i] != null) {
          out.writeByte(MEASURED);
          measured[i].writeTo(out);
          out.writeDouble(outside[i]);
        } else {
          out.writeByte(NOTHING);
        }
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param bytes what {@link #toBytes} wrote
   * @throws IOException if they are not a partial this version writes, or are cut short
   */
  public static Partial fromBytes(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IOException("not a partial of this version: " + version);
    }
    if (in.readByte() == LOST) {
      Partial p = lost(in.readUTF());
      if (in.available() > 0) {
        throw new IOException("corrupt partial: " + in.available() + " bytes left over");
      }
      return p;
    }
    int results = in.readInt();
    if (results < 0 || results > bytes.length) {
      throw new IOException("corrupt partial: " + results + " results");
    }
    Partial p = of(results);
    for (int i = 0; i < results; i++) {
      switch (in.readByte()) {
        case NOTHING -> {}
        case MEASURED -> {
          p.measured[i] = Measurement.readFrom(in);
          p.outside[i] = in.readDouble();
        }
        case FAILED -> p.failures[i] = in.readUTF();
        default -> throw new IOException("corrupt partial: unknown entry");
      }
    }
    if (in.available() > 0) {
      throw new IOException("corrupt partial: " + in.available() + " bytes left over");
    }
    return p;
  }
}
