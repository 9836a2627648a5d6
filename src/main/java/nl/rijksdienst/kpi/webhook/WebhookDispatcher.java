package nl.rijksdienst.kpi.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.event.EventDto;
import nl.rijksdienst.kpi.event.EventService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the webhook deliveries that are due, on every replica: each run takes up to a batch of due
 * deliveries with {@code FOR UPDATE SKIP LOCKED} (so two replicas never send the same one at once),
 * posts each event, signed, and records the answer. A 2xx answer delivers it; anything else (another
 * status, no answer within the timeout) is tried again after a back-off that grows fourfold from
 * {@code kpi.webhooks.first-retry} (up to four hours), until {@code kpi.webhooks.max-attempts}.
 * At least once: a replica that stops between sending and recording sends it again after a restart.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final int BATCH = 20;
    private static final Duration LONGEST_WAIT = Duration.ofHours(4);

    private final EntityManager em;
    private final EventService events;
    private final ObjectMapper json;
    private final Duration firstRetry;
    private final int maxAttempts;
    private final HttpClient client;

    public WebhookDispatcher(EntityManager em, EventService events, ObjectMapper json,
            @ConfigProperty(name = "kpi.webhooks.first-retry", defaultValue = "10S") Duration firstRetry,
            @ConfigProperty(name = "kpi.webhooks.max-attempts", defaultValue = "10") int maxAttempts,
            @ConfigProperty(name = "kpi.webhooks.timeout", defaultValue = "10S") Duration timeout) {
        this.em = em;
        this.events = events;
        this.json = json;
        this.firstRetry = firstRetry;
        this.maxAttempts = maxAttempts;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(every = "${kpi.webhooks.poll}", delayed = "${kpi.webhooks.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            while (dispatch() == BATCH) {
                // a full batch: there may be more due
            }
        } catch (RuntimeException e) {
            Log.warnf("Sending webhook deliveries failed: %s", e.toString());
        }
    }

    /** Sends one batch of due deliveries in a transaction that holds them; returns how many it took. */
    public int dispatch() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            List<?> due = em.createNativeQuery("select d.id, d.event_id, d.attempts, s.url, s.secret from webhook_delivery d "
                            + "join webhook_subscription s on s.id = d.subscription_id "
                            + "where d.delivered_at is null and d.given_up_at is null and d.next_attempt_at <= now() "
                            + "order by d.next_attempt_at, d.id limit " + BATCH + " for update of d skip locked")
                    .getResultList();
            for (Object row : due) {
                Object[] r = (Object[]) row;
                send(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).intValue(), (String) r[3], (String) r[4]);
            }
            return due.size();
        });
    }

    private void send(long delivery, long eventId, int attempts, String url, String secret) {
        EventDto event = events.find(eventId).orElseThrow();
        String id = "msg_" + delivery;
        long timestamp = Instant.now().getEpochSecond();
        Integer status = null;
        String error = null;
        try {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", event.kind());
            payload.put("timestamp", event.occurredAt());
            payload.put("data", event);
            String body = json.writeValueAsString(payload);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature", Signature.sign(secret, id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                error = "HTTP " + status;
            }
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        int tried = attempts + 1;
        if (error == null) {
            em.createNativeQuery("update webhook_delivery set attempts = ?2, delivered_at = now(), last_status = ?3, last_error = null where id = ?1")
                    .setParameter(1, delivery).setParameter(2, tried).setParameter(3, status).executeUpdate();
            return;
        }
        if (tried >= maxAttempts) {
            em.createNativeQuery("update webhook_delivery set attempts = ?2, given_up_at = now(), last_status = cast(?3 as integer), last_error = ?4 where id = ?1")
                    .setParameter(1, delivery).setParameter(2, tried).setParameter(3, status).setParameter(4, error).executeUpdate();
            Log.warnf("Gave up on webhook delivery %s of event %d to %s after %d attempts: %s", id, eventId, url, tried, error);
            return;
        }
        Duration wait = firstRetry.multipliedBy((long) Math.pow(4, Math.min(tried - 1, 10)));
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        em.createNativeQuery("update webhook_delivery set attempts = ?2, next_attempt_at = now() + make_interval(secs => ?3), last_status = cast(?4 as integer), "
                        + "last_error = ?5 where id = ?1")
                .setParameter(1, delivery).setParameter(2, tried).setParameter(3, (double) wait.toMillis() / 1000).setParameter(4, status)
                .setParameter(5, error).executeUpdate();
    }
}
