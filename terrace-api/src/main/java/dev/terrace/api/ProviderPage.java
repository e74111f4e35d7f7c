package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code catalog.providers.list} response: one page of providers.
 *
 * @param total the number of providers across all pages
 * @param limit the page size asked for
 * @param offset the position of this page's first item
 * @param count the number of providers on this page
 * @param providers the providers on this page; an unmodifiable copy, empty when null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderPage(
    @JsonProperty("total") int total,
    @JsonProperty("limit") int limit,
    @JsonProperty("offset") int offset,
    @JsonProperty("count") int count,
    @JsonProperty("providers") List<Provider> providers)
    implements Page<Provider> {

  /**
   * Copies the providers.
   *
   * @param total the total
   * @param limit the page size
   * @param offset the offset
   * @param count the number on this page
   * @param providers the providers, or null for none
   */
  public ProviderPage {
    providers = Wire.copyOrEmpty(providers);
  }

  /**
   * A page whose {@code count} is the number of providers given.
   *
   * @param total the number of providers across all pages
   * @param limit the page size asked for
   * @param offset the position of the first item
   * @param providers the providers on this page
   * @return the page
   */
  public static ProviderPage of(int total, int limit, int offset, List<Provider> providers) {
    return new ProviderPage(total, limit, offset, providers.size(), providers);
  }

  /**
   * The providers on this page.
   *
   * @return {@link #providers()}
   */
  @JsonIgnore
  @Override
  public List<Provider> items() {
    return providers;
  }
}
