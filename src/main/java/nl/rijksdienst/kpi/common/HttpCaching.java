package nl.rijksdienst.kpi.common;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * HTTP caching for public reads. The ETag is strong and derived from the data version (a counter
 * in the database that moves only when data changes, see V3__data_version.sql, held in memory by
 * {@link DataVersions}, so a 304 needs no database round trip), the request URI,
 * the representation asked for and the API version; resources whose verdicts depend on the day
 * (norm checks, scorecard) add the evaluation day, because a deadline can pass without any data
 * changing. {@code If-None-Match} and {@code If-Modified-Since} are answered with 304 before any
 * work is done. Authenticated reads and errors are never stored by caches.
 */
public class HttpCaching {

    /** How long a shared cache may serve an answer without asking again; on a resource method. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface MaxAge {
        int value();
    }

    /**
     * A writable resource (GET of one, and its PUT): its ETag is that of its own representation
     * ({@link ResourceVersions}), which {@code If-Match} on a PUT is checked against, not the data
     * version; {@code If-None-Match} is answered with 304 all the same.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface ResourceVersion {
    }

    /** A stream that stays open (server-sent events): never kept, no validators. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Live {
    }

    /** The answer depends on the day it is evaluated on (deadlines), not only on the data. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface DependsOnDay {
    }

    static final int DEFAULT_MAX_AGE = 300;
    /** An answer for a past day changes only when a figure from an older source is added: longer, but not forever. */
    static final int HISTORY_MAX_AGE = 3_600;
    private static final String ETAG = "kpi.etag";
    private static final String LAST_MODIFIED = "kpi.last-modified";
    private static final String CACHE_CONTROL = "kpi.cache-control";

    private final DataVersions dataVersions;
    private final java.time.Clock clock;
    private final String apiVersion;
    private final ResourceVersions versions;
    private final RenderedAnswers rendered;

    public HttpCaching(DataVersions dataVersions, java.time.Clock clock, @ConfigProperty(name = "quarkus.application.version") String apiVersion,
            ResourceVersions versions, RenderedAnswers rendered) {
        this.rendered = rendered;
        this.dataVersions = dataVersions;
        this.clock = clock;
        this.apiVersion = apiVersion;
        this.versions = versions;
    }

