package dev.terrace.engine.internal.io;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where the keys that sign an object's requests come from (see {@link ObjectStorage}). The
 * providers resolve on every signing and cache what they fetch themselves, so temporary keys (web
 * identity, roles) are renewed before they expire.
 */
final class StorageCredentials {

  /** Google's HMAC key for the XML API, in the names GDAL and the gcloud docs use. */
  static final String GOOGLE_ACCESS_ID = "GOOGLE_HMAC_ACCESS_ID";

  static final String GOOGLE_SECRET = "GOOGLE_HMAC_SECRET";

  /**
   * One default chain per profile ("" for none): each holds its own cache and profile file, so it
   * is built once rather than per source.
   */
  private static final Map<String, AwsCredentialsProvider> CHAINS = new ConcurrentHashMap<>();

  private StorageCredentials() {}

  /**
   * @return the provider of the keys, or null for anonymous reads
   * @throws IllegalStateException for {@code gs://} without an HMAC key in the options or the
   *     environment
   */
  static AwsCredentialsProvider of(ObjectLocation at, ObjectStorage storage) {
    if (storage.anonymous()) {
      return null;
    }
    if (storage.accessKeyId() != null) {
      return StaticCredentialsProvider.create(
          storage.sessionToken() == null
              ? AwsBasicCredentials.create(storage.accessKeyId(), storage.secretAccessKey())
              : AwsSessionCredentials.create(
                  storage.accessKeyId(), storage.secretAccessKey(), storage.sessionToken()));
    }
    if (at.google()) {
      String id = System.getenv(GOOGLE_ACCESS_ID);
      String secret = System.getenv(GOOGLE_SECRET);
      if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
        throw new IllegalStateException(
            "no HMAC key for "
                + at.bucket()
                + ": set "
                + GOOGLE_ACCESS_ID
                + " and "
                + GOOGLE_SECRET
                + ", or storage.anonymous for a public bucket");
      }
      return StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret));
    }
    String profile = storage.profile() == null ? "" : storage.profile();
    return CHAINS.computeIfAbsent(
        profile,
        p ->
            p.isEmpty()
                ? DefaultCredentialsProvider.builder().build()
                : DefaultCredentialsProvider.builder().profileName(p).build());
  }
}
