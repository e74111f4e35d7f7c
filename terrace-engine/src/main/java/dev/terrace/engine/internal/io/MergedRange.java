package dev.terrace.engine.internal.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A run of requested ranges fetched with one request, and the planning that forms such runs. Pure
 * logic: no I/O, so the merge rules can be reasoned about apart from the network.
 *
 * @param start the first byte of the request
 * @param end one past the last byte of the request
 * @param members indexes into the caller's list of the ranges this request serves, in file order
 */
record MergedRange(long start, long end, List<Integer> members) {

  /**
   * Sorts ranges by offset and joins neighbours into requests.
   *
   * @param ranges the caller's ranges
   * @param indexes which of {@code ranges} to plan for
   * @param maxGapBytes neighbours at most this far apart share a request
   * @param maxMergedBytes no joined request is longer than this
   * @return the requests, in file order
   */
  static List<MergedRange> mergeNearby(
      List<ByteRange> ranges, List<Integer> indexes, int maxGapBytes, int maxMergedBytes) {
    List<Integer> sorted = new ArrayList<>(indexes);
    sorted.sort(Comparator.comparingLong(i -> ranges.get(i).offset()));
    List<MergedRange> merged = new ArrayList<>();
    long start = -1;
    long end = -1;
    List<Integer> members = null;
    for (int i : sorted) {
      ByteRange r = ranges.get(i);
      long newEnd = Math.max(end, r.end());
      // The gap test also accepts overlaps (negative gaps); the cap keeps one slow response from
      // holding
      // up many tiles and bounds the buffer.
      if (members != null && r.offset() - end <= maxGapBytes && newEnd - start <= maxMergedBytes) {
        end = newEnd;
        members.add(i);
      } else {
        if (members != null) {
          merged.add(new MergedRange(start, end, members));
        }
        start = r.offset();
        end = r.end();
        members = new ArrayList<>();
        members.add(i);
      }
    }
    if (members != null) {
      merged.add(new MergedRange(start, end, members));
    }
    return merged;
  }

  /**
   * @return the number of bytes to request; fits an int because the merge cap or a single range
   *     bounds it
   */
  int length() {
    return (int) (end - start);
  }

  /**
   * Hands each member its part of the fetched bytes.
   *
   * @param span the bytes {@code [start, end)}
   * @param ranges the caller's ranges, which {@link #members()} index
   * @param out where each member's bytes go, at its index
   */
  void sliceInto(byte[] span, List<ByteRange> ranges, byte[][] out) {
    if (members.size() == 1) {
      // A lone member is the whole span: hand over the array instead of copying it.
      out[members.get(0)] = span;
      return;
    }
    for (int i : members) {
      ByteRange r = ranges.get(i);
      int from = (int) (r.offset() - start);
      out[i] = Arrays.copyOfRange(span, from, from + r.length());
    }
  }
}
