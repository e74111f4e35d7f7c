package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code jobs.get} and {@code jobs.cancel} request: one job by its id.
 *
 * @param id the job's id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobIdRequest(@JsonProperty("id") String id) {}
