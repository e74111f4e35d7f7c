package dev.terrace.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.terrace.api.WebhookDeliveryStatus;
import dev.terrace.api.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the events published to the webhooks subscribed to them. {@link #publish} writes one
 * pending delivery per webhook before it returns, so that an event accepted survives a restart; a
 * background virtual thread picks up every delivery due, pending ones left by an earlier run
 * included, and makes each attempt on a virtual thread of its own, bounded by the attempt timeout,
 * so that a stalled receiver holds up no other. A failed attempt is retried with exponential
 * backoff until {@link WebhookOptions#retryFor()} after the event, then the delivery is failed.
 * Every attempt is recorded.
 */
final class WebhookDispatcher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

  /** Deliveries taken per look at the database. */
  private static final int BATCH = 64;

  /**
   * Attempts under way at once: enough for many slow receivers, few enough that a backlog after an
   * outage is worked off without a thread per delivery.
   */
  private static final int MAX_IN_FLIGHT = 256;

  /**
   * The longest the dispatcher sleeps: what another service sharing a PostgreSQL database published
   * is picked up within this.
   */
  private static final long MAX_IDLE_MILLIS = 1000;

  /** The shortest the dispatcher sleeps between two looks at the database. */
  private static final long MIN_WAIT_MILLIS = 10;

  /** {@code job.progress} goes to a webhook at most this often per job. */
  private static final Duration PROGRESS_INTERVAL = Duration.ofMinutes(1);

  private final WebhookStore store;
  private final WebhookUrlGuard guard;
  private final WebhookOptions options;
  private final Cache<String, Boolean> progressSent;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Semaphore wakeups = new Semaphore(0);
  private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
  private final Thread loop;
  private volatile boolean closed;

  WebhookDispatcher(WebhookStore store, WebhookOptions options) {
    this.store = store;
    this.guard = new WebhookUrlGuard(options.allowed());
    this.options = options;
    this.progressSent = Caffeine.newBuilder().expireAfterWrite(PROGRESS_INTERVAL).build();
    this.loop = Thread.ofVirtual().name("terrace-webhooks").unstarted(this::run);
  }

  /** Starts delivering, beginning with what an earlier run left pending. */
  void start() {
    loop.start();
  }

  /**
   * Publishes an event to the owner's webhooks subscribed to it: one delivery each, written to the
   * database before this returns. The body is {@code {"id", "type", "created_at", "data"}}. A
   * {@code job.progress} for a job (named by {@code data}'s {@code id}) that a webhook was sent
   * less than a minute ago is not sent to it.
   *
   * @param owner the principal whose webhooks are told, the id of the API key that started the job
   * @param eventId the event's id, the same for every webhook, so that receivers can drop a repeat
   * @param data what the event is about, written as JSON
   * @return how many deliveries were made
   */
  int publish(String owner, WebhookEvent event, String eventId, Object data) {
    long now = System.currentTimeMillis();
    JsonNode dataTree = Json.MAPPER.valueToTree(data);
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("id", eventId)
        .put("type", event.wireName())
        .put("created_at", WebhookStore.time(now))
        .set("data", dataTree);
    String text;
    try {
      text = Json.MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the event's data cannot be written as JSON", e);
    }
    List<WebhookStore.NewDelivery> deliveries = new ArrayList<>();
    for (String webhookId : store.subscribers(owner, event)) {
      if (event == WebhookEvent.JOB_PROGRESS
          && progressSent
                  .asMap()
                  .putIfAbsent(webhookId + " " + dataTree.path("id").asText(), Boolean.TRUE)
              != null) {
        continue;
      }
      deliveries.add(
          new WebhookStore.NewDelivery(store.newId("dlv_"), webhookId, event, eventId, text, now));
    }
    if (!deliveries.isEmpty()) {
      store.insert(deliveries);
      wakeups.release();
    }
    return deliveries.size();
  }

  private void run() {
    while (!closed) {
      try {
        long now = System.currentTimeMillis();
        for (WebhookStore.Due due : store.due(now, BATCH)) {
          // Held past the attempt's own timeout, so that only a stopped service's attempt expires.
          long lease = now + 2 * options.attemptTimeout().toMillis();
          if (inFlight.size() >= MAX_IN_FLIGHT) {
            break;
          }
          if (inFlight.add(due.id())) {
            if (store.claim(due, lease)) {
              attempts.execute(() -> attempt(due));
            } else {
              inFlight.remove(due.id());
            }
          }
        }
        // Full, it waits for an attempt to end; else for the next due, never spinning on one
        // overdue that cannot be taken yet.
        long wait =
            inFlight.size() >= MAX_IN_FLIGHT
                ? MAX_IDLE_MILLIS
                : Math.clamp(
                    store.nextDue().orElse(Long.MAX_VALUE) - System.currentTimeMillis(),
                    MIN_WAIT_MILLIS,
                    MAX_IDLE_MILLIS);
        if (wakeups.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
          wakeups.drainPermits();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.log(Level.WARNING, "webhook deliveries could not be read; trying again", e);
        try {
          Thread.sleep(MAX_IDLE_MILLIS);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  private void attempt(WebhookStore.Due due) {
    long at = System.currentTimeMillis();
    long started = System.nanoTime();
    try {
      WebhookPost.Outcome outcome;
      try {
        WebhookUrlGuard.Checked target = guard.check(due.url());
        outcome =
            WebhookPost.send(
                target,
                headers(due, at),
                due.body().getBytes(StandardCharsets.UTF_8),
                options.attemptTimeout().toMillis());
      } catch (WebhookUrlGuard.Refused e) {
        outcome = new WebhookPost.Outcome(null, e.getMessage());
      }
      if (closed && outcome.statusCode() == null) {
        // Cut short by the stop: not the receiver's failure. The lease makes it due again.
        return;
      }
      long latency = (System.nanoTime() - started) / 1_000_000;
      int attempt = due.attempts() + 1;
      Integer code = outcome.statusCode();
      if (code != null && code / 100 == 2) {
        store.record(
            due.id(), attempt, at, code, latency, null, WebhookDeliveryStatus.DELIVERED, null);
        return;
      }
      long next = System.currentTimeMillis() + backoff(attempt);
      boolean giveUp = next > due.createdAt() + options.retryFor().toMillis();
      store.record(
          due.id(),
          attempt,
          at,
          code,
          latency,
          outcome.error(),
          giveUp ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.PENDING,
          giveUp ? null : next);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "webhook delivery " + due.id() + " could not be recorded", e);
    } finally {
      inFlight.remove(due.id());
      wakeups.release();
    }
  }

  /**
   * The wait after the {@code attempt}th failure: the base, doubled per earlier failure, capped.
   */
  long backoff(int attempt) {
    long base = options.retryBase().toMillis();
    long cap = options.retryCap().toMillis();
    int doublings = Math.min(attempt - 1, 40);
    return base > cap >> doublings ? cap : Math.min(cap, base << doublings);
  }

  private static Map<String, String> headers(WebhookStore.Due due, long at) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("User-Agent", "Terrace-Webhooks/" + TerraceServer.version());
    headers.put("Terrace-Event", due.event().wireName());
    headers.put("Terrace-Delivery", due.id());
    headers.put(
        WebhookSignature.HEADER, WebhookSignature.header(due.secret(), at / 1000, due.body()));
    return headers;
  }

  /** Stops delivering; an attempt cut short is made again by the next run. */
  @Override
  public void close() {
    closed = true;
    loop.interrupt();
    attempts.shutdownNow();
    try {
      if (!attempts.awaitTermination(
          options.attemptTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
        LOG.warning("webhook attempts were still running at shutdown");
      }
      loop.join(MAX_IDLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
