package dev.terrace.engine.internal.stats;

/**
 * Which of the values tied for {@link Statistic#MAJORITY} or {@link Statistic#MINORITY} an
 * accumulator answers.
 */
public enum TieBreak {
  /** The lowest of the tied values. */
  LOWEST,
  /** The highest of the tied values. */
  HIGHEST
}
