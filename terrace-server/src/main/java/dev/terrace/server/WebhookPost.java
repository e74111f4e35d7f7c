package dev.terrace.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One delivery attempt: a POST over a socket of its own, connected to an address {@link
 * WebhookUrlGuard} passed rather than to whatever the name resolves to by then, its certificate
 * checked against the URL's host. Only the status line of the answer is read, within the attempt's
 * time; redirects are not followed, so that a receiver cannot point the service elsewhere.
 */
final class WebhookPost {

  /** Longest status line read; an answer that has none within it is not HTTP. */
  private static final int MAX_STATUS_LINE = 8192;

  private static final Pattern STATUS_LINE =
      Pattern.compile("HTTP/\\d(?:\\.\\d)? (\\d{3})(?: .*)?");

  /** What an attempt came to: the receiver's status, or why there is none. */
  record Outcome(Integer statusCode, String error) {}

  private WebhookPost() {}

  /**
   * @param headers the request's own headers; the framing ones are added here
   * @param timeoutMillis how long the whole attempt may take
   */
  static Outcome send(
      WebhookUrlGuard.Checked target,
      Map<String, String> headers,
      byte[] body,
      long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    IOException unreachable = null;
    for (InetAddress address : target.addresses()) {
      try (Socket socket = new Socket()) {
        try {
          socket.connect(new InetSocketAddress(address, target.port()), remaining(deadline));
        } catch (ConnectException | NoRouteToHostException e) {
          unreachable = e;
          continue;
        }
        Socket channel =
            target.uri().getScheme().equalsIgnoreCase("https") ? tls(socket, target) : socket;
        channel.setSoTimeout(remaining(deadline));
        OutputStream out = channel.getOutputStream();
        out.write(head(target, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return new Outcome(status(channel, deadline), null);
      } catch (SocketTimeoutException e) {
        return new Outcome(null, "no answer within " + timeoutMillis + " ms");
      } catch (IOException e) {
        return new Outcome(null, describe(e));
      }
    }
    return new Outcome(
        null, unreachable == null ? "no address to connect to" : describe(unreachable));
  }

  private static Socket tls(Socket socket, WebhookUrlGuard.Checked target) throws IOException {
    SSLSocket tls;
    try {
      tls =
          (SSLSocket)
              SSLContext.getDefault()
                  .getSocketFactory()
                  .createSocket(socket, target.host(), target.port(), true);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has a default TLS context", e);
    }
    // The host given above is also the name sent as SNI; this checks the certificate against it.
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    return tls;
  }

  private static String head(
      WebhookUrlGuard.Checked target, Map<String, String> headers, int length) {
    URI uri = target.uri();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
    StringBuilder head =
        new StringBuilder("POST ")
            .append(path)
            .append(query)
            .append(" HTTP/1.1\r\nHost: ")
            .append(host)
            .append(uri.getPort() < 0 ? "" : ":" + uri.getPort())
            .append("\r\nContent-Type: application/json\r\nContent-Length: ")
            .append(length)
            .append("\r\nConnection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    return head.append("\r\n").toString();
  }

  /** Reads the status line, each read given what is left of the attempt's time. */
  private static int status(Socket socket, long deadline) throws IOException {
    InputStream in = new BufferedInputStream(socket.getInputStream());
    StringBuilder line = new StringBuilder();
    while (line.length() < MAX_STATUS_LINE) {
      socket.setSoTimeout(remaining(deadline));
      int b = in.read();
      if (b < 0 || b == '\n') {
        break;
      }
      line.append((char) b);
    }
    Matcher m = STATUS_LINE.matcher(line.toString().strip());
    if (!m.matches()) {
      throw new IOException(
          line.isEmpty()
              ? "the receiver closed the connection without answering"
              : "the receiver's answer is not HTTP");
    }
    return Integer.parseInt(m.group(1));
  }

  /** Milliseconds left, at least 1: a socket reads 0 as no timeout at all. */
  private static int remaining(long deadline) throws SocketTimeoutException {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException();
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
