package dev.terrace.server;

/**
 * What the gatekeeper learned about one request, handed to the route through the request's context.
 */
final class Exchange {

  /** The metrics label of a request no route took. */
  static final String UNMATCHED = "unmatched";

  private final String requestId;
  private volatile Principal principal;
  private volatile String label;

  Exchange(String requestId, String label) {
    this.requestId = requestId;
    this.label = label;
  }

  String requestId() {
    return requestId;
  }

  Principal principal() {
    return principal;
  }

  /**
   * Whose jobs and webhooks the request reads and changes: the key's; without auth every caller
   * shares one owner, as they share everything else.
   */
  String owner() {
    String id = principal.id();
    return id.startsWith("ip:") ? "anonymous" : id;
  }

  void principal(Principal p) {
    principal = p;
  }

  /** The metrics label: the operation's name, a fixed route, or {@code unmatched}. */
  String label() {
    return label;
  }

  void label(String l) {
    label = l;
  }
}
