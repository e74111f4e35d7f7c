package dev.terrace.engine.internal.io;

import dev.terrace.engine.internal.io.Outcome.Fetched;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * Copies a successful body, or the wanted part of it, into an array sized from numbers that {@link
 * ResponseValidator} has already checked, so a hostile header cannot make it allocate more.
 */
final class BodyCollector extends OutcomeSubscriber {

  /** How the body relates to the bytes wanted. */
  enum Mode {
    /** The body is exactly {@code wanted} bytes. */
    EXACT,
    /** Skip {@code skip} bytes, keep {@code wanted}, then stop reading. */
    SLICE,
    /** Keep everything up to {@code limit} bytes; length unknown in advance. */
    GROW
  }

  /**
   * Which bytes of a body to keep; each factory sets only the numbers its mode uses.
   *
   * @param mode how the body relates to the bytes wanted
   * @param skip bytes to pass over before keeping any (SLICE only)
   * @param wanted bytes to keep (EXACT and SLICE)
   * @param limit most bytes to keep (GROW only)
   */
  record Keep(Mode mode, long skip, int wanted, long limit) {

    /**
     * @return keep a body of exactly {@code n} bytes; a longer one is invalid, a shorter one
     *     truncated
     */
    static Keep exactly(int n) {
      return new Keep(Mode.EXACT, 0, n, 0);
    }

    /**
     * @return keep {@code wanted} bytes after the first {@code skip}, and read no further
     */
    static Keep slice(long skip, int wanted) {
      return new Keep(Mode.SLICE, skip, wanted, 0);
    }

    /**
     * @return keep a body of unknown length, failing if it exceeds {@code limit} bytes
     */
    static Keep upTo(long limit) {
      return new Keep(Mode.GROW, 0, 0, limit);
    }
  }

  /**
   * A GROW buffer starts at most this large, so an undeclared small body does not cost the whole
   * limit.
   */
  private static final int INITIAL_GROW_BYTES = 64 * 1024;

  private final Keep keep;
  private final Function<byte[], Fetched> finish;
  private final RemoteFileErrors errors;
  private byte[] buf;
  private int filled;
  private long seen;

  /**
   * @param keep which bytes to keep
   * @param finish turns the kept bytes into the result
   * @param traffic counts the body bytes
   * @param errors names the source in failures
   */
  BodyCollector(
      Keep keep,
      Function<byte[], Fetched> finish,
      TrafficCounters traffic,
      RemoteFileErrors errors) {
    super(traffic);
    this.keep = keep;
    this.finish = finish;
    this.errors = errors;
    this.buf =
        new byte
            [keep.mode() == Mode.GROW
                ? (int) Math.min(keep.limit(), INITIAL_GROW_BYTES)
                : keep.wanted()];
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    if (keep.mode() == Mode.SLICE && keep.wanted() == 0) {
      // Nothing to keep: settle at once and leave the body unread.
      s.cancel();
      result.complete(finish.apply(buf));
      return;
    }
    super.onSubscribe(s);
  }

  @Override
  void consume(List<ByteBuffer> items) {
    for (ByteBuffer bb : items) {
      if (keep.mode() == Mode.SLICE && seen < keep.skip()) {
        int drop = (int) Math.min(bb.remaining(), keep.skip() - seen);
        bb.position(bb.position() + drop);
        seen += drop;
      }
      int n = bb.remaining();
      if (n == 0) {
        continue;
      }
      if (keep.mode() == Mode.GROW && filled + (long) n > buf.length) {
        if (filled + (long) n > keep.limit()) {
          fail(
              errors.io(
                  "server ignores Range and sends more than "
                      + keep.limit()
                      + " bytes without declaring the length; raise maxWholeBodyBytes or use a server that"
                      + " supports Range"));
          return;
        }
        buf =
            Arrays.copyOf(
                buf, (int) Math.min(keep.limit(), Math.max(filled + (long) n, buf.length * 2L)));
      }
      if (keep.mode() == Mode.EXACT && filled + n > keep.wanted()) {
        fail(errors.invalidResponse("body longer than the " + keep.wanted() + " bytes declared"));
        return;
      }
      int take = Math.min(n, buf.length - filled);
      bb.get(buf, filled, take);
      filled += take;
      seen += take;
      if (keep.mode() == Mode.SLICE && filled == keep.wanted()) {
        // Got what we came for: stop the download; the connection is dropped, memory stays bounded.
        stopReading();
        result.complete(finish.apply(buf));
        return;
      }
    }
  }

  @Override
  void bodyFailed(Throwable t) {
    if (t instanceof IOException) {
      String of = keep.mode() == Mode.GROW ? "?" : Integer.toString(keep.wanted());
      result.completeExceptionally(
          new TransientFailure(
              "connection failed after "
                  + filled
                  + " of "
                  + of
                  + " body bytes: "
                  + RemoteFileErrors.describe(t),
              t));
    } else {
      result.completeExceptionally(t);
    }
  }

  @Override
  void bodyEnded() {
    if (keep.mode() == Mode.GROW) {
      result.complete(finish.apply(filled == buf.length ? buf : Arrays.copyOf(buf, filled)));
    } else if (filled < keep.wanted()) {
      result.completeExceptionally(
          new TransientFailure(
              "body truncated after " + filled + " of " + keep.wanted() + " bytes", null));
    } else {
      result.complete(finish.apply(buf));
    }
  }
}
