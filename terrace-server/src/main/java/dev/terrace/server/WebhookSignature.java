package dev.terrace.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed: HMAC-SHA256, keyed with the webhook's secret, over the attempt's Unix
 * time in seconds, a dot and the body, sent as {@code Terrace-Signature: t=<seconds>,v1=<hex>}. The
 * time is signed so that a receiver can refuse a recorded delivery replayed later; the SDK's {@code
 * Webhooks.verify} checks both.
 */
final class WebhookSignature {

  /** The header carrying the signature. */
  static final String HEADER = "Terrace-Signature";

  private WebhookSignature() {}

  /**
   * @return the header's value for this body sent at {@code epochSeconds}
   */
  static String header(String secret, long epochSeconds, String body) {
    return "t=" + epochSeconds + ",v1=" + hex(secret, epochSeconds + "." + body);
  }

  /**
   * @return HMAC-SHA256 of {@code signed} under {@code secret}, both UTF-8, in lower-case hex
   */
  static String hex(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
