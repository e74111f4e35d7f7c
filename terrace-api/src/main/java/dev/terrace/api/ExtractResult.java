package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One dataset's answer for one geometry (and one timestamp of a time-varying dataset).
 *
 * <p>{@code value} is whatever the statistic yields: a JSON number for most statistics, an object
 * {@code {class: fraction}} for {@code distribution}, {@code {class: count}} for {@code histogram}, an array
 * for {@code unique}, an array of cells for {@code cells}, or null when there is no value (then {@code quality} is
 * usually {@code missing}). Read it with {@link #number()}, {@link #distribution()}, {@link #values()} or
 * {@link #cells()} rather than casting.
 *
 * @param datasetId the dataset's id, {@code provider:name}
 * @param variable the variable (or band) read
 * @param value a {@link Number}, a {@code Map<String, ?>} of numbers, a {@code List} of numbers, a {@code List}
 *     of {@link Cell} (in-process) or of cell objects read from JSON, or null; maps and lists are copied
 *     unmodifiable, map keys turned into strings as JSON writes them
 * @param units the value's units, for example {@code "m"}, or null when unitless or unknown
 * @param aggregation the statistic computed
 * @param pixelRule the pixel rule applied
 * @param quality how far the value can be trusted
 * @param coverageFraction valid covered area / covered area, in [0, 1], or null when nothing was covered
 * @param pixelCount the number of cells read
 * @param resolutionM the cell size actually read, in metres (coarser than the dataset's when an overview was
 *     used), or null when unknown
 * @param timestamp for a time-varying dataset the timestamp of this value (ISO-8601); for a series collapsed by
 *     {@code temporalAggregation} the interval of the timestamps it spans ({@code FIRST/LAST}); otherwise null
 * @param temporalAggregation how a series was collapsed into this one value, or null for a single timestamp or
 *     a static dataset
 * @param provider the provider's slug
 * @param crs the CRS the raster was read in, or null when not reported
 * @param elapsedMs the time spent on this result, in milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtractResult(
        @JsonProperty("dataset_id") String datasetId,
        @JsonProperty("variable") String variable,
        @JsonProperty("value") @JsonInclude(JsonInclude.Include.ALWAYS) Object value,
        @JsonProperty("units") String units,
        @JsonProperty("aggregation") Aggregation aggregation,
        @JsonProperty("pixel_rule") PixelRule pixelRule,
        @JsonProperty("quality") Quality quality,
        @JsonProperty("coverage_fraction") Double coverageFraction,
        @JsonProperty("pixel_count") long pixelCount,
        @JsonProperty("resolution_m") Double resolutionM,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("temporal_aggregation") TemporalAggregation temporalAggregation,
        @JsonProperty("provider") String provider,
        @JsonProperty("crs") String crs,
        @JsonProperty("elapsed_ms") double elapsedMs) {

    /**
     * Copies a map or list {@code value} into an unmodifiable one.
     *
     * @param datasetId the dataset's id
     * @param variable the variable read
     * @param value the value: a number, a map, a list, or null
     * @param units the units, or null
     * @param aggregation the statistic
     * @param pixelRule the pixel rule
     * @param quality the quality flag
     * @param coverageFraction the valid coverage fraction, or null
     * @param pixelCount the number of cells read
     * @param resolutionM the resolution read in metres, or null
     * @param timestamp the timestamp, or null
     * @param temporalAggregation how a series was collapsed, or null
     * @param provider the provider's slug
     * @param crs the CRS read, or null
     * @param elapsedMs the time spent, in milliseconds
     */
    public ExtractResult {
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                copy.put(String.valueOf(e.getKey()), e.getValue());
            }
            value = Collections.unmodifiableMap(copy);
        } else if (value instanceof List) {
            value = Collections.unmodifiableList(new ArrayList<>((List<?>) value));
        }
    }

    /**
     * The value as a number, for every statistic but {@code distribution}, {@code histogram} and {@code unique}.
     *
     * @return the number, or empty when the value is null or not a number
     */
    @JsonIgnore
    public OptionalDouble number() {
        return value instanceof Number ? OptionalDouble.of(((Number) value).doubleValue()) : OptionalDouble.empty();
    }

    /**
     * The value of a {@code distribution} (each class with the fraction of the covered area it occupies) or of a
     * {@code histogram} (each class with its number of cells).
     *
     * @return class → fraction or count in the order received (entries whose fraction is not a number are skipped);
     *     empty when the value is not an object
     */
    @JsonIgnore
    public Map<String, Double> distribution() {
        if (!(value instanceof Map)) {
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            if (e.getValue() instanceof Number) {
                out.put(String.valueOf(e.getKey()), ((Number) e.getValue()).doubleValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The value of {@code cells}: the covered cells, whether the result was built in-process or read from JSON.
     *
     * @return the cells in the order received; empty when the value is not an array of cells
     */
    @JsonIgnore
    public List<Cell> cells() {
        if (!(value instanceof List)) {
            return List.of();
        }
        List<Cell> out = new ArrayList<>();
        for (Object o : (List<?>) value) {
            if (o instanceof Cell c) {
                out.add(c);
            } else if (o instanceof Map<?, ?> m && m.get("row") instanceof Number) {
                out.add(Cell.read(m));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The value of {@code unique}: the distinct values.
     *
     * @return the numbers in the order received (elements that are not numbers are skipped); empty when the
     *     value is not an array
     */
    @JsonIgnore
    public List<Double> values() {
        if (!(value instanceof List)) {
            return List.of();
        }
        List<Double> out = new ArrayList<>();
        for (Object o : (List<?>) value) {
            if (o instanceof Number) {
                out.add(((Number) o).doubleValue());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * A builder, convenient where most of the fourteen fields are set one at a time.
     *
     * @return a new builder with every field unset (null, or 0 for the counters)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this result's values, to derive a modified copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().datasetId(datasetId).variable(variable).value(value).units(units).aggregation(aggregation)
                .pixelRule(pixelRule).quality(quality).coverageFraction(coverageFraction).pixelCount(pixelCount)
                .resolutionM(resolutionM).timestamp(timestamp)
                .temporalAggregation(temporalAggregation).provider(provider).crs(crs).elapsedMs(elapsedMs);
    }

    /** Builds an {@link ExtractResult}; every setter returns the builder. */
    public static final class Builder {
        private String datasetId;
        private String variable;
        private Object value;
        private String units;
        private Aggregation aggregation;
        private PixelRule pixelRule;
        private Quality quality;
        private Double coverageFraction;
        private long pixelCount;
        private Double resolutionM;
        private String timestamp;
        private TemporalAggregation temporalAggregation;
        private String provider;
        private String crs;
        private double elapsedMs;

        private Builder() {
        }

        /**
         * Sets the dataset id.
         *
         * @param datasetId {@code provider:name}
         * @return this builder
         */
        public Builder datasetId(String datasetId) {
            this.datasetId = datasetId;
            return this;
        }

        /**
         * Sets the variable read.
         *
         * @param variable the variable or band name
         * @return this builder
         */
        public Builder variable(String variable) {
            this.variable = variable;
            return this;
        }

        /**
         * Sets the value.
         *
         * @param value a number, a map (distribution), a list (unique), or null
         * @return this builder
         */
        public Builder value(Object value) {
            this.value = value;
            return this;
        }

        /**
         * Sets the units.
         *
         * @param units for example {@code "m"}
         * @return this builder
         */
        public Builder units(String units) {
            this.units = units;
            return this;
        }

        /**
         * Sets the statistic computed.
         *
         * @param aggregation the statistic
         * @return this builder
         */
        public Builder aggregation(Aggregation aggregation) {
            this.aggregation = aggregation;
            return this;
        }

        /**
         * Sets the pixel rule applied.
         *
         * @param pixelRule the rule
         * @return this builder
         */
        public Builder pixelRule(PixelRule pixelRule) {
            this.pixelRule = pixelRule;
            return this;
        }

        /**
         * Sets the quality flag.
         *
         * @param quality the flag
         * @return this builder
         */
        public Builder quality(Quality quality) {
            this.quality = quality;
            return this;
        }

        /**
         * Sets the valid coverage fraction.
         *
         * @param coverageFraction in [0, 1], or null
         * @return this builder
         */
        public Builder coverageFraction(Double coverageFraction) {
            this.coverageFraction = coverageFraction;
            return this;
        }

        /**
         * Sets the number of cells read.
         *
         * @param pixelCount the count
         * @return this builder
         */
        public Builder pixelCount(long pixelCount) {
            this.pixelCount = pixelCount;
            return this;
        }

        /**
         * Sets the resolution read.
         *
         * @param resolutionM metres, or null
         * @return this builder
         */
        public Builder resolutionM(Double resolutionM) {
            this.resolutionM = resolutionM;
            return this;
        }

        /**
         * Sets the timestamp of a time-varying dataset's value.
         *
         * @param timestamp ISO-8601, or null
         * @return this builder
         */
        public Builder timestamp(String timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /**
         * Sets how a time series was collapsed into this value.
         *
         * @param temporalAggregation the temporal aggregation, or null
         * @return this builder
         */
        public Builder temporalAggregation(TemporalAggregation temporalAggregation) {
            this.temporalAggregation = temporalAggregation;
            return this;
        }

        /**
         * Sets the provider's slug.
         *
         * @param provider the slug
         * @return this builder
         */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /**
         * Sets the CRS the raster was read in.
         *
         * @param crs for example {@code "EPSG:2169"}, or null
         * @return this builder
         */
        public Builder crs(String crs) {
            this.crs = crs;
            return this;
        }

        /**
         * Sets the time spent.
         *
         * @param elapsedMs milliseconds
         * @return this builder
         */
        public Builder elapsedMs(double elapsedMs) {
            this.elapsedMs = elapsedMs;
            return this;
        }

        /**
         * Builds the result.
         *
         * @return the result
         */
        public ExtractResult build() {
            return new ExtractResult(datasetId, variable, value, units, aggregation, pixelRule, quality,
                    coverageFraction, pixelCount, resolutionM, timestamp, temporalAggregation, provider, crs,
                    elapsedMs);
        }
    }
}
