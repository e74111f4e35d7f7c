package dev.terrace.client;

import dev.terrace.api.CreateWebhookRequest;
import dev.terrace.api.DeleteWebhookRequest;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.ListWebhookDeliveriesRequest;
import dev.terrace.api.ListWebhooksRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.Operation;
import dev.terrace.api.TerraceException;
import dev.terrace.api.Webhook;
import dev.terrace.api.WebhookDelivery;
import dev.terrace.api.WebhookDeliveryPage;
import dev.terrace.api.WebhookPage;

/**
 * Operations {@code webhooks.create}, {@code webhooks.list}, {@code webhooks.delete} and {@code
 * webhooks.deliveries.list} of a {@link TerraceClient}: the caller's webhooks, which a service
 * tells of its jobs. Check what they receive with {@link Webhooks#verify}.
 *
 * <pre>{@code
 * Webhook hook = client.webhooks().create(
 *     CreateWebhookRequest.of("https://example.com/terrace", WebhookEvent.JOB_SUCCEEDED));
 * String secret = hook.secret();   // shown only now: keep it to verify deliveries
 * for (WebhookDelivery d : client.webhooks().deliveries(hook.id()).autoPager()) {
 *     System.out.println(d.status() + " after " + d.attempts().size() + " attempts");
 * }
 * }</pre>
 */
public final class WebhookService {

  private final TerraceClient client;

  WebhookService(TerraceClient client) {
    this.client = client;
  }

  /**
   * Creates a webhook. A retry of this call (the client's own, or one with the same {@code
   * Idempotency-Key}) makes one webhook.
   *
   * @param request the URL, the events and, optionally, the secret
   * @return the webhook with its secret, which no later answer shows
   * @throws InvalidRequestException naming {@code url}, {@code events} or {@code secret} when the
   *     service refuses it
   * @throws TerraceException if the call fails otherwise
   */
  public Webhook create(CreateWebhookRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Creates a webhook, with settings for this call.
   *
   * @param request the URL, the events and, optionally, the secret
   * @param options settings overriding the client's
   * @return the webhook with its secret, which no later answer shows
   * @throws InvalidRequestException naming the field when the service refuses it
   * @throws TerraceException if the call fails otherwise
   */
  public Webhook create(CreateWebhookRequest request, RequestOptions options) {
    return client.call(Operation.WEBHOOKS_CREATE.operationName(), request, Webhook.class, options);
  }

  /**
   * The first page of the caller's webhooks at the default size (100).
   *
   * @return the page, which fetches the next ones
   * @throws TerraceException if the call fails
   */
  public CatalogPage<Webhook> list() {
    return list(ListWebhooksRequest.FIRST_PAGE);
  }

  /**
   * A page of the caller's webhooks, oldest first.
   *
   * @param request the page to return
   * @return the page, which fetches the next ones
   * @throws TerraceException if the call fails
   */
  public CatalogPage<Webhook> list(ListWebhooksRequest request) {
    return list(request, RequestOptions.none());
  }

  /**
   * A page of the caller's webhooks, with settings for this call and the next pages'.
   *
   * @param request the page to return
   * @param options settings overriding the client's
   * @return the page, which fetches the next ones
   * @throws TerraceException if the call fails
   */
  public CatalogPage<Webhook> list(ListWebhooksRequest request, RequestOptions options) {
    return new CatalogPage<>(
        page(request, options), offset -> page(request.withOffset(offset), options));
  }

  /**
   * Deletes a webhook: it receives nothing more, pending deliveries included.
   *
   * @param id the webhook's id
   * @return the webhook as it was
   * @throws NotFoundException if the caller has no webhook of that id
   * @throws TerraceException if the call fails otherwise
   */
  public Webhook delete(String id) {
    return delete(id, RequestOptions.none());
  }

  /**
   * Deletes a webhook, with settings for this call.
   *
   * @param id the webhook's id
   * @param options settings overriding the client's
   * @return the webhook as it was
   * @throws NotFoundException if the caller has no webhook of that id
   * @throws TerraceException if the call fails otherwise
   */
  public Webhook delete(String id, RequestOptions options) {
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
   * @return the page, which fetches the next ones
   * @throws NotFoundException if the caller has no webhook of that id
   * @throws TerraceException if the call fails otherwise
   */
  public CatalogPage<WebhookDelivery> deliveries(String webhookId) {
    return deliveries(ListWebhookDeliveriesRequest.forWebhook(webhookId));
  }

  /**
   * A page of a webhook's deliveries, newest first, each with its attempts.
   *
   * @param request the webhook and the page to return
   * @return the page, which fetches the next ones
   * @throws NotFoundException if the caller has no webhook of that id
   * @throws TerraceException if the call fails otherwise
   */
  public CatalogPage<WebhookDelivery> deliveries(ListWebhookDeliveriesRequest request) {
    return deliveries(request, RequestOptions.none());
  }

  /**
   * A page of a webhook's deliveries, with settings for this call and the next pages'.
   *
   * @param request the webhook and the page to return
   * @param options settings overriding the client's
   * @return the page, which fetches the next ones
   * @throws NotFoundException if the caller has no webhook of that id
   * @throws TerraceException if the call fails otherwise
   */
  public CatalogPage<WebhookDelivery> deliveries(
      ListWebhookDeliveriesRequest request, RequestOptions options) {
    return new CatalogPage<>(
        deliveryPage(request, options),
        offset -> deliveryPage(request.withOffset(offset), options));
  }

  private WebhookPage page(ListWebhooksRequest request, RequestOptions options) {
    return client.call(
        Operation.WEBHOOKS_LIST.operationName(), request, WebhookPage.class, options);
  }

  private WebhookDeliveryPage deliveryPage(
      ListWebhookDeliveriesRequest request, RequestOptions options) {
    return client.call(
        Operation.WEBHOOKS_DELIVERIES_LIST.operationName(),
        request,
        WebhookDeliveryPage.class,
        options);
  }
}
