package nl.rijksdienst.kpi.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A bounded cache of rendered public answers, and the HTTP route that answers from it before the
 * REST layer is reached. An entry is keyed by the data version, the request target and the
 * representation asked for (the inputs of its strong ETag but the day), so it can never be served
 * after the data changed: the new version makes a new key. When the version moves, the answers that
 * read only observations of indicators whose observations did not change are kept under the new
 * version, with their new validators (exact invalidation, {@link #versionMoved}); the others are
 * dropped. An answer that depends on the day it is evaluated on (deadlines) records that day and is
 * not served on another. The answer's bytes are captured as the REST layer writes them, with
 * the headers it set, and kept as they are and gzipped; an answer larger than
 * {@code kpi.cache.max-entry-bytes} keeps only its validators, so a repeat request for it can still
 * be answered 304 from memory, while the download itself streams as before.
 *
 * <p>The route runs on the event loop after the CORS and configured-header handlers (and before
 * authentication, {@link #PRIORITY}), so a hit
 * carries the same {@code Access-Control-*}, {@code API-Version} and {@code Vary} headers as the
 * rendered answer; it needs the data version confirmed in memory ({@link DataVersions#currentIfFresh()})
 * and leaves every other request (not a GET, with credentials, no entry, a version not confirmed
 * within the last second, an encoding other than gzip or none) to the REST layer.
 */
@ApplicationScoped
public class RenderedAnswers {

    /**
     * A rendered answer: its validators, the headers that go with it, and its body as it is and
     * gzipped (null when too large to keep; gzipped also null until a client that accepts gzip asked
     * for it), off the heap, so a response is written to the socket without copying it first; never
     * released, its memory is freed with the buffer when the entry is gone.
     */
    public record Answer(String etag, String day, Instant lastModified, List<Map.Entry<String, String>> headers, io.netty.buffer.ByteBuf body,
            io.netty.buffer.ByteBuf gzipped, String template) {

        static Answer of(Pending pending, List<Map.Entry<String, String>> headers, byte[] body) {
            byte[] gzipped = null;
            if (body != null && pending.gzip()) {
                ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, body.length / 4));
                try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(compressed)) {
                    gzip.write(body);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                gzipped = compressed.toByteArray();
            }
            return new Answer(pending.etag(), pending.day(), pending.lastModified(), headers, offHeap(body), offHeap(gzipped), pathTemplate(pending.routing()));
        }

        private static io.netty.buffer.ByteBuf offHeap(byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(bytes.length);
            direct.put(bytes).flip();
            return io.netty.buffer.Unpooled.unreleasableBuffer(io.netty.buffer.Unpooled.wrappedBuffer(direct));
        }

        /** The body for one response: the same bytes, with read indexes of its own. */
        static Buffer send(io.netty.buffer.ByteBuf body) {
            return Buffer.buffer(body.duplicate());
        }

        int weight() {
            return (body == null ? 0 : body.capacity()) + (gzipped == null ? 0 : gzipped.capacity()) + 512;
        }
    }

    /**
     * What the REST layer knows of an answer it is about to render, for the capture to store under
     * its key; {@code gzip}: the request accepts gzip, so the answer is kept gzipped too (compressing
     * every answer for clients that never ask for it would double the cost of a miss).
     */
    record Pending(String key, String etag, String day, Instant lastModified, boolean gzip, RoutingContext routing) {
    }

    /**
     * The key under which the REST layer leaves a request's path template (the resource method's
     * {@code @Path}, {@code /indicators/{indicatorId}/observations}) for the HTTP metrics, on the
     * request's own Vert.x context: an answer from memory sets it too, so that its request is counted
     * under the same {@code uri} as a rendered one, not under its own path (one time series per URL).
     */
    static final String PATH_TEMPLATE = "UrlPathTemplate";

    private static String pathTemplate(RoutingContext routing) {
        io.vertx.core.Context context = routing == null ? null : requestContext(routing.request());
        return context != null && context.getLocal(PATH_TEMPLATE) instanceof String template ? template : null;
    }

    /** The request's own Vert.x context, where the path template is left; null for a request without one. */
    private static io.vertx.core.Context requestContext(HttpServerRequest request) {
        return request instanceof io.vertx.core.http.impl.HttpServerRequestInternal internal ? internal.context() : null;
    }

    static final String STORE_UNDER = "kpi.rendered.pending";
    /** Headers that belong to one response, not to the answer: they are set again on every response. */
    private static final Set<String> PER_RESPONSE = Set.of("etag", "content-length", "content-encoding", "transfer-encoding", "date", "connection",
            "set-cookie", "api-version");

    /**
     * The answers a change of observations can leave as they are: a series' observations or changes of
     * one indicator (group 1), which read that indicator's rows alone.
     */
    private static final java.util.regex.Pattern OF_ONE_INDICATOR = java.util.regex.Pattern.compile("/api/v1/indicators/([^/?]+)/(?:observations|changes)(?:\\?.*)?");

    private final Cache<String, Answer> cache;
    private final int maxEntryBytes;
    private final boolean keeps;
    private final DataVersions dataVersions;
    private final Clock clock;
    private final String apiVersion;
    private final LongAdder hits = new LongAdder();
    private final LongAdder carried = new LongAdder();
    private final LongAdder moves = new LongAdder();

    public RenderedAnswers(@ConfigProperty(name = "kpi.cache.max-bytes") java.util.Optional<Long> configuredMaxBytes,
            @ConfigProperty(name = "kpi.cache.max-entry-bytes", defaultValue = "2097152") int maxEntryBytes,
            DataVersions dataVersions, Clock clock, io.micrometer.core.instrument.MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.version") String apiVersion) {
        this.apiVersion = apiVersion;
        long maxBytes = configuredMaxBytes.orElseGet(() -> defaultMaxBytes(Runtime.getRuntime().maxMemory()));
        io.quarkus.logging.Log.infof("Rendered answers are kept in up to %d MiB beside the heap (kpi.cache.max-bytes%s)", maxBytes >> 20,
                configuredMaxBytes.isPresent() ? "" : ": a fifth of the largest heap, by default");
        this.maxEntryBytes = maxEntryBytes;
        this.keeps = maxBytes > 0;
        this.dataVersions = dataVersions;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Answer answer) -> answer.weight() + key.length())
                .expireAfterAccess(Duration.ofMinutes(30))
                .recordStats()
                .build();
        // hits, misses, evictions and size in /q/metrics (cache_gets_total{cache="rendered_answers"}, ...): is the cache large enough?
        io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics.monitor(registry, cache, "rendered_answers");
        // and how well a change is contained: answers kept under the new version when the data moved, and the moves
        io.micrometer.core.instrument.FunctionCounter.builder("rendered_answers_carried", carried, LongAdder::sum)
                .description("Rendered answers kept under the new data version because what they show did not change").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("rendered_answers_version_moves", moves, LongAdder::sum)
                .description("Moves of the data version the cache of rendered answers has followed").register(registry);
        dataVersions.onMove(this::versionMoved);
    }

    /**
     * The data moved: an answer that reads one indicator's observations alone, of an indicator whose
     * observations did not change, is kept under the new version, with the ETag and Last-Modified it
     * would be rendered with now (its bytes would be the same); every other answer of an older
     * version is dropped (so is one of a version before {@code from}: what changed since is not
     * known). SDMX-JSON names the data version in its body, so it is rendered anew. An answer
     * rendered under the new version meanwhile is not replaced.
     */
    void versionMoved(long from, DataVersions.Version to, Set<String> changedIndicators) {
        moves.increment();
        for (Map.Entry<String, Answer> entry : List.copyOf(cache.asMap().entrySet())) {
            Key key = Key.of(entry.getKey());
            if (key.version() >= to.number()) {
                continue;
            }
            cache.asMap().remove(entry.getKey(), entry.getValue());
            // only what changed since the version it was rendered for is known
            if (changedIndicators == null || key.version() != from) {
                continue;
            }
            java.util.regex.Matcher m = OF_ONE_INDICATOR.matcher(key.requestTarget());
            Answer answer = entry.getValue();
            if (!m.matches() || changedIndicators.contains(m.group(1)) || answer.day() != null || namesItsVersion(answer)) {
                continue;
            }
            int query = key.requestTarget().indexOf('?');
            String etag = HttpCaching.etag(to.number(), apiVersion, query < 0 ? key.requestTarget() : key.requestTarget().substring(0, query),
                    query < 0 ? null : key.requestTarget().substring(query + 1), key.accept(), "");
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (Map.Entry<String, String> header : answer.headers()) {
                headers.add(header.getKey().equalsIgnoreCase(HttpHeaders.LAST_MODIFIED) ? Map.entry(header.getKey(), HttpCaching.httpDate(to.changedAt())) : header);
            }
            if (cache.asMap().putIfAbsent(key(to.number(), key.requestTarget(), key.accept()),
                    new Answer(etag, null, to.changedAt(), List.copyOf(headers), answer.body(), answer.gzipped(), answer.template())) == null) {
                carried.increment();
            }
        }
    }

    private static final jakarta.ws.rs.core.MediaType SDMX_JSON = jakarta.ws.rs.core.MediaType.valueOf(nl.rijksdienst.kpi.observation.Sdmx.JSON_MEDIA_TYPE);

    private static boolean namesItsVersion(Answer answer) {
        for (Map.Entry<String, String> header : answer.headers()) {
            if (header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && SDMX_JSON.isCompatible(jakarta.ws.rs.core.MediaType.valueOf(header.getValue()))) {
                return true;
            }
        }
        return false;
    }

    /** Moves of the data version handled since the start; for tests. */
    public long moves() {
        return moves.sum();
    }

    /** Answers kept under a new data version because the change did not touch them, since the start; for tests. */
    public long carried() {
        return carried.sum();
    }

    /**
     * The cache's size when none is configured: a fifth of the largest heap the JVM may use (which
     * follows the container's memory limit, {@code -XX:MaxRAMPercentage}, or {@code -Xmx}), at least
     * 16 MiB and at most 1 GiB. Its memory is beside the heap, within the JVM's limit for direct memory
     * (by default as large as the heap).
     */
    static long defaultMaxBytes(long maxHeap) {
        return Math.max(16L << 20, Math.min(1L << 30, maxHeap / 5));
    }

    /** The key of a request's answer: the data version, the request target as sent, and the representation asked for. */
    static String key(long version, String requestTarget, String accept) {
        return version + "|" + requestTarget + "|" + HttpCaching.accept(accept);
    }

    /** A key's parts ({@link #key}); a valid request target holds no {@code |}. */
    record Key(long version, String requestTarget, String accept) {

        static Key of(String key) {
            int target = key.indexOf('|');
            int accept = key.indexOf('|', target + 1);
            return new Key(Long.parseLong(key.substring(0, target)), key.substring(target + 1, accept), key.substring(accept + 1));
        }
    }

    /** Whether answers are kept at all ({@code kpi.cache.max-bytes=0}: none, and none is copied to be kept). */
    boolean keeps() {
        return keeps;
    }

    /** The largest body kept (a method: the bean is reached through its client proxy). */
    int maxEntryBytes() {
        return maxEntryBytes;
    }

    /** Answers served from memory since the start; for tests and monitoring. */
    public long hits() {
        return hits.sum();
    }

    void store(Pending pending, Answer answer) {
        DataVersions.Version now = dataVersions.currentIfFresh();
        if (now != null && !pending.key().startsWith(now.number() + "|")) {
            return; // rendered for a version that has moved on: no request will ask for it again
        }
        cache.put(pending.key(), answer);
    }

    /**
     * The route's priority: after CORS (300) and the configured headers (a route of the lowest order),
     * before authentication (200) and the handler after it (199), which builds the REST layer's path
     * mapper anew for every request to find its path template: that was half of all memory a request
     * answered from memory allocated, and authentication has nothing to do for an answer kept only
     * for requests without credentials.
     */
    static final int PRIORITY = 250;

    void register(@Observes Filters filters) {
        filters.register(this::serve, PRIORITY);
    }

    void serve(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        DataVersions.Version version;
        Answer answer;
        if (request.method() != HttpMethod.GET || request.headers().contains(HttpHeaders.AUTHORIZATION)
                || (version = dataVersions.currentIfFresh()) == null) {
            routing.next();
            return;
        }
        answer = cache.getIfPresent(key(version.number(), request.uri(), request.getHeader(HttpHeaders.ACCEPT)));
        if (answer == null || (answer.day() != null && !answer.day().equals(LocalDate.now(clock).toString()))) {
            routing.next();
            return;
        }
        String encoding = HttpCaching.encoding(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        if ("deflate".equals(encoding) || ("gzip".equals(encoding) && answer.body() != null && answer.gzipped() == null)) {
            // deflate is rare: rendered each time; gzip not kept yet: rendered once more, and kept gzipped too
            routing.next();
            return;
        }
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        boolean notModified = ifNoneMatch != null ? HttpCaching.matches(ifNoneMatch, answer.etag())
                : HttpCaching.notModifiedSince(request.getHeader(HttpHeaders.IF_MODIFIED_SINCE), answer.lastModified());
        if (!notModified && answer.body() == null) {
            routing.next();
            return;
        }
        io.vertx.core.Context context = answer.template() == null ? null : requestContext(request);
        if (context != null) {
            context.putLocal(PATH_TEMPLATE, answer.template());
        }
        HttpServerResponse response = routing.response();
        MultiMap headers = response.headers();
        String etag = encoding == null ? answer.etag() : answer.etag().substring(0, answer.etag().length() - 1) + "-" + encoding + "\"";
        headers.set(HttpHeaders.ETAG, etag);
        hits.increment();
        if (notModified) {
            for (Map.Entry<String, String> header : answer.headers()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("cache-control") || name.equals("last-modified") || name.equals("vary")) {
                    headers.add(header.getKey(), header.getValue());
                }
            }
            response.setStatusCode(304).end();
            return;
        }
        for (Map.Entry<String, String> header : answer.headers()) {
            headers.add(header.getKey(), header.getValue());
        }
        if ("gzip".equals(encoding)) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.end(Answer.send(answer.gzipped()));
        } else {
            response.end(Answer.send(answer.body()));
        }
    }

    /**
     * Keeps a cacheable answer's bytes and headers once the whole answer is written: a streamed
     * answer (CSV, SDMX) is copied as it is written; an entity is serialised to UTF-8 bytes here, with
     * the application's {@link com.fasterxml.jackson.databind.ObjectMapper} as the JSON writer would,
     * and those bytes are both sent and kept, so they are neither built as a string first nor copied.
     */
    @Provider
    public static class Capture implements WriterInterceptor {

        private final RenderedAnswers answers;
        private final com.fasterxml.jackson.databind.ObjectWriter json;

        public Capture(RenderedAnswers answers, com.fasterxml.jackson.databind.ObjectMapper mapper) {
            this.answers = answers;
            this.json = mapper.writer();
        }

        @Override
        public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
            if (!(context.getProperty(STORE_UNDER) instanceof Pending pending)) {
                context.proceed();
                return;
            }
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            context.getHeaders().forEach((name, values) -> {
                if (!PER_RESPONSE.contains(name.toLowerCase(Locale.ROOT)) && !name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                    for (Object value : values) {
                        headers.add(Map.entry(name, String.valueOf(value)));
                    }
                }
            });
            if (!context.getHeaders().containsKey(HttpHeaders.CONTENT_TYPE) && context.getMediaType() != null) {
                headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, context.getMediaType().toString()));
            }
            byte[] body;
            if (isJsonEntity(context)) {
                body = json.writeValueAsBytes(context.getEntity());
                // the bytes are the entity now: the framework's writer for bytes sends them as they are
                context.setEntity(body);
                context.setType(byte[].class);
                context.setGenericType(byte[].class);
                context.proceed();
                if (body.length > answers.maxEntryBytes()) {
                    body = null;
                }
            } else if (context.getEntity() instanceof byte[] rendered) {
                // bytes rendered already (a series' JSON from its rows' JSON): sent and kept as they are
                context.proceed();
                body = rendered.length > answers.maxEntryBytes() ? null : rendered;
            } else {
                Tee tee = new Tee(context.getOutputStream(), answers.maxEntryBytes());
                context.setOutputStream(tee);
                context.proceed();
                body = tee.overflowed() ? null : tee.bytes();
            }
            try {
                answers.store(pending, Answer.of(pending, List.copyOf(headers), body));
            } catch (RuntimeException | OutOfMemoryError e) {
                // the answer is written: not keeping it must not spoil it (the cache's memory beside the heap can run out
                // when kpi.cache.max-bytes is more than -XX:MaxDirectMemorySize allows)
                io.quarkus.logging.Log.warnf("A rendered answer is not kept: %s", e.toString());
            }
        }
    }

    /** An object the JSON writer would serialise: JSON asked for, and neither a stream, text nor bytes already. */
    static boolean isJsonEntity(WriterInterceptorContext context) {
        Object entity = context.getEntity();
        return context.getMediaType() != null && jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())
                && entity != null && !(entity instanceof jakarta.ws.rs.core.StreamingOutput) && !(entity instanceof CharSequence)
                && !(entity instanceof byte[]) && !(entity instanceof java.io.InputStream);
    }

    private static final class Tee extends FilterOutputStream {

        private final int limit;
        private ByteArrayOutputStream copy = new ByteArrayOutputStream(8192);

        Tee(OutputStream out, int limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            keep(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            keep(b, off, len);
        }

        private void keep(byte[] b, int off, int len) {
            if (copy == null) {
                return;
            }
            if (copy.size() + len > limit) {
                copy = null;
                return;
            }
            copy.write(b, off, len);
        }

        boolean overflowed() {
            return copy == null;
        }

        byte[] bytes() {
            return copy.toByteArray();
        }
    }
}
