package dev.terrace.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/**
 * Idempotent responses in memory, for a day and within a byte budget.
 *
 * <p>Every operation is a pure computation, so a replay only saves recomputing an answer: a
 * response lost to a restart or held by another instance costs a recomputation, never a wrong or
 * duplicated effect. That is why they are not written to the database, which would make every keyed
 * request wait on it.
 */
final class MemoryIdempotencyStore implements IdempotencyStore {

  private static final Duration KEEP = Duration.ofHours(24);

  private record Key(String owner, String key) {}

  private final Cache<Key, Recorded> responses;

  MemoryIdempotencyStore(long maxBytes) {
    responses =
        Caffeine.newBuilder()
            .expireAfterWrite(KEEP)
            .maximumWeight(maxBytes)
            .weigher(
                (Key k, Recorded r) -> r.body().length + k.owner().length() + k.key().length() + 64)
            // Upkeep on the writing thread: handing it to the common pool woke a thread for nearly
            // every request.
            .executor(Runnable::run)
            .build();
  }

  @Override
  public Optional<Recorded> find(String owner, String key) {
    return Optional.ofNullable(responses.getIfPresent(new Key(owner, key)));
  }

  @Override
  public void save(String owner, String key, Recorded response) {
    responses.asMap().putIfAbsent(new Key(owner, key), response);
  }
}
