package dev.terrace.engine.internal.preview;

/** How a cell's value becomes a pixel's colour. */
interface Colouring {

  /**
   * @param value a cell's physical value (scale and offset applied), never nodata
   * @return an ARGB colour; 0 for transparent
   */
  int argb(double value);

  /**
   * A ramp stretched over a range.
   *
   * @param ramp the ramp
   * @param min the value of its first colour
   * @param max the value of its last colour
   */
  record Stretched(Ramp ramp, double min, double max) implements Colouring {
    @Override
    public int argb(double value) {
      return ramp.argb(value, min, max);
    }
  }

  /**
   * Class codes looked up in a table.
   *
   * @param table ARGB colours by class code, from 0; codes beyond it are transparent
   */
  record ByClass(int[] table) implements Colouring {
    @Override
    public int argb(double value) {
      int code = (int) value;
      return code == value && code >= 0 && code < table.length ? table[code] : 0;
    }
  }
}
