package dev.terrace.engine.internal.io;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * What the body subscribers of {@link HttpByteSource} share: the result, the subscription, counting
 * every body byte received (kept or not, so the stats match what crossed the wire) and ignoring
 * signals once the result is settled. Signals come serially (Flow rules), so no locking.
 */
abstract class OutcomeSubscriber implements BodySubscriber<Outcome> {

  /** Settled at most once; later signals are dropped. */
  final CompletableFuture<Outcome> result = new CompletableFuture<>();

  private final TrafficCounters traffic;
  private Flow.Subscription subscription;

  /**
   * @param traffic counts the body bytes
   */
  OutcomeSubscriber(TrafficCounters traffic) {
    this.traffic = traffic;
  }

  @Override
  public final CompletionStage<Outcome> getBody() {
    return result;
  }

  /** Asks for the whole body; flow control would gain nothing, as every byte is copied at once. */
  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public final void onNext(List<ByteBuffer> items) {
    for (ByteBuffer bb : items) {
      traffic.countBodyBytes(bb.remaining());
    }
    if (!result.isDone()) {
      consume(items);
    }
  }

  @Override
  public final void onError(Throwable t) {
    if (!result.isDone()) {
      bodyFailed(t);
    }
  }

  @Override
  public final void onComplete() {
    if (!result.isDone()) {
      bodyEnded();
    }
  }

  /** Takes the next buffers of the body; called only while the result is unsettled. */
  abstract void consume(List<ByteBuffer> items);

  /** The connection failed before the body ended; called only while the result is unsettled. */
  abstract void bodyFailed(Throwable t);

  /** The body ended; called only while the result is unsettled. */
  abstract void bodyEnded();

  /** Stops the download: the connection is dropped rather than drained. */
  final void stopReading() {
    subscription.cancel();
  }

  /** Stops the download and fails the exchange. */
  final void fail(RuntimeException e) {
    stopReading();
    result.completeExceptionally(e);
  }
}
