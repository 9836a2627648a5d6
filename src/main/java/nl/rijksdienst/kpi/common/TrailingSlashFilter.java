package nl.rijksdienst.kpi.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * NL GOV API Design Rule /core/no-trailing-slash: a URI with a trailing slash is a different
 * resource that does not exist, so it gets a 404 rather than being matched or redirected.
 */
public class TrailingSlashFilter {

    @ServerRequestFilter(preMatching = true)
    public Response rejectTrailingSlash(ContainerRequestContext context) {
        String path = context.getUriInfo().getRequestUri().getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            return Response.status(404)
                    .type(Problem.MEDIA_TYPE)
                    .entity(new Problem("about:blank", "Niet gevonden", 404,
                            "Er is geen resource op het pad '" + path + "'; paden eindigen nooit op een slash.", path, List.of()))
                    .build();
        }
        return null;
    }
}
