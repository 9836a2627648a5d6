package nl.rijksdienst.kpi.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A bounded cache of rendered public answers, keyed by their strong ETag, which already names the
 * data version, the API version, the request URI, the representation asked for and (where the
 * answer depends on it) the evaluation day: an entry can never be served after the data changed,
 * because the new version makes a new key. The answer's bytes are captured as they are written
 * (answers larger than {@code kpi.cache.max-entry-bytes} are not kept, so downloads stream as
 * before); a hit is answered from memory without touching the database.
 */
@ApplicationScoped
public class RenderedAnswers {

    /** A rendered answer: its body (as it is and gzipped), media type and the headers that go with it. */
    public record Answer(byte[] body, byte[] gzipped, String mediaType, Map<String, String> headers) {

        static Answer of(byte[] body, String mediaType, Map<String, String> headers) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, body.length / 4));
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(compressed)) {
                gzip.write(body);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new Answer(body, compressed.toByteArray(), mediaType, headers);
        }
    }

    static final String STORE_UNDER = "kpi.rendered.key";
    static final String SERVED = "kpi.rendered.served";

    private final Cache<String, Answer> cache;
    private final int maxEntryBytes;

    public RenderedAnswers(@ConfigProperty(name = "kpi.cache.max-bytes", defaultValue = "67108864") long maxBytes,
            @ConfigProperty(name = "kpi.cache.max-entry-bytes", defaultValue = "2097152") int maxEntryBytes) {
        this.maxEntryBytes = maxEntryBytes;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Answer answer) -> answer.body().length + answer.gzipped().length + key.length() + 64)
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
    }

    public Answer find(String key) {
        return cache.getIfPresent(key);
    }

    void store(String key, Answer answer) {
        cache.put(key, answer);
    }

    int maxEntryBytes() {
        return maxEntryBytes;
    }

    /** Copies a cacheable answer's bytes as they are written, and keeps them once the whole answer is written. */
    @Provider
    public static class Capture implements WriterInterceptor {

        private final RenderedAnswers answers;

        public Capture(RenderedAnswers answers) {
            this.answers = answers;
        }

        @Override
        public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
            Object key = context.getProperty(STORE_UNDER);
            if (!(key instanceof String etag) || context.getProperty(SERVED) != null) {
                context.proceed();
                return;
            }
            Tee tee = new Tee(context.getOutputStream(), answers.maxEntryBytes());
            context.setOutputStream(tee);
            context.proceed();

            if (!tee.overflowed()) {
                Map<String, String> headers = new java.util.LinkedHashMap<>();
                Object disposition = context.getHeaders().getFirst("Content-Disposition");
                if (disposition != null) {
                    headers.put("Content-Disposition", disposition.toString());
                }
                answers.store(etag, Answer.of(tee.bytes(), context.getMediaType() == null ? null : context.getMediaType().toString(), Map.copyOf(headers)));
            }
        }
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
