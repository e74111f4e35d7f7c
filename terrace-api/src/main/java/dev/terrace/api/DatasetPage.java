package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code catalog.datasets.list} response: one page of datasets.
 *
 * @param total the number of datasets across all pages
 * @param limit the page size asked for
 * @param offset the position of this page's first item
 * @param count the number of datasets on this page
 * @param datasets the datasets on this page; an unmodifiable copy, empty when null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetPage(
    @JsonProperty("total") int total,
    @JsonProperty("limit") int limit,
    @JsonProperty("offset") int offset,
    @JsonProperty("count") int count,
    @JsonProperty("datasets") List<Dataset> datasets)
    implements Page<Dataset> {

  /**
   * Copies the datasets.
   *
   * @param total the total
   * @param limit the page size
   * @param offset the offset
   * @param count the number on this page
   * @param datasets the datasets, or null for none
   */
  public DatasetPage {
    datasets = Wire.copyOrEmpty(datasets);
  }

  /**
   * A page whose {@code count} is the number of datasets given.
   *
   * @param total the number of datasets across all pages
   * @param limit the page size asked for
   * @param offset the position of the first item
   * @param datasets the datasets on this page
   * @return the page
   */
  public static DatasetPage of(int total, int limit, int offset, List<Dataset> datasets) {
    return new DatasetPage(total, limit, offset, datasets.size(), datasets);
  }

  /**
   * The datasets on this page.
   *
   * @return {@link #datasets()}
   */
  @JsonIgnore
  @Override
  public List<Dataset> items() {
    return datasets;
  }
}
