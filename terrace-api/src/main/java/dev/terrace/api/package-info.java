/**
 * The Terrace wire contract: request and response records shared by the embedded engine, the HTTP service
 * and the SDK. Compiled for Java 17 so that SDK users need no newer runtime.
 */
package dev.terrace.api;
