package dev.terrace.engine.internal.stats;

/**
 * Neumaier's compensated summation, as a helper rather than an object so that the hot loops keep
 * the running sum and its compensation in fields or locals and allocate nothing. A sum is the pair
 * (s, c) and its value {@link #value s + c}; adding x is {@code t = s + x; c += error(s, x, t); s =
 * t}.
 *
 * <p>Why compensated: partial sums per tile are added in whatever order tiles finish, and a plain
 * float64 sum of ten million terms drifts by up to n·ε with the order. With the compensation the
 * result is the exact sum rounded once, up to about ε·|sum| plus n·ε²·Σ|x|: merge order stops
 * mattering at 1e-12 relative.
 */
final class Compensated {

  private Compensated() {}

  /**
   * @param s the running sum before the addition
   * @param x the term added
   * @param t {@code s + x} as rounded
   * @return the rounding error of {@code t}, exactly (Neumaier's branch on magnitude, which stays
   *     exact when the term is larger than the sum, where Kahan's loses it)
   */
  static double error(double s, double x, double t) {
    return Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
  }

  /**
   * @param s the running sum
   * @param c its accumulated compensation
   * @return the sum; an infinite running sum is returned as is, since its compensation is NaN (inf
   *     − inf)
   */
  static double value(double s, double c) {
    return Double.isFinite(s) ? s + c : s;
  }
}