    @ServerRequestFilter
    public Response conditionalGet(ContainerRequestContext request, ResourceInfo resource, io.vertx.ext.web.RoutingContext routing) {
        Method method = resource.getResourceMethod();
        String verb = request.getMethod();
        if (method == null || !(HttpMethod.GET.equals(verb) || HttpMethod.HEAD.equals(verb))) {
            return null;
        }
        if (method.isAnnotationPresent(Live.class)) {
            request.setProperty(CACHE_CONTROL, "no-store");
            return null;
        }
        if (method.isAnnotationPresent(RolesAllowed.class)) {
            request.setProperty(CACHE_CONTROL, "private, no-store");
            return null;
        }
        DataVersions.Version version = dataVersions.current();
        if (method.isAnnotationPresent(ResourceVersion.class)) {
            // The ETag is the resource's own, set on the answer; Last-Modified is the data's.
            MaxAge maxAge = method.getAnnotation(MaxAge.class);
            String cacheControl = "public, max-age=" + (maxAge == null ? DEFAULT_MAX_AGE : maxAge.value());
            request.setProperty(CACHE_CONTROL, cacheControl);
            request.setProperty(LAST_MODIFIED, version.changedAt());
            if (request.getHeaderString(HttpHeaders.IF_NONE_MATCH) == null
                    && notModifiedSince(request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), version.changedAt())) {
                return Response.notModified().header(HttpHeaders.LAST_MODIFIED, httpDate(version.changedAt()))
                        .header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, "Accept, Accept-Encoding").build();
            }
            return null;
        }
        OffsetDateTime asOf = asOf(request);
        boolean history = asOf != null && asOf.toInstant().isBefore(clock.instant());
        String day = method.isAnnotationPresent(DependsOnDay.class)
                ? (history ? asOf.atZoneSameInstant(clock.getZone()).toLocalDate() : java.time.LocalDate.now(clock)).toString() : "";
        String etag = etag(version.number(), apiVersion, request.getUriInfo().getRequestUri().getRawPath(),
                request.getUriInfo().getRequestUri().getRawQuery(), request.getHeaderString(HttpHeaders.ACCEPT), day);
        MaxAge maxAge = method.getAnnotation(MaxAge.class);
        String cacheControl = "public, max-age=" + (history ? HISTORY_MAX_AGE : maxAge == null ? DEFAULT_MAX_AGE : maxAge.value());
        request.setProperty(ETAG, etag);
        request.setProperty(LAST_MODIFIED, version.changedAt());
        request.setProperty(CACHE_CONTROL, cacheControl);

        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean notModified;
        if (ifNoneMatch != null) {
            notModified = matches(ifNoneMatch, etag);
        } else {
            notModified = notModifiedSince(request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), version.changedAt());
        }
        if (!notModified) {
            if (HttpMethod.GET.equals(verb) && rendered.keeps()) {
                // kept once rendered, for RenderedAnswers to serve the next identical request from memory
                request.setProperty(RenderedAnswers.STORE_UNDER, new RenderedAnswers.Pending(
                        RenderedAnswers.key(version.number(), routing.request().uri(), request.getHeaderString(HttpHeaders.ACCEPT)),
                        etag, day.isEmpty() || history ? null : day, version.changedAt(),
                        "gzip".equals(encoding(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING))), routing));
            }
            return null;
        }
        return Response.notModified()
                .header(HttpHeaders.ETAG, forEncoding(etag, request))
                .header(HttpHeaders.LAST_MODIFIED, httpDate(version.changedAt()))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, "Accept, Accept-Encoding")
                .build();
    }

    @ServerResponseFilter
    public void decorate(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        int status = response.getStatus();
        if (status != 200) {
            // only a successful answer is kept for the next request
            request.removeProperty(RenderedAnswers.STORE_UNDER);
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        if (status == 200 && response.getEntity() != null && method != null && method.isAnnotationPresent(ResourceVersion.class)) {
            String etag = versions.etag(response.getEntity());
            response.getHeaders().putSingle(HttpHeaders.ETAG, forEncoding(etag, request));
            Object lastModified = request.getProperty(LAST_MODIFIED);
            if (lastModified != null) {
                response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, httpDate((Instant) lastModified));
                response.getHeaders().putSingle(HttpHeaders.VARY, "Accept, Accept-Encoding");
            }
            String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
            if (HttpMethod.GET.equals(request.getMethod()) && ifNoneMatch != null && matches(ifNoneMatch, etag)) {
                response.setStatus(304);
                response.setEntity(null);
                status = 304;
            }
        }
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && status == 200) {
            // The router's own OPTIONS answer lists the methods of every path of the resource class.
            String allowed = AllowedMethods.forPath(request.getUriInfo().getRequestUri().getRawPath(), ProblemMappers.REST_ROOT);
            if (allowed != null) {
                response.getHeaders().putSingle(HttpHeaders.ALLOW, allowed);
            }
        }
        if (status < 400 && !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()) || HttpMethod.OPTIONS.equals(request.getMethod()))) {
            // a write on this replica has committed: its next answer must not be built on the version before it
            dataVersions.refresh();
        }
        if (status >= 400 || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            return;
        }
        Object cacheControl = request.getProperty(CACHE_CONTROL);
        if (cacheControl != null && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        Object etag = request.getProperty(ETAG);
        if (status == 200 && etag != null) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, forEncoding((String) etag, request));
            response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, httpDate((Instant) request.getProperty(LAST_MODIFIED)));
            response.getHeaders().putSingle(HttpHeaders.VARY, "Accept, Accept-Encoding");
        }
    }


    /** The strong ETag of a public answer: of the data version, the API version, the request target, the representation and the day. */
    static String etag(long version, String apiVersion, String rawPath, String rawQuery, String accept, String day) {
        return "\"" + Hashes.sha256Hex((version + "|" + apiVersion + "|" + rawPath + "?" + nullToEmpty(rawQuery) + "|" + accept(accept) + "|" + day)
                .getBytes(StandardCharsets.UTF_8)).substring(0, 32) + "\"";
    }

    private static OffsetDateTime asOf(ContainerRequestContext request) {
        String raw = request.getUriInfo().getQueryParameters().getFirst(AsOf.PARAMETER);
        try {
            return AsOf.parse(raw);
        } catch (ApiException e) {
            return null;
        }
    }

    /**
     * The content coding a public answer is sent in: gzip or deflate when the client accepts it (an
     * answer is compressed then), else none. A strong ETag names one exact body, so a compressed
     * answer's ETag is the identity one with the coding appended ({@code "…-gzip"}), as Apache does.
     */
    static String encoding(String acceptEncoding) {
        if (acceptEncoding == null) {
            return null;
        }
        boolean deflate = false;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim().toLowerCase(java.util.Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim().replace(" ", "");
                if (parameter.startsWith("q=")) {
                    try {
                        refused = Double.parseDouble(parameter.substring(2)) <= 0;
                    } catch (NumberFormatException e) {
                        refused = true;
                    }
                }
            }
            if (!refused && (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*"))) {
                return "gzip";
            }
            deflate |= !refused && coding.equals("deflate");
        }
        return deflate ? "deflate" : null;
    }

    private static String forEncoding(String etag, ContainerRequestContext request) {
        String encoding = encoding(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        return encoding == null ? etag : etag.substring(0, etag.length() - 1) + "-" + encoding + "\"";
    }

    /** The identity ETag of a tag a client sends back: {@code "…-gzip"} and {@code W/"…"} name the same answer for If-None-Match. */
    static String identityTag(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        for (String coding : new String[] {"-gzip\"", "-deflate\""}) {
            if (t.endsWith(coding)) {
                return t.substring(0, t.length() - coding.length()) + "\"";
            }
        }
        return t;
    }

    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = identityTag(candidate.trim());
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    static boolean notModifiedSince(String header, Instant changedAt) {
        if (header == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !changedAt.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** IMF-fixdate (RFC 9110, 5.6.7): a two-digit day, always GMT ({@code RFC_1123_DATE_TIME} writes "1 Dec"). */
    static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH);

    static String httpDate(Instant instant) {
        return IMF_FIXDATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** The Accept header as far as it selects a representation: none and {@code * /*} select the same one. */
    static String accept(String header) {
        return header == null || header.isBlank() || header.trim().equals("*/*") ? "*/*" : header.trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
