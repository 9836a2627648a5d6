package nl.rijksdienst.kpi.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address clients reach the API at ({@code kpi.public-url}, {@code /api/v1} included), for
 * answers that name a resource in full. Configured rather than read from the request: a kept answer
 * is shared by every client, so a Host header must not end up in it.
 */
@ApplicationScoped
public class PublicUrl {

    private final URI api;

    public PublicUrl(@ConfigProperty(name = "kpi.public-url") String api) {
        this.api = URI.create(api.endsWith("/") ? api : api + "/");
    }

    /** The API's address, ending in a slash. */
    public URI api() {
        return api;
    }

    /** A resource's full address from its path relative to the API ("norms/roemernorm"). */
    public URI of(String relative) {
        return api.resolve(relative.startsWith("/") ? relative.substring(1) : relative);
    }
}
