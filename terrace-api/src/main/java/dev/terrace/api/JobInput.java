package dev.terrace.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A job's input streamed rather than inline: a file or a stream in one of the {@link
 * JobInputFormat}s, read once, front to back, never whole in memory.
 */
public final class JobInput {

  /** Opens the bytes; called once per {@code jobs.create}. */
  @FunctionalInterface
  public interface Opener {
    /**
     * Opens the bytes.
     *
     * @return the input's bytes from the start
     * @throws IOException when they cannot be read
     */
    InputStream open() throws IOException;
  }

  private final Opener opener;
  private final JobInputFormat format;
  private final String name;

  private JobInput(Opener opener, JobInputFormat format, String name) {
    this.opener = opener;
    this.format = format;
    this.name = name;
  }

  /**
   * A file, its format known from its name ({@code .geojson}/{@code .json}, {@code .ndjson}, {@code
   * .csv}, {@code .gpkg}).
   *
   * @param file the file
   * @return the input
   * @throws IllegalArgumentException when the name has none of those extensions
   */
  public static JobInput of(Path file) {
    JobInputFormat format =
        JobInputFormat.ofFileName(file.getFileName().toString())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        file
                            + ": name it .geojson, .ndjson, .csv or .gpkg, or give its format with"
                            + " JobInput.of(file, format)"));
    return of(file, format);
  }

  /**
   * A file in the format given.
   *
   * @param file the file
   * @param format its format
   * @return the input
   */
  public static JobInput of(Path file, JobInputFormat format) {
    Objects.requireNonNull(file, "file");
    return new JobInput(() -> Files.newInputStream(file), format, file.toString());
  }

  /**
   * A stream in the format given, read once; the caller closes it.
   *
   * @param in the stream
   * @param format its format
   * @return the input
   */
  public static JobInput of(InputStream in, JobInputFormat format) {
    Objects.requireNonNull(in, "in");
    return new JobInput(() -> in, format, "stream");
  }

  /**
   * The input's format.
   *
   * @return the input's format
   */
  public JobInputFormat format() {
    return format;
  }

  /**
   * Opens the input's bytes.
   *
   * @return the stream, from the start
   * @throws UncheckedIOException when the file cannot be opened
   */
  public InputStream open() {
    try {
      return opener.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the job's input " + name, e);
    }
  }

  /**
   * Names the input, for messages.
   *
   * @return the file's name, or {@code stream}
   */
  @Override
  public String toString() {
    return name + " (" + format.wireName() + ")";
  }
}
