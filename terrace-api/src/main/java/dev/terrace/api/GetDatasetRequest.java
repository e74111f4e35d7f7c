package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code catalog.datasets.get} request body, as sent to {@code POST
 * /v1/op/catalog.datasets.get}.
 *
 * @param id the dataset's id, {@code provider:name}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GetDatasetRequest(@JsonProperty("id") String id) {}
