/**
 * Terrace's contract: the requests, responses and models that every door (in-process, HTTP, SDK)
 * speaks.
 */
module dev.terrace.api {
  requires transitive com.fasterxml.jackson.annotation;
  requires transitive org.jspecify;

  exports dev.terrace.api;
  exports dev.terrace.api.geojson;
  exports dev.terrace.api.retry;

  // Jackson reads a result through a package-private creator (ExtractResult.fromJson); open for
  // reflection only.
  opens dev.terrace.api;
}
