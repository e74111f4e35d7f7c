package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code catalog.providers.get} request body, as sent to {@code POST
 * /v1/op/catalog.providers.get}.
 *
 * @param slug the provider's slug
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GetProviderRequest(@JsonProperty("slug") String slug) {}
