package dev.terrace.testkit.http;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/** Everything the server holds for one path: the content, how to misbehave, and the counts. */
final class PathState {
  volatile Resource resource;
  volatile boolean ignoreRange;
  volatile boolean ignoreIfMatch;
  volatile boolean omitEtag;
  volatile Delays delays;
  final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
  final PathStats stats = new PathStats();

  /** What the holds scripted since the last release wait for. */
  volatile CountDownLatch release = new CountDownLatch(1);

  /** Puts {@code r} in place, newer than what it replaces, and closes that. */
  void install(Resource r) {
    Resource old;
    synchronized (this) {
      old = resource;
      resource = r.withLastModifiedAfter(old);
    }
    if (old != null) {
      old.close();
    }
  }
}
