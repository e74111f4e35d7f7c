package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a webhook delivery stands.
 *
 * <p>On the wire as {@link #wireName()}; {@link #of(String)} reads it back, ignoring case.
 */
public enum WebhookDeliveryStatus {
  /** Not delivered yet: the next attempt is due at the delivery's {@code next_attempt_at}. */
  PENDING("pending"),

  /** The receiver answered an attempt with a 2xx status. */
  DELIVERED("delivered"),

  /** Every attempt failed and the service has given up retrying. */
  FAILED("failed");

  private final String wireName;

  WebhookDeliveryStatus(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name used in JSON.
   *
   * @return for example {@code "delivered"}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a wire name, ignoring case and surrounding blanks.
   *
   * @param value the wire name, for example {@code "pending"}
   * @return the constant
   * @throws IllegalArgumentException if {@code value} is null or unknown; the message lists the
   *     valid values
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static WebhookDeliveryStatus of(String value) {
    return Wire.lookup(values(), WebhookDeliveryStatus::wireName, value, "status");
  }

  /**
   * The wire name.
   *
   * @return {@link #wireName()}
   */
  @Override
  public String toString() {
    return wireName;
  }
}
