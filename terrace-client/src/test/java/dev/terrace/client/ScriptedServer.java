package dev.terrace.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A loopback HTTP/1.1 server that answers from a script: each request gets the next scripted reply
 * (or the dispatcher's), and can be answered, stalled (never answered) or reset. Records every
 * request.
 */
final class ScriptedServer implements AutoCloseable {

  /** A request as received; header names lower-cased. */
  record Recorded(String method, String path, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** What to do with a request. */
  static final class Reply {
    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final String body;
    final boolean stall;
    final boolean reset;

    private Reply(int status, String body, boolean stall, boolean reset) {
      this.status = status;
      this.body = body;
      this.stall = stall;
      this.reset = reset;
    }

    static Reply json(int status, String body) {
      return new Reply(status, body, false, false).header("Content-Type", "application/json");
    }

    static Reply problem(int status, String body) {
      return new Reply(status, body, false, false)
          .header("Content-Type", "application/problem+json");
    }

    static Reply text(int status, String body) {
      return new Reply(status, body, false, false).header("Content-Type", "text/html");
    }

    /** Reads the request, then never answers. */
    static Reply stall() {
      return new Reply(0, "", true, false);
    }

    /** Reads the request, then resets the connection. */
    static Reply reset() {
      return new Reply(0, "", false, true);
    }

    Reply header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }

  private final ServerSocket socket;
  private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
  private final Function<Recorded, Reply> dispatcher;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final Semaphore disconnects = new Semaphore(0);
  private final Semaphore received = new Semaphore(0);
  private volatile boolean closed;

  ScriptedServer() throws IOException {
    this("127.0.0.1", null);
  }

  ScriptedServer(Function<Recorded, Reply> dispatcher) throws IOException {
    this("127.0.0.1", dispatcher);
  }

  ScriptedServer(String host, Function<Recorded, Reply> dispatcher) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getByName(host));
    this.dispatcher =
        dispatcher != null
            ? dispatcher
            : r -> {
              Reply next = script.poll();
              return next != null ? next : Reply.text(599, "no scripted reply");
            };
    Thread acceptor = new Thread(this::accept, "scripted-server-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  String url() {
    return "http://127.0.0.1:" + port();
  }

  ScriptedServer enqueue(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  List<Recorded> requests() {
    return new ArrayList<>(requests);
  }

  /** Waits until a request, one not waited for before, has been received. */
  boolean awaitRequest() throws InterruptedException {
    return received.tryAcquire(10, TimeUnit.SECONDS);
  }

  /** Waits until the client has closed a stalled connection. */
  boolean awaitDisconnect() throws InterruptedException {
    return disconnects.tryAcquire(10, TimeUnit.SECONDS);
  }

  private void accept() {
    while (!closed) {
      try {
        Socket s = socket.accept();
        connections.add(s);
        Thread t = new Thread(() -> serve(s), "scripted-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (true) {
        Recorded request = read(in);
        if (request == null) {
          return;
        }
        requests.add(request);
        received.release();
        Reply reply = dispatcher.apply(request);
        if (reply.reset) {
          s.setSoLinger(true, 0);
          return;
        }
        if (reply.stall) {
          try {
            while (in.read() != -1) {
              // wait for the client to give up
            }
          } catch (IOException e) {
            // reset by the client: given up too
          }
          if (!closed) {
            disconnects.release();
          }
          return;
        }
        write(out, reply);
      }
    } catch (IOException e) {
      // connection gone
    } finally {
      connections.remove(s);
    }
  }

  private static Recorded read(InputStream in) throws IOException {
    String requestLine = line(in);
    if (requestLine == null || requestLine.isEmpty()) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(
          h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Recorded(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        b.write(c);
      }
    }
    return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  private static void write(OutputStream out, Reply reply) throws IOException {
    byte[] body = reply.body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder("HTTP/1.1 ").append(reply.status).append(" Scripted\r\n");
    reply.headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    socket.close();
    for (Socket s : connections) {
      s.close();
    }
  }
}
