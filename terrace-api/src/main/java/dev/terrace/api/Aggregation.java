package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A statistic to compute over the cells a geometry covers: {@code mean}, {@code sum}, {@code count},
 * {@code min}, {@code max}, {@code std}, {@code median}, {@code percentile:P}, {@code majority},
 * {@code minority}, {@code variety}, {@code unique}, {@code distribution}, {@code histogram},
 * {@code nodata_count}, the {@code weighted_*} statistics of a request with {@code weights}, or {@code cells}.
 *
 * <p>On the wire as its plain name ({@link #toString()}), for example {@code "mean"} or {@code "percentile:90"};
 * {@link #parse(String)} reads it back, ignoring case. {@code distribution} yields an object (class → covered
 * fraction), {@code histogram} and {@code weighted_frac} an object, {@code unique} and {@code cells} an array;
 * every other statistic yields a number.
 *
 * <p><b>An empty zone</b> (no valid cell: a polygon over nodata only, beyond the raster's edge, or too small to
 * hold a cell centre under {@code center}) answers as exactextract does: {@code count}, {@code sum}, {@code
 * variety} and {@code weighted_sum} 0; {@code unique} an empty array; {@code distribution}, {@code histogram}
 * and {@code weighted_frac} an empty object; {@code nodata_count} the nodata it covers; every statistic of the
 * values themselves ({@code mean}, {@code min}, {@code max}, {@code range}, {@code std}, {@code variance},
 * {@code coefficient_of_variation}, {@code median}, {@code percentile:P}, {@code majority}, {@code minority}
 * and the other {@code weighted_*}) null, where exactextract writes NaN or null. The result's quality is {@code
 * missing}. A point on a cell without data is such a zone of one cell; a point beyond the raster has no cell,
 * hence no zone, and every statistic is null. A {@code temporal_aggregation} leaves out the timestamps of an
 * empty zone, so that their 0 does not count as a reading ({@code nodata_count} excepted).
 *
 * @param name the statistic's name, lower case, one of {@link #NAMES}
 * @param percentile for {@code percentile} the requested percentile P in [0, 100], otherwise empty
 */
public record Aggregation(String name, OptionalDouble percentile) {

    /** The statistic names, in documentation order; {@code percentile} is written {@code percentile:P}. */
    public static final List<String> NAMES = List.of("mean", "sum", "count", "min", "max", "std", "variance",
            "coefficient_of_variation", "range", "median", "percentile", "majority", "minority", "variety",
            "unique", "distribution", "histogram", "nodata_count", "weighted_mean", "weighted_sum", "weighted_std",
            "weighted_variance", "weighted_frac", "cells");

    /** Coverage-weighted mean of the valid cells (the default). */
    public static final Aggregation MEAN = named("mean");
    /** Coverage-weighted sum of the valid cells. */
    public static final Aggregation SUM = named("sum");
    /** Number of valid cells, weighted by coverage. */
    public static final Aggregation COUNT = named("count");
    /** Smallest valid cell value. */
    public static final Aggregation MIN = named("min");
    /** Largest valid cell value. */
    public static final Aggregation MAX = named("max");
    /** Coverage-weighted population standard deviation. */
    public static final Aggregation STD = named("std");
    /** Coverage-weighted population variance: {@code std} squared. */
    public static final Aggregation VARIANCE = named("variance");
    /** {@code std} divided by {@code mean}. */
    public static final Aggregation COEFFICIENT_OF_VARIATION = named("coefficient_of_variation");
    /** {@code max} minus {@code min}. */
    public static final Aggregation RANGE = named("range");
    /** Coverage-weighted median (the 50th percentile). */
    public static final Aggregation MEDIAN = named("median");
    /**
     * The class with the largest covered area. When several share it, the request's {@link Tie} picks one: the
     * lowest class by default, the highest with {@code tie: highest} (exactextract's {@code majority} takes the
     * highest). 64-bit integer classes are compared exactly.
     */
    public static final Aggregation MAJORITY = named("majority");
    /**
     * The class with the smallest covered area; among several, the lowest class, or the highest with {@code tie:
     * highest} (exactextract's {@code minority} takes the lowest).
     */
    public static final Aggregation MINORITY = named("minority");
    /** The number of distinct classes. */
    public static final Aggregation VARIETY = named("variety");
    /** The distinct classes, ascending, as an array. */
    public static final Aggregation UNIQUE = named("unique");
    /** Each class with the fraction of the covered area it occupies, as an object. */
    public static final Aggregation DISTRIBUTION = named("distribution");
    /**
     * Each class with its number of cells (its covered area in cells under the {@code exact} rule), as an
     * object: what rasterstats' {@code categorical=True} gives.
     */
    public static final Aggregation HISTOGRAM = named("histogram");
    /**
     * The weight of covered cells inside the raster that hold no data (nodata, NaN or masked), under the pixel
     * rule: their number under {@code center} and {@code all_touched}, their covered area in cells under
     * {@code exact}. Area beyond the raster's edge is not counted. For a point: 1 when the cell under it holds no
     * data, 0 when it holds data, no value when the point is outside the raster.
     */
    public static final Aggregation NODATA_COUNT = named("nodata_count");

    /**
     * {@code Σ x·c·w / Σ c·w}: the mean of the valid cells, each weighted by its coverage {@code c} and by the
     * request's {@code weights} dataset {@code w} (exactextract's {@code weighted_mean}).
     *
     * <p>How a weight cell is matched to a value cell: on the same grid, cell by cell. When the two grids share
     * a CRS and are aligned (each cell size a whole multiple of the finer one, and the coarser grid's origin on
     * a line of the finer one), coverage is computed on the finer of the two grids and each of its cells takes
     * the value and the weight of the cells it lies in, as exactextract does. Otherwise each value cell takes
     * the weight of the weight cell under its centre. A covered cell outside the weight raster, or whose weight
     * is nodata, weighs {@code default_weight}; without one the weighted statistic is null, with a warning.
     */
    public static final Aggregation WEIGHTED_MEAN = named("weighted_mean");
    /** {@code Σ x·c·w}: the sum of the valid cells weighted by coverage and weight (see {@link #WEIGHTED_MEAN}). */
    public static final Aggregation WEIGHTED_SUM = named("weighted_sum");
    /** The population standard deviation weighted by coverage and weight (see {@link #WEIGHTED_MEAN}). */
    public static final Aggregation WEIGHTED_STD = named("weighted_std");
    /** The population variance weighted by coverage and weight: {@code weighted_std} squared. */
    public static final Aggregation WEIGHTED_VARIANCE = named("weighted_variance");
    /**
     * Each class with its share of the total {@code c·w}, as an object (exactextract's {@code weighted_frac}):
     * {@code distribution} with weights, for example the share of a population living on each land cover class.
     */
    public static final Aggregation WEIGHTED_FRAC = named("weighted_frac");
    /**
     * The covered cells themselves rather than a summary, as an array with one object per cell that holds data
     * (see {@link Cell}), in row-major order: what exactextract's {@code values}, {@code coverage},
     * {@code center_x}, {@code center_y} and {@code cell_id} give. Bounded by the request's cell budget.
     */
    public static final Aggregation CELLS = named("cells");

    private static final String PERCENTILE = "percentile";
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    /**
     * Checks the name and the percentile.
     *
     * @param name the statistic's name; stored in lower case
     * @param percentile P in [0, 100] for {@code percentile}, empty for every other statistic
     * @throws IllegalArgumentException if the name is unknown or the percentile is missing, out of range or
     *     given for another statistic
     * @throws NullPointerException if an argument is null
     */
    public Aggregation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(percentile, "percentile");
        name = name.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            throw unknown(name);
        }
        if (name.equals(PERCENTILE)) {
            if (percentile.isEmpty()) {
                throw new IllegalArgumentException("percentile needs P: write percentile:P with P in [0, 100]");
            }
            double p = percentile.getAsDouble();
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("percentile:P needs P in [0, 100], not " + p);
            }
        } else if (percentile.isPresent()) {
            throw new IllegalArgumentException(name + " takes no percentile");
        }
    }

    /**
     * The {@code percentile:P} statistic.
     *
     * @param p the percentile, in [0, 100]
     * @return the statistic
     * @throws IllegalArgumentException if {@code p} is outside [0, 100] or NaN
     */
    public static Aggregation percentile(double p) {
        return new Aggregation(PERCENTILE, OptionalDouble.of(p));
    }

    /**
     * Reads a statistic's wire form, ignoring case and surrounding blanks: {@code "mean"}, {@code "MAX"},
     * {@code "percentile:90"}, {@code "percentile:2.5"}.
     *
     * @param value the wire form
     * @return the statistic
     * @throws IllegalArgumentException if {@code value} is null, unknown, or a percentile without a valid P in
     *     [0, 100]; the message lists the valid names
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Aggregation parse(String value) {
        if (value == null) {
            throw unknown(null);
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith(PERCENTILE + ":")) {
            String p = v.substring(PERCENTILE.length() + 1).strip();
            if (!NUMBER.matcher(p).matches()) {
                throw new IllegalArgumentException("Invalid aggregation '" + value
                        + "': write percentile:P with P a number in [0, 100], for example percentile:90");
            }
            double percentile = Double.parseDouble(p);
            if (percentile > 100) {
                throw new IllegalArgumentException("Invalid aggregation '" + value
                        + "': percentile:P needs P in [0, 100]");
            }
            return percentile(percentile);
        }
        if (v.equals(PERCENTILE)) {
            throw new IllegalArgumentException("Invalid aggregation '" + value
                    + "': write percentile:P with P a number in [0, 100], for example percentile:90");
        }
        if (!NAMES.contains(v)) {
            throw unknown(value);
        }
        return named(v);
    }

    /**
     * Whether this statistic yields a number ({@code distribution} and {@code histogram} yield an object,
     * {@code unique} and {@code cells} an array).
     *
     * @return {@code false} for {@code distribution}, {@code histogram}, {@code unique} and {@code cells},
     *     {@code true} otherwise
     */
    public boolean isNumeric() {
        return !name.equals("distribution") && !name.equals("unique") && !name.equals("histogram")
                && !name.equals("weighted_frac") && !name.equals("cells");
    }

    /**
     * The wire form.
     *
     * @return the name, or {@code percentile:P} with P written without a needless fraction
     *     ({@code percentile:90}, {@code percentile:2.5})
     */
    @JsonValue
    @Override
    public String toString() {
        if (percentile.isEmpty()) {
            return name;
        }
        return PERCENTILE + ":" + BigDecimal.valueOf(percentile.getAsDouble()).stripTrailingZeros().toPlainString();
    }

    private static Aggregation named(String name) {
        return new Aggregation(name, OptionalDouble.empty());
    }

    private static IllegalArgumentException unknown(String value) {
        return new IllegalArgumentException((value == null ? "Missing aggregation" : "Unknown aggregation '" + value + "'")
                + "; expected one of: mean, sum, count, min, max, std, median, percentile:P (P in [0, 100]), "
                + "majority, minority, variety, unique, distribution, histogram, nodata_count");
    }
}
