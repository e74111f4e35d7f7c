/**
 * Side-by-side benchmarks: each main runs Terrace and the anchor (GDAL; for {@code SdkBench}, bare
 * {@code java.net.http}) on the same input in the same run and prints both times and their ratio.
 * Run them with {@code terrace-bench/run CLASS [ARGS]}.
 */
package dev.terrace.bench;
