package nl.rijksdienst.kpi.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.rijksdienst.kpi.common.DataVersions;

/**
 * Server-sent events for browser dashboards, on every replica: each replica learns of a change
 * through the data version it already follows (PostgreSQL {@code LISTEN/NOTIFY}, with its fallback
 * check), and tells its own listeners: a {@code data-version} message with the new version, and an
 * {@code event} message for each event recorded since the last it told (id: the event's id, so a
 * browser that reconnects with {@code Last-Event-ID} gets what it missed).
 */
@ApplicationScoped
public class LiveEvents {

    private final DataVersions versions;
    private final EventService events;
    private final ObjectMapper json;
    private final AtomicLong told = new AtomicLong(-1);
    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;

    public LiveEvents(DataVersions versions, EventService events, ObjectMapper json) {
        this.versions = versions;
        this.events = events;
        this.json = json;
    }

    void start(@Observes StartupEvent start) {
        versions.onMove((from, to, changed) -> moved(to));
    }

    /** Registers a listener; the first message says where the data stands, then what it missed since {@code lastEventId}. */
    void register(SseEventSink sink, Sse sse, Long lastEventId) {
        broadcaster(sse).register(sink);
        sink.send(message("data-version", null, Map.of("version", versions.current().number()))).toCompletableFuture().join();
        if (lastEventId != null) {
            for (EventDto event : io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> missed(lastEventId))) {
                sink.send(message("event", event.id(), event));
            }
        }
        told.compareAndSet(-1, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(events::last));
    }

    private java.util.List<EventDto> missed(long after) {
        java.util.List<EventDto> newestFirst = new java.util.ArrayList<>(
                events.list(new EventService.Filter(null, null, null, null, after), new nl.rijksdienst.kpi.common.PageRequest(1, 1000)).items());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    private synchronized SseBroadcaster broadcaster(Sse given) {
        if (broadcaster == null) {
            sse = given;
            broadcaster = given.newBroadcaster();
            broadcaster.onError((sink, error) -> Log.debugf("A live listener went away: %s", error.toString()));
        }
        return broadcaster;
    }

    /** On the data version's listener thread: tells every listener of this replica. */
    private void moved(DataVersions.Version to) {
        SseBroadcaster current = broadcaster;
        if (current == null) {
            return;
        }
        try {
            long from = told.get();
            java.util.List<EventDto> recorded = from < 0 ? java.util.List.of()
                    : io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> missed(from));
            for (EventDto event : recorded) {
                current.broadcast(message("event", event.id(), event));
                told.accumulateAndGet(event.id(), Math::max);
            }
            current.broadcast(message("data-version", null, Map.of("version", to.number())));
        } catch (RuntimeException e) {
            Log.warnf("Telling the live listeners of version %d failed: %s", to.number(), e.toString());
        }
    }

    private OutboundSseEvent message(String name, Long id, Object data) {
        try {
            // the data is JSON, written here, and sent as the text it is
            OutboundSseEvent.Builder builder = sse.newEventBuilder().name(name).data(String.class, json.writeValueAsString(data));
            if (id != null) {
                builder.id(String.valueOf(id));
            }
            return builder.build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a live message", e);
        }
    }
}
