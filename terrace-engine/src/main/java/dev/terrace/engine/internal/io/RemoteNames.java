package dev.terrace.engine.internal.io;

/**
 * How a remote source is named wherever people or machines read the name: messages, warnings,
 * {@code toString}, breakers and metrics. A URL's query may carry a signature ({@code
 * X-Amz-Signature}, {@code X-Goog-Signature}, an Azure SAS {@code sig}) and its user info a
 * password, both as good as a key to whoever reads the log, so both are cut off.
 */
public final class RemoteNames {

  private RemoteNames() {}

  /**
   * @param url a URL or an object's location as written ({@code s3://bucket/key}), any text
   * @return {@code url} without its query, fragment and user info
   */
  public static String display(String url) {
    int query = url.indexOf('?');
    int fragment = url.indexOf('#');
    int cut = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
    String shown = cut < 0 ? url : url.substring(0, cut);
    int authority = shown.indexOf("://");
    if (authority < 0) {
      return shown;
    }
    int start = authority + 3;
    int slash = shown.indexOf('/', start);
    int at = shown.lastIndexOf('@', slash < 0 ? shown.length() - 1 : slash - 1);
    return at < start ? shown : shown.substring(0, start) + shown.substring(at + 1);
  }
}
