package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A STAC asset: the file behind an item.
 *
 * @param href where the file is: a URL, or a path relative to the catalog file
 * @param type its media type ({@code image/tiff; application=geotiff; profile=cloud-optimized},
 *     {@code application/netcdf})
 * @param title a title for people
 * @param roles its roles, {@code data} for the raster read
 * @param rasterBands the band read, as the STAC raster extension describes it ({@code nodata},
 *     {@code scale}, {@code offset}, {@code unit}, …), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StacAsset(
    @JsonProperty("href") String href,
    @JsonProperty("type") @Nullable String type,
    @JsonProperty("title") @Nullable String title,
    @JsonProperty("roles") @Nullable List<String> roles,
    @JsonProperty("raster:bands") @Nullable List<Map<String, Object>> rasterBands) {

  /** Copies the lists. */
  public StacAsset {
    roles = Wire.copy(roles);
    rasterBands = Wire.copy(rasterBands);
  }
}
