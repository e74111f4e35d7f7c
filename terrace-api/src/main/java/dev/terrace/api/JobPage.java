package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code jobs.list} response: one page of jobs, newest first.
 *
 * @param total the number of matching jobs across all pages
 * @param limit the page size asked for
 * @param offset the position of this page's first job
 * @param count the number of jobs on this page
 * @param jobs the jobs on this page; an unmodifiable copy, empty when null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobPage(
    @JsonProperty("total") int total,
    @JsonProperty("limit") int limit,
    @JsonProperty("offset") int offset,
    @JsonProperty("count") int count,
    @JsonProperty("jobs") List<Job> jobs)
    implements Page<Job> {

  /**
   * Copies the jobs.
   *
   * @param total the total
   * @param limit the page size
   * @param offset the offset
   * @param count the number on this page
   * @param jobs the jobs, or null for none
   */
  public JobPage {
    jobs = Wire.copyOrEmpty(jobs);
  }

  /**
   * A page whose {@code count} is the number of jobs given.
   *
   * @param total the number of jobs across all pages
   * @param limit the page size asked for
   * @param offset the position of the first job
   * @param jobs the jobs on this page
   * @return the page
   */
  public static JobPage of(int total, int limit, int offset, List<Job> jobs) {
    return new JobPage(total, limit, offset, jobs.size(), jobs);
  }

  /**
   * The jobs on this page.
   *
   * @return {@link #jobs()}
   */
  @JsonIgnore
  @Override
  public List<Job> items() {
    return jobs;
  }
}
