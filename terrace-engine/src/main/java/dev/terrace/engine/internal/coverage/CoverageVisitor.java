package dev.terrace.engine.internal.coverage;

/** Receives the coverage of a polygon one block of rows at a time, top row first. */
@FunctionalInterface
public interface CoverageVisitor {

  /**
   * Called once per block, in increasing row order.
   *
   * @param block the block's window and coverage; the object and its array are reused for the next
   *     block, so copy ({@link CoverageBlock#copy()}) whatever must outlive this call
   */
  void block(CoverageBlock block);
}
