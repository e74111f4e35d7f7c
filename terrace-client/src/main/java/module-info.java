/**
 * The Java SDK for a Terrace service: {@code TerraceClient} (blocking) and {@code
 * TerraceAsyncClient}, over the JDK's HTTP client.
 */
module dev.terrace.client {
  requires transitive dev.terrace.api;
  requires transitive java.net.http;
  requires com.fasterxml.jackson.databind;

  exports dev.terrace.client;
}
