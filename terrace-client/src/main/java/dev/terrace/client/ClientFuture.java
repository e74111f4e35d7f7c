package dev.terrace.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The futures the asynchronous client returns: plain {@link CompletableFuture}s whose default
 * executor is the client's, so that {@code thenApplyAsync(...)} and friends without an executor
 * never run on the common pool, and so do the futures derived from them.
 */
final class ClientFuture<T> extends CompletableFuture<T> {

  private final Executor executor;

  ClientFuture(Executor executor) {
    this.executor = executor;
  }

  @Override
  public Executor defaultExecutor() {
    return executor;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new ClientFuture<>(executor);
  }
}
