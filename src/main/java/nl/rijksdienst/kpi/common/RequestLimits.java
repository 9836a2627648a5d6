package nl.rijksdienst.kpi.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first look at every request, before any route reads its target: a malformed request target
 * (an invalid percent-encoding such as {@code %zz}, a character such as <code>{</code> that a URI
 * cannot hold) is a 400, a target longer than {@value #MAX_TARGET} bytes a 414, and headers larger
 * than {@value #MAX_HEADERS} bytes together a 431, each as {@code application/problem+json} with
 * {@code API-Version}, like every other error.
 *
 * <p>The HTTP layer would answer these itself with an empty body: Quarkus checks the target before
 * any route (here switched off with {@code vertx.disableURIValidation}, set by {@link nl.rijksdienst.kpi.Main}
 * and by the test configuration, so that this class checks it instead, the same way), and the HTTP
 * codec refuses a request line or headers over its limits
 * ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}, set above the
 * limits here so that these answer first). A request beyond the codec's limits, or one that is not
 * HTTP at all, still gets the codec's empty answer: no route ever sees it.
 */
@jakarta.inject.Singleton
public class RequestLimits {

    /** The longest request target served, in bytes; nginx in front has the same limit ({@code docker/nginx.conf}). */
    static final int MAX_TARGET = 16_384;
    /** The most header bytes served (names, values and separators together). */
    static final int MAX_HEADERS = 32_768;
    static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    private final ObjectMapper mapper;
    private final String apiVersion;

    public RequestLimits(ObjectMapper mapper, @ConfigProperty(name = "quarkus.application.version") String apiVersion) {
        this.mapper = mapper;
        this.apiVersion = apiVersion;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, Integer.MAX_VALUE);
    }

    void routerErrors(@Observes Router router) {
        // a path the router itself cannot decode fails routing with a 400 before any filter runs
        router.errorHandler(400, this::malformed);
    }

    void check(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        String target = request.uri();
        if (target != null && target.length() > MAX_TARGET) {
            answer(routing.response(), 414, ProblemMappers.titleFor(414), "Het doel van het verzoek is " + target.length() + " bytes; hooguit " + MAX_TARGET
                    + " bytes. Vraag minder tegelijk, of gebruik paginering.");
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADERS) {
            answer(routing.response(), 431, ProblemMappers.titleFor(431), "De headers van het verzoek zijn samen " + headerBytes + " bytes; hooguit "
                    + MAX_HEADERS + " bytes.");
            return;
        }
        if (target == null || !valid(target)) {
            malformed(routing);
            return;
        }
        routing.next();
    }

    /** As Quarkus checks a request target: whether {@link URI} can parse it. */
    static boolean valid(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void malformed(RoutingContext routing) {
        answer(routing.response(), 400, "Ongeldig verzoek", "Het doel van het verzoek is geen geldige URI: een % moet door twee hexadecimale cijfers "
                + "worden gevolgd, en tekens als spatie, {, }, | en \" moeten procent-gecodeerd zijn.");
    }

    private void answer(HttpServerResponse response, int status, String title, String detail) {
        if (response.headWritten() || response.ended()) {
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(new Problem("about:blank", title, status, detail, null, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        MultiMap headers = response.headers();
        headers.set("Content-Type", Problem.MEDIA_TYPE);
        headers.set("Cache-Control", "no-store");
        headers.set("API-Version", apiVersion);
        response.setStatusCode(status).end(body);
    }
}
