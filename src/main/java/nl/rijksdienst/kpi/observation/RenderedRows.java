package nl.rijksdienst.kpi.observation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.indicator.Unit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Observations as JSON, each stored row rendered once. A row of the observation table is never
 * rewritten by the service (a correction adds a version; only the columns that say until when a
 * version held change, and the JSON of an observation has neither), so the JSON of a row is kept
 * under the row's id, its PostgreSQL {@code xmin} (the transaction that wrote that row version: any
 * update in place, by a migration or by hand, makes a new one) and the unit of its indicator, the one
 * thing from elsewhere that it shows. A series rendered anew after a change then renders only the
 * rows that changed, and joins the JSON of the others: the first request after a change costs the
 * query, not the rendering of every row again.
 *
 * <p>Bounded by {@code kpi.cache.rows.max-bytes} of the heap (unset: a tenth of the largest heap,
 * 16 MiB to 512 MiB, logged at start; 0: each row rendered every time); the least recently used rows
 * go first. {@code /q/metrics} reports it as {@code cache_gets_total{cache="rendered_rows",…}}.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class RenderedRows {

    /** What a row's JSON is kept under: the row version and the unit it is shown in. */
    record Key(long id, long xmin, Unit unit) {
    }

    /** The row version's {@code xmin} as a number (a transaction id has no cast to one of its own). */
    static final String XMIN = "xmin::text::bigint";

    /** The columns a reader of {@link #reader} reads: the observation's, then {@code xmin}. */
    static final String COLUMNS = ObservationRows.COLUMNS + ", " + XMIN;

    private static final byte[] ITEMS = "{\"items\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PAGING = "],\"paging\":".getBytes(StandardCharsets.UTF_8);

    private final Cache<Key, byte[]> rows;
    private final ObjectWriter json;

    public RenderedRows(ObjectMapper mapper, @ConfigProperty(name = "kpi.cache.rows.max-bytes") Optional<Long> configuredMaxBytes,
            io.micrometer.core.instrument.MeterRegistry registry) {
        this.json = mapper.writer();
        long maxBytes = configuredMaxBytes.orElseGet(() -> defaultMaxBytes(Runtime.getRuntime().maxMemory()));
        io.quarkus.logging.Log.infof("Rendered rows are kept in up to %d MiB of the heap (kpi.cache.rows.max-bytes%s)", maxBytes >> 20,
                configuredMaxBytes.isPresent() ? "" : ": a tenth of the largest heap, by default");
        if (maxBytes <= 0) {
            this.rows = null;
            return;
        }
        this.rows = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                // the bytes, and about what the entry, its key and the array's header take beside them
                .weigher((Key key, byte[] bytes) -> bytes.length + 112)
                .expireAfterAccess(Duration.ofHours(6))
                .recordStats()
                .build();
        io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics.monitor(registry, rows, "rendered_rows");
    }

    /** The cache's size when none is configured: a tenth of the largest heap, at least 16 MiB and at most 512 MiB. */
    static long defaultMaxBytes(long maxHeap) {
        return Math.max(16L << 20, Math.min(512L << 20, maxHeap / 10));
    }

    /** Whether rows are kept at all ({@code kpi.cache.rows.max-bytes=0}: none, each rendered every time in one query). */
    boolean keeps() {
        return rows != null;
    }

    /** The JSON kept for a row version in a unit; null when there is none. */
    byte[] kept(long id, long xmin, Unit unit) {
        return rows == null ? null : rows.getIfPresent(new Key(id, xmin, unit));
    }

    /**
     * Reads a row of {@link #COLUMNS} as its JSON ({@link ObservationDto#of} as the application's
     * mapper writes it): kept, or rendered and kept. A kept row reads two of its columns only.
     */
    ObservationRows.RowReader<byte[]> reader(Unit unit) {
        return rs -> {
            if (rows == null) {
                return render(ObservationRows.read(rs), unit);
            }
            Key key = new Key(rs.getLong(1), rs.getLong(ObservationRows.COLUMN_COUNT + 1), unit);
            byte[] kept = rows.getIfPresent(key);
            if (kept == null) {
                kept = render(ObservationRows.read(rs), unit);
                rows.put(key, kept);
            }
            return kept;
        };
    }

    private byte[] render(Observation observation, Unit unit) {
        try {
            return json.writeValueAsBytes(ObservationDto.of(observation, unit));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bytes the application's mapper writes for {@code ObservationCollection(items, paging)},
     * from items rendered already.
     */
    byte[] collection(List<byte[]> items, Page paging) {
        byte[] page;
        try {
            page = json.writeValueAsBytes(paging);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        int size = ITEMS.length + Math.max(0, items.size() - 1) + PAGING.length + page.length + 1;
        for (byte[] item : items) {
            size += item.length;
        }
        byte[] out = new byte[size];
        int at = put(ITEMS, out, 0);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            at = put(items.get(i), out, at);
        }
        at = put(PAGING, out, at);
        at = put(page, out, at);
        out[at] = '}';
        return out;
    }

    private static int put(byte[] bytes, byte[] out, int at) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }
}
