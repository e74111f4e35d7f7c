package dev.terrace.engine.internal.io;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An object in a bucket, {@code s3://bucket/key} or {@code gs://bucket/key}, and the HTTPS URL it
 * is read from.
 *
 * @param google true for {@code gs://}, read through Google Cloud Storage's S3-compatible XML API
 * @param bucket the bucket's name
 * @param key the object's key, as stored (not percent-encoded)
 */
record ObjectLocation(boolean google, String bucket, String key) {

  /**
   * Wider than either store's rules (GCS allows '_'), narrow enough that it is only a host label.
   */
  private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private static final String GOOGLE = "https://storage.googleapis.com";

  /**
   * @return whether {@code location} is an {@code s3://} or {@code gs://} location
   */
  static boolean isObject(String location) {
    String lower = location.toLowerCase(Locale.ROOT);
    return lower.startsWith("s3://") || lower.startsWith("gs://");
  }

  /**
   * Reads a location as people write it, the key as is: {@code s3://b/a b+c.tif} is the key {@code
   * a b+c.tif}, as for the AWS command line and GDAL.
   *
   * @throws IllegalArgumentException if it is not {@code s3://} or {@code gs://}, or names no
   *     bucket or no key
   */
  static ObjectLocation parse(String location) {
    if (!isObject(location)) {
      throw new IllegalArgumentException(
          "not an s3:// or gs:// location: " + RemoteNames.display(location));
    }
    boolean google = location.regionMatches(true, 0, "gs", 0, 2);
    String rest = location.substring(5);
    int slash = rest.indexOf('/');
    return of(
        google,
        slash < 0 ? rest : rest.substring(0, slash),
        slash < 0 ? "" : rest.substring(slash + 1),
        location);
  }

  /**
   * Reads a URI, whose path is percent-encoded: {@code s3://b/a%20b.tif} is the key {@code a
   * b.tif}.
   *
   * @throws IllegalArgumentException as {@link #parse(String)}
   */
  static ObjectLocation of(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("s3") && !scheme.equals("gs") || uri.getRawAuthority() == null) {
      throw new IllegalArgumentException(
          "not an s3:// or gs:// location: " + RemoteNames.display(uri.toString()));
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    return of(
        scheme.equals("gs"),
        uri.getAuthority(),
        path.startsWith("/") ? path.substring(1) : path,
        uri.toString());
  }

  private static ObjectLocation of(boolean google, String bucket, String key, String written) {
    if (!BUCKET.matcher(bucket).matches()) {
      // Not quoted back: what stands there may be user info, a password.
      throw new IllegalArgumentException(
          RemoteNames.display(written)
              + ": a bucket name has letters, digits, '.', '-' and '_' only");
    }
    if (key.isEmpty()) {
      throw new IllegalArgumentException(
          RemoteNames.display(written) + " names a bucket but no object in it");
    }
    return new ObjectLocation(google, bucket, key);
  }

  /**
   * @return this location with {@code suffix} added to the key, for the files beside it
   */
  ObjectLocation plus(String suffix) {
    return new ObjectLocation(google, bucket, key + suffix);
  }

  /**
   * The object's URL: on Google, {@code https://storage.googleapis.com/bucket/key}; on AWS, {@code
   * https://bucket.s3.REGION.amazonaws.com/key} ({@code https://s3.REGION.amazonaws.com/bucket/key}
   * in path style, and for bucket names with dots, which a virtual host's certificate does not
   * cover); with an endpoint, {@code ENDPOINT/bucket/key} in path style, else the bucket before the
   * endpoint's host.
   *
   * @param region the region the bucket is in, or null for AWS's global endpoint (which answers
   *     where a bucket is)
   */
  URI url(ObjectStorage storage, String region) {
    return URI.create(base(storage, region) + encode(key));
  }

  /**
   * @return the bucket's URL, for asking where it is
   */
  URI bucketUrl(ObjectStorage storage) {
    return URI.create(base(storage, null));
  }

  /** Everything up to the key, ending with '/'. */
  private String base(ObjectStorage storage, String region) {
    URI endpoint = storage.endpoint();
    if (endpoint == null) {
      if (google) {
        return GOOGLE + "/" + bucket + "/";
      }
      String host =
          region == null
              ? "s3.amazonaws.com"
              : "s3."
                  + region
                  + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com");
      return storage.usesPathStyle() || bucket.contains(".")
          ? "https://" + host + "/" + bucket + "/"
          : "https://" + bucket + "." + host + "/";
    }
    String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
    String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
    if (google || storage.usesPathStyle()) {
      return endpoint.getScheme() + "://" + endpoint.getHost() + port + prefix + "/" + bucket + "/";
    }
    return endpoint.getScheme() + "://" + bucket + "." + endpoint.getHost() + port + prefix + "/";
  }

  /** Percent-encodes a key as S3 does: every UTF-8 byte but the unreserved characters and '/'. */
  static String encode(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~'
          || c == '/') {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /**
   * @return {@code s3://bucket/key} or {@code gs://bucket/key}
   */
  @Override
  public String toString() {
    return (google ? "gs://" : "s3://") + bucket + "/" + key;
  }
}
