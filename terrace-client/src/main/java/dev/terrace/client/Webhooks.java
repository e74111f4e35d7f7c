package dev.terrace.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook delivery came from the service: its {@code Terrace-Signature} header,
 * {@code t=<unix seconds>,v1=<hex>}, carries the HMAC-SHA256 of {@code t}, a dot and the body,
 * keyed with the webhook's secret, and {@code t} is recent. Verify the body exactly as received,
 * before parsing it: re-serialised JSON does not match.
 *
 * <pre>{@code
 * String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
 * String signature = exchange.getRequestHeaders().getFirst("Terrace-Signature");
 * if (!Webhooks.verify(body, signature, System.getenv("TERRACE_WEBHOOK_SECRET"), Duration.ofMinutes(5))) {
 *     exchange.sendResponseHeaders(400, -1);   // not from the service, or replayed late
 *     return;
 * }
 * }</pre>
 *
 * <p>A header may carry several {@code v1=} values (one per secret while a secret is being
 * replaced); any one matching is enough. Signatures are compared in constant time.
 */
public final class Webhooks {

  /** The header a delivery's signature travels in. */
  public static final String SIGNATURE_HEADER = "Terrace-Signature";

  private Webhooks() {}

  /**
   * Whether a delivery is signed with the secret, within {@code tolerance} of now.
   *
   * @param body the request body exactly as received
   * @param signatureHeader the {@code Terrace-Signature} header's value, or null when absent
   * @param secret the webhook's secret, {@code whsec_…}
   * @param tolerance how far the signed time may be from now, either way
   * @return true when a {@code v1} signature matches and the time is within tolerance; false for a
   *     missing or malformed header, a wrong signature or a stale time
   */
  public static boolean verify(
      String body, String signatureHeader, String secret, Duration tolerance) {
    return verify(body, signatureHeader, secret, tolerance, Clock.systemUTC());
  }

  /**
   * {@link #verify(String, String, String, Duration)} against another clock, for tests and for
   * replaying recorded deliveries.
   *
   * @param body the request body exactly as received
   * @param signatureHeader the {@code Terrace-Signature} header's value, or null when absent
   * @param secret the webhook's secret
   * @param tolerance how far the signed time may be from the clock's, either way
   * @param clock what now is
   * @return true when a {@code v1} signature matches and the time is within tolerance
   */
  public static boolean verify(
      String body, String signatureHeader, String secret, Duration tolerance, Clock clock) {
    if (body == null
        || signatureHeader == null
        || secret == null
        || secret.isEmpty()
        || tolerance == null) {
      return false;
    }
    Long t = null;
    List<String> candidates = new ArrayList<>();
    for (String part : signatureHeader.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = part.substring(0, eq).strip();
      String value = part.substring(eq + 1).strip();
      if (key.equals("t")) {
        if (t != null || !value.matches("\\d{1,18}")) {
          return false;
        }
        t = Long.parseLong(value);
      } else if (key.equals("v1")) {
        candidates.add(value.toLowerCase(Locale.ROOT));
      }
    }
    if (t == null || candidates.isEmpty()) {
      return false;
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - t);
    if (skew > tolerance.getSeconds()) {
      return false;
    }
    byte[] expected = hmacHex(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
    boolean matched = false;
    for (String candidate : candidates) {
      // Every candidate is compared, so that the time taken says nothing about which matched.
      matched |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
    }
    return matched;
  }

  private static String hmacHex(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
