package dev.terrace.client;

import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt ended with: a response (of any status) or the failure that left it without one.
 */
record Outcome(@Nullable HttpResponse<byte[]> response, @Nullable Throwable failure) {}
