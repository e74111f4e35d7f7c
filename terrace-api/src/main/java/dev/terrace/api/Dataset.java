package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A dataset of the catalog: one variable (band) of a provider's rasters. Returned by {@code
 * catalog.datasets.list}, {@code catalog.datasets.get} and within {@code catalog.providers.get}.
 *
 * @param id the dataset's id, {@code provider:name}, as requests name it in {@code dataset_ids}
 * @param provider the provider's slug
 * @param name the dataset's name within its provider
 * @param variable the variable read (the netCDF variable, or the band's name), or null
 * @param description what the dataset holds, or null
 * @param units the values' units, for example {@code "m"}, or null
 * @param dataType whether values are measurements or class codes
 * @param nodata the value that marks cells without data, or null when there is none
 * @param validRange the range of plausible values, {@code [min, max]}, or null when unknown
 * @param resolutionM the cell size in metres (at the equator for geographic rasters), or null when
 *     unknown
 * @param crs the rasters' CRS, for example {@code "EPSG:4326"}, or null when unknown
 * @param bbox the extent in lon/lat degrees, or null when unknown (for example a global tile grid)
 * @param temporal the time axis; {@link Temporal#STATIC} when null
 * @param band the 1-based band read, or null for a netCDF variable
 * @param classes for a categorical dataset, the name of each class code (code as a string, for
 *     example {@code "10"}, to name, for example {@code "Tree cover"}); null when the catalog names
 *     none
 * @param available whether the dataset's rasters could be opened; true when null. An unavailable
 *     dataset is listed from the catalog alone (no extent, CRS or resolution) and its extractions
 *     answer {@code missing}
 * @param unavailableReason why the dataset is unavailable (the last failure to open it, or that it
 *     is being opened), or null when it is available
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Dataset(
    @JsonProperty("id") String id,
    @JsonProperty("provider") String provider,
    @JsonProperty("name") String name,
    @JsonProperty("variable") @Nullable String variable,
    @JsonProperty("description") @Nullable String description,
    @JsonProperty("units") @Nullable String units,
    @JsonProperty("data_type") DataType dataType,
    @JsonProperty("nodata") @Nullable Double nodata,
    @JsonProperty("valid_range") @Nullable ValueRange validRange,
    @JsonProperty("resolution_m") @Nullable Double resolutionM,
    @JsonProperty("crs") @Nullable String crs,
    @JsonProperty("bbox") @Nullable BoundingBox bbox,
    @JsonProperty("temporal") Temporal temporal,
    @JsonProperty("band") @Nullable Integer band,
    @JsonProperty("classes") @Nullable Map<String, String> classes,
    @JsonProperty("available") Boolean available,
    @JsonProperty("unavailable_reason") @Nullable String unavailableReason) {

  /**
   * Applies the default time axis.
   *
   * @param id the id
   * @param provider the provider's slug
   * @param name the name
   * @param variable the variable, or null
   * @param description the description, or null
   * @param units the units, or null
   * @param dataType the data type
   * @param nodata the nodata value, or null
   * @param validRange the valid range, or null
   * @param resolutionM the resolution in metres, or null
   * @param crs the CRS, or null
   * @param bbox the extent, or null
   * @param temporal the time axis, or null for static
   * @param band the band, or null
   * @param classes the class names by code, or null
   * @param available whether the rasters could be opened, or null for true
   * @param unavailableReason why not, or null
   */
  public Dataset {
    temporal = temporal == null ? Temporal.STATIC : temporal;
    available = available == null ? Boolean.TRUE : available;
    classes = classes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(classes));
  }

  /**
   * A dataset without class names.
   *
   * @param id the id
   * @param provider the provider's slug
   * @param name the name
   * @param variable the variable, or null
   * @param description the description, or null
   * @param units the units, or null
   * @param dataType the data type
   * @param nodata the nodata value, or null
   * @param validRange the valid range, or null
   * @param resolutionM the resolution in metres, or null
   * @param crs the CRS, or null
   * @param bbox the extent, or null
   * @param temporal the time axis, or null for static
   * @param band the band, or null
   */
  public Dataset(
      String id,
      String provider,
      String name,
      @Nullable String variable,
      @Nullable String description,
      @Nullable String units,
      DataType dataType,
      @Nullable Double nodata,
      @Nullable ValueRange validRange,
      @Nullable Double resolutionM,
      @Nullable String crs,
      @Nullable BoundingBox bbox,
      @Nullable Temporal temporal,
      @Nullable Integer band) {
    this(
        id,
        provider,
        name,
        variable,
        description,
        units,
        dataType,
        nodata,
        validRange,
        resolutionM,
        crs,
        bbox,
        temporal,
        band,
        null);
  }

  /**
   * An available dataset.
   *
   * @param id the id
   * @param provider the provider's slug
   * @param name the name
   * @param variable the variable, or null
   * @param description the description, or null
   * @param units the units, or null
   * @param dataType the data type
   * @param nodata the nodata value, or null
   * @param validRange the valid range, or null
   * @param resolutionM the resolution in metres, or null
   * @param crs the CRS, or null
   * @param bbox the extent, or null
   * @param temporal the time axis, or null for static
   * @param band the band, or null
   * @param classes the class names by code, or null
   */
  public Dataset(
      String id,
      String provider,
      String name,
      @Nullable String variable,
      @Nullable String description,
      @Nullable String units,
      DataType dataType,
      @Nullable Double nodata,
      @Nullable ValueRange validRange,
      @Nullable Double resolutionM,
      @Nullable String crs,
      @Nullable BoundingBox bbox,
      @Nullable Temporal temporal,
      @Nullable Integer band,
      @Nullable Map<String, String> classes) {
    this(
        id,
        provider,
        name,
        variable,
        description,
        units,
        dataType,
        nodata,
        validRange,
        resolutionM,
        crs,
        bbox,
        temporal,
        band,
        classes,
        true,
        null);
  }

  /**
   * This dataset marked unavailable.
   *
   * @param reason why its rasters cannot be opened
   * @return the copy
   */
  public Dataset unavailable(String reason) {
    return new Dataset(
        id,
        provider,
        name,
        variable,
        description,
        units,
        dataType,
        nodata,
        validRange,
        resolutionM,
        crs,
        bbox,
        temporal,
        band,
        classes,
        false,
        reason);
  }
}
