package dev.terrace.client;

import dev.terrace.api.TerraceException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one item of a fan-out ({@link TerraceClient#extractAll}): its value, or the
 * exception that failed it, with its position in the input. One bad geometry fails its own item,
 * not its neighbours.
 *
 * @param <T> the value type
 */
public final class ItemResult<T> {

  private final int index;
  private final @Nullable T value;
  private final @Nullable TerraceException error;

  private ItemResult(int index, @Nullable T value, @Nullable TerraceException error) {
    this.index = index;
    this.value = value;
    this.error = error;
  }

  static <T> ItemResult<T> success(int index, T value) {
    return new ItemResult<>(index, Objects.requireNonNull(value, "value"), null);
  }

  static <T> ItemResult<T> failure(int index, TerraceException error) {
    return new ItemResult<>(index, null, Objects.requireNonNull(error, "error"));
  }

  /**
   * The item's position in the input.
   *
   * @return the 0-based index
   */
  public int index() {
    return index;
  }

  /**
   * Whether the item succeeded.
   *
   * @return true when {@link #value()} is present
   */
  public boolean isSuccess() {
    return error == null;
  }

  /**
   * The item's value.
   *
   * @return the value, or empty when the item failed
   */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /**
   * What failed the item: for example an {@link dev.terrace.api.InvalidRequestException} naming its
   * geometry, or the {@link ApiConnectionException} that failed its whole batch.
   *
   * @return the exception, or empty when the item succeeded
   */
  public Optional<TerraceException> error() {
    return Optional.ofNullable(error);
  }

  /**
   * The value, or the item's exception thrown.
   *
   * @return the value
   * @throws TerraceException the item's failure
   */
  public T get() {
    if (error != null) {
      throw error;
    }
    return value;
  }

  /**
   * The index and the value or the error.
   *
   * @return for example {@code ItemResult[3: failed: HTTP 422 ...]}
   */
  @Override
  public String toString() {
    return "ItemResult["
        + index
        + ": "
        + (error == null ? value : "failed: " + error.getMessage())
        + "]";
  }
}
