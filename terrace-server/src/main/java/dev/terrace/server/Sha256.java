package dev.terrace.server;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: how API keys are stored and idempotent requests are recognised. */
final class Sha256 {

  /** Cloned for each digest, which skips the provider lookup that getInstance repeats. */
  private static final MessageDigest PROTOTYPE;

  static {
    try {
      PROTOTYPE = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private Sha256() {}

  /**
   * @return the digest of the parts, one after the other, in hex
   */
  static String hex(byte[]... parts) {
    MessageDigest sha;
    try {
      sha = (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
    for (byte[] part : parts) {
      sha.update(part);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
