package dev.terrace.server;

import java.util.Optional;

/** The first response to each {@code Idempotency-Key}, kept so that a retry replays it. */
interface IdempotencyStore {

  /**
   * A stored response.
   *
   * @param requestHash the SHA-256 of the operation and body that produced it, hex
   * @param status its HTTP status
   * @param body its JSON body
   */
  record Recorded(String requestHash, int status, byte[] body) {}

  /** The response recorded for this caller's key, if any. */
  Optional<Recorded> find(String owner, String key);

  /** Records a response; when the key is already recorded, keeps the first. */
  void save(String owner, String key, Recorded response);
}
