package dev.terrace.client;

import dev.terrace.api.CreateWebhookRequest;
import dev.terrace.api.DeleteWebhookRequest;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.ListWebhookDeliveriesRequest;
import dev.terrace.api.ListWebhooksRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.Operation;
import dev.terrace.api.Webhook;
import dev.terrace.api.WebhookDelivery;
import dev.terrace.api.WebhookDeliveryPage;
import dev.terrace.api.WebhookPage;
import java.util.concurrent.CompletableFuture;

/**
 * Operations {@code webhooks.create}, {@code webhooks.list}, {@code webhooks.delete} and {@code
 * webhooks.deliveries.list} of a {@link TerraceAsyncClient}. The twin of {@link WebhookService}.
 */
public final class WebhookServiceAsync {

  private final TerraceAsyncClient client;

  WebhookServiceAsync(TerraceAsyncClient client) {
    this.client = client;
  }

  /**
   * Creates a webhook; a retry makes one webhook.
   *
   * @param request the URL, the events and, optionally, the secret
   * @return a future of the webhook with its secret, which no later answer shows; an {@link
   *     InvalidRequestException} naming the field when the service refuses it
   */
  public CompletableFuture<Webhook> create(CreateWebhookRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Creates a webhook, with settings for this call.
   *
   * @param request the URL, the events and, optionally, the secret
   * @param options settings overriding the client's
   * @return a future of the webhook with its secret
   */
  public CompletableFuture<Webhook> create(CreateWebhookRequest request, RequestOptions options) {
    return client.call(Operation.WEBHOOKS_CREATE.operationName(), request, Webhook.class, options);
  }

  /**
   * The first page of the caller's webhooks at the default size (100).
   *
   * @return a future of the page, which fetches the next ones
   */
  public CompletableFuture<CatalogPageAsync<Webhook>> list() {
    return list(ListWebhooksRequest.FIRST_PAGE);
  }

  /**
   * A page of the caller's webhooks, oldest first.
   *
   * @param request the page to return
   * @return a future of the page, which fetches the next ones
   */
  public CompletableFuture<CatalogPageAsync<Webhook>> list(ListWebhooksRequest request) {
    return list(request, RequestOptions.none());
  }

  /**
   * A page of the caller's webhooks, with settings for this call and the next pages'.
   *
   * @param request the page to return
   * @param options settings overriding the client's
   * @return a future of the page, which fetches the next ones
   */
  public CompletableFuture<CatalogPageAsync<Webhook>> list(
      ListWebhooksRequest request, RequestOptions options) {
    return CatalogPageAsync.fetch(
        request.offset(),
        offset ->
            client.call(
                Operation.WEBHOOKS_LIST.operationName(),
                request.withOffset(offset),
                WebhookPage.class,
                options),
        client.executor());
  }

  /**
   * Deletes a webhook.
   *
   * @param id the webhook's id
   * @return a future of the webhook as it was; a {@link NotFoundException} if the caller has none
   *     of that id
   */
  public CompletableFuture<Webhook> delete(String id) {
    return delete(id, RequestOptions.none());
  }

  /**
   * Deletes a webhook, with settings for this call.
   *
   * @param id the webhook's id
   * @param options settings overriding the client's
   * @return a future of the webhook as it was
   */
  public CompletableFuture<Webhook> delete(String id, RequestOptions options) {
    return client.call(
        Operation.WEBHOOKS_DELETE.operationName(),
        new DeleteWebhookRequest(id),
        Webhook.class,
        options);
  }

  /**
   * The first page of a webhook's deliveries, newest first, at the default size (100).
   *
   * @param webhookId the webhook's id
   * @return a future of the page, which fetches the next ones; a {@link NotFoundException} if the
   *     caller has no webhook of that id
   */
  public CompletableFuture<CatalogPageAsync<WebhookDelivery>> deliveries(String webhookId) {
    return deliveries(ListWebhookDeliveriesRequest.forWebhook(webhookId));
  }

  /**
   * A page of a webhook's deliveries, newest first, each with its attempts.
   *
   * @param request the webhook and the page to return
   * @return a future of the page, which fetches the next ones
   */
  public CompletableFuture<CatalogPageAsync<WebhookDelivery>> deliveries(
      ListWebhookDeliveriesRequest request) {
    return deliveries(request, RequestOptions.none());
  }

  /**
   * A page of a webhook's deliveries, with settings for this call and the next pages'.
   *
   * @param request the webhook and the page to return
   * @param options settings overriding the client's
   * @return a future of the page, which fetches the next ones
   */
  public CompletableFuture<CatalogPageAsync<WebhookDelivery>> deliveries(
      ListWebhookDeliveriesRequest request, RequestOptions options) {
    return CatalogPageAsync.fetch(
        request.offset(),
        offset ->
            client.call(
                Operation.WEBHOOKS_DELIVERIES_LIST.operationName(),
                request.withOffset(offset),
                WebhookDeliveryPage.class,
                options),
        client.executor());
  }
}
