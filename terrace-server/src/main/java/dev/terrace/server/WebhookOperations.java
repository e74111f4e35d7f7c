package dev.terrace.server;

import dev.terrace.api.CreateWebhookRequest;
import dev.terrace.api.DeleteWebhookRequest;
import dev.terrace.api.ErrorType;
import dev.terrace.api.ListWebhookDeliveriesRequest;
import dev.terrace.api.ListWebhooksRequest;
import dev.terrace.api.Webhook;
import dev.terrace.api.WebhookDeliveryPage;
import dev.terrace.api.WebhookEvent;
import dev.terrace.api.WebhookPage;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers the {@code webhooks.*} operations for the caller: checks each request, naming the field
 * at fault, and reads or changes the caller's webhooks.
 */
final class WebhookOperations {

  static final int MAX_LIMIT = 1000;
  static final int MIN_SECRET = 16;
  static final int MAX_SECRET = 200;

  private final WebhookStore store;
  private final WebhookUrlGuard guard;

  WebhookOperations(WebhookStore store, WebhookOptions options) {
    this.store = store;
    this.guard = new WebhookUrlGuard(options.allowed());
  }

  Webhook create(String owner, CreateWebhookRequest request) {
    try {
      guard.check(request.url());
    } catch (WebhookUrlGuard.Refused e) {
      throw invalid(e.getMessage(), "url");
    }
    if (request.events() == null || request.events().isEmpty()) {
      throw invalid("events is required: one or more of " + eventNames(), "events");
    }
    Set<WebhookEvent> events = new LinkedHashSet<>();
    for (int i = 0; i < request.events().size(); i++) {
      WebhookEvent event = request.events().get(i);
      if (event == null) {
        throw invalid("an event must be one of " + eventNames() + ", not null", "events", i);
      }
      events.add(event);
    }
    String secret = request.secret();
    if (secret == null) {
      secret = store.newId("whsec_");
    } else if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
      throw invalid(
          "secret must be "
              + MIN_SECRET
              + " to "
              + MAX_SECRET
              + " characters, or left out for the"
              + " service to make one",
          "secret");
    }
    return store.create(owner, request.url(), List.copyOf(events), secret);
  }

  WebhookPage list(String owner, ListWebhooksRequest request) {
    checkPage(request.limit(), request.offset());
    return store.list(owner, request.limit(), request.offset());
  }

  Webhook delete(String owner, DeleteWebhookRequest request) {
    String id = OperationHandler.required(request.id(), "id");
    return store.delete(owner, id).orElseThrow(() -> unknown(id, "id"));
  }

  WebhookDeliveryPage deliveries(String owner, ListWebhookDeliveriesRequest request) {
    String id = OperationHandler.required(request.webhookId(), "webhook_id");
    checkPage(request.limit(), request.offset());
    return store
        .deliveries(owner, id, request.limit(), request.offset())
        .orElseThrow(() -> unknown(id, "webhook_id"));
  }

  private static void checkPage(int limit, int offset) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw invalid("limit must be 1 to " + MAX_LIMIT + ", got " + limit, "limit");
    }
    if (offset < 0) {
      throw invalid("offset must not be negative, got " + offset, "offset");
    }
  }

  private static ProblemException unknown(String id, String field) {
    return ProblemException.field(
        ErrorType.NOT_FOUND,
        "no webhook '" + id + "' among this caller's webhooks; webhooks.list lists them",
        "not_found",
        field);
  }

  private static ProblemException invalid(String detail, Object... loc) {
    return ProblemException.field(ErrorType.VALIDATION_ERROR, detail, "value_error", loc);
  }

  private static String eventNames() {
    return Arrays.stream(WebhookEvent.values())
        .map(WebhookEvent::wireName)
        .collect(Collectors.joining(", "));
  }
}
