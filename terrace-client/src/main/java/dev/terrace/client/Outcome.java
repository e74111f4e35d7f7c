package dev.terrace.client;

import java.net.http.HttpResponse;

/** What one attempt ended with: a response (of any status) or the failure that left it without one. */
record Outcome(HttpResponse<byte[]> response, Throwable failure) {
}
