package dev.terrace.server;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who sent a request: an API key's id and scopes, or an anonymous address when auth is off.
 *
 * @param id the key id, or {@code ip:ADDRESS} when anonymous; rate limits and idempotency keys are
 *     per id
 * @param scopes what the caller may do
 */
record Principal(String id, Set<Scope> scopes) {

  static Principal anonymous(String address) {
    return new Principal("ip:" + address, EnumSet.allOf(Scope.class));
  }

  boolean may(Scope scope) {
    return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
  }
}
