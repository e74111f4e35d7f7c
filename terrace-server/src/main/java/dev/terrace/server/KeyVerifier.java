package dev.terrace.server;

import java.util.Optional;

/** Checks a presented API key. */
interface KeyVerifier {

  /**
   * The key's principal, or empty if the key is unknown or revoked. Implementations compare in
   * constant time.
   */
  Optional<Principal> verify(String presentedKey);
}
