package nl.rijksdienst.kpi.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rules every request URI must follow before it reaches a resource:
 * <ul>
 *   <li>NL GOV API Design Rule /core/no-trailing-slash: a URI with a trailing slash is a different
 *       resource that does not exist, so it gets a 404 rather than being matched or redirected;</li>
 *   <li>no control characters (such as NUL) in the path or the query: PostgreSQL text cannot hold
 *       them and no identifier or parameter value contains them, so they are bad input (400).</li>
 * </ul>
 */
public class UriRulesFilter {

    @ServerRequestFilter(preMatching = true)
    public Response checkUri(ContainerRequestContext context) {
        String path = context.getUriInfo().getRequestUri().getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            throw ApiException.notFound("Er is geen resource op het pad '" + path + "'; paden eindigen nooit op een slash.");
        }
        if (hasControlCharacter(context.getUriInfo().getPath())) {
            throw new ApiException(400, "Ongeldige invoer", "Het pad bevat een stuurteken (zoals NUL); dat komt in geen identificatie voor.", List.of());
        }
        for (Map.Entry<String, List<String>> parameter : context.getUriInfo().getQueryParameters().entrySet()) {
            boolean bad = hasControlCharacter(parameter.getKey()) || parameter.getValue().stream().anyMatch(UriRulesFilter::hasControlCharacter);
            if (bad) {
                String name = parameter.getKey().replaceAll("\\p{Cntrl}", "?");
                throw new ApiException(400, "Ongeldige invoer", "Parameter '" + name + "' bevat een stuurteken (zoals NUL).",
                        List.of(new Problem.InvalidParam(name, "bevat een stuurteken")));
            }
        }
        return null;
    }

    private static boolean hasControlCharacter(String value) {
        return value != null && value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
