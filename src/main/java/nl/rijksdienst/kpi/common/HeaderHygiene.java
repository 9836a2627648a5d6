package nl.rijksdienst.kpi.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.event.Observes;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The last word on a response's headers, just before they are sent, whichever layer set them
 * (RFC 9110): one {@code Vary} header, which names {@code Origin} wherever the CORS answer depends
 * on the request's origin (a shared cache must not hand one origin's answer to another), and no
 * {@code Content-Encoding} on a 304, which has no content.
 */
@jakarta.inject.Singleton
public class HeaderHygiene {

    void register(@Observes Filters filters) {
        filters.register(this::tidy, Integer.MAX_VALUE);
    }

    void tidy(RoutingContext routing) {
        routing.addHeadersEndHandler(ignored -> {
            MultiMap headers = routing.response().headers();
            java.util.List<String> values = headers.getAll("Vary");
            String allowOrigin = headers.get("Access-Control-Allow-Origin");
            boolean byOrigin = allowOrigin != null && !allowOrigin.equals("*");
            if (values.size() > 1 || byOrigin) {
                Set<String> vary = new LinkedHashSet<>();
                for (String value : values) {
                    for (String name : value.split(",")) {
                        if (!name.isBlank()) {
                            vary.add(canonical(name.trim()));
                        }
                    }
                }
                if (byOrigin) {
                    vary.add("Origin");
                }
                headers.set("Vary", String.join(", ", vary));
            }
            if (routing.response().getStatusCode() == 304) {
                headers.remove("Content-Encoding");
            }
        });
        routing.next();
    }

    private static String canonical(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "accept" -> "Accept";
            case "accept-encoding" -> "Accept-Encoding";
            case "accept-language" -> "Accept-Language";
            case "origin" -> "Origin";
            default -> name;
        };
    }
}
