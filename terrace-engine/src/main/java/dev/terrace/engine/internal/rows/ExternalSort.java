package dev.terrace.engine.internal.rows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Records sorted by (key, index) in bounded memory: they are gathered until they hold {@code
 * memory} bytes, sorted and written to a run file, and the runs are merged k ways when read back;
 * every {@link #FAN_IN} runs are merged into one as they come, so that a merge's read buffers stay
 * bounded too, however many records there are. Records that never outgrow the memory are never
 * written.
 */
public final class ExternalSort implements AutoCloseable {

  /** One record: what it is sorted by, and its bytes. */
  public record Entry(long key, long index, byte[] payload) {}

  /** What a record costs in memory besides its payload: the objects, the array and the list. */
  static final long OVERHEAD = 80;

  /** The most runs merged at once, each with a read buffer of its own. */
  static final int FAN_IN = 64;

  // Written out rather than composed (comparingLong().thenComparingLong()): the sorts and the merge
  // call it some twenty times per record, and the composed one showed in profiles.
  private static final Comparator<Entry> ORDER =
      (a, b) -> a.key != b.key ? Long.compare(a.key, b.key) : Long.compare(a.index, b.index);

  private final SpillFolder folder;
  private final String name;
  private final long memory;
  private final List<Entry> held = new ArrayList<>();
  private long heldBytes;
  private final List<RunFile> runs = new ArrayList<>();
  private final List<Long> runBytes = new ArrayList<>();
  private int files;
  private int merges;

  /**
   * @param folder where the runs are written
   * @param name what the runs' file names start with
   * @param memory the most bytes the records held in memory may take
   */
  public ExternalSort(SpillFolder folder, String name, long memory) {
    this.folder = folder;
    this.name = name;
    this.memory = memory;
  }

  public void add(long key, long index, byte[] payload) throws IOException {
    long cost = payload.length + OVERHEAD;
    if (heldBytes + cost > memory && !held.isEmpty()) {
      spill();
    }
    held.add(new Entry(key, index, payload));
    heldBytes += cost;
  }

  /**
   * @return the bytes each run written so far held in memory before it was written: at most the
   *     memory given, unless one record alone is larger
   */
  public List<Long> runBytes() {
    return List.copyOf(runBytes);
  }

  /**
   * @return how many times {@link #FAN_IN} runs were merged into one before the end
   */
  public int merges() {
    return merges;
  }

  private void spill() throws IOException {
    held.sort(ORDER);
    runs.add(
        RunFile.write(
            folder.file(name + "-" + files++), new Cursor(held.iterator()::next, held.size())));
    runBytes.add(heldBytes);
    held.clear();
    heldBytes = 0;
    if (runs.size() == FAN_IN) {
      RunFile merged;
      try (Cursor all = merge()) {
        merged = RunFile.write(folder.file(name + "-" + files++), all);
      }
      for (RunFile run : runs) {
        run.delete();
      }
      runs.clear();
      runs.add(merged);
      merges++;
    }
  }

  /**
   * Everything added, in order; to be called once, after the last {@link #add}.
   *
   * @return the records, read on demand
   */
  public Cursor sorted() throws IOException {
    if (runs.isEmpty()) {
      held.sort(ORDER);
      List<Entry> all = List.copyOf(held);
      held.clear();
      return new Cursor(all.iterator()::next, all.size());
    }
    if (!held.isEmpty()) {
      spill();
    }
    return merge();
  }

  private Cursor merge() throws IOException {
    PriorityQueue<Head> heads =
        new PriorityQueue<>((Head x, Head y) -> ORDER.compare(x.entry, y.entry));
    List<RunFile.Reader> readers = new ArrayList<>();
    long total = 0;
    for (RunFile run : runs) {
      RunFile.Reader r = run.open();
      readers.add(r);
      total += run.records();
      Entry first = r.next();
      if (first != null) {
        heads.add(new Head(first, r));
      }
    }
    return new Cursor(
        () -> {
          Head h = heads.poll();
          Entry e = h.entry;
          Entry next = h.reader.next();
          if (next != null) {
            heads.add(new Head(next, h.reader));
          }
          return e;
        },
        total,
        readers);
  }

  @Override
  public void close() throws IOException {
    held.clear();
    for (RunFile run : runs) {
      run.delete();
    }
  }

  private record Head(Entry entry, RunFile.Reader reader) {}

  /** The sorted records, one at a time. */
  public static final class Cursor implements AutoCloseable {

    /** The next record; called only while some remain. */
    interface Next {
      Entry next() throws IOException;
    }

    private final Next next;
    private long left;
    private final List<RunFile.Reader> readers;

    Cursor(Next next, long size) {
      this(next, size, List.of());
    }

    Cursor(Next next, long size, List<RunFile.Reader> readers) {
      this.next = next;
      this.left = size;
      this.readers = readers;
    }

    /**
     * @return the next record, or null after the last
     */
    public Entry next() throws IOException {
      if (left == 0) {
        return null;
      }
      left--;
      return next.next();
    }

    @Override
    public void close() throws IOException {
      for (RunFile.Reader r : readers) {
        r.close();
      }
    }
  }
}
