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
            return problem(404, "Niet gevonden", "Er is geen resource op het pad '" + path + "'; paden eindigen nooit op een slash.", path, List.of());
        }
        if (hasControlCharacter(context.getUriInfo().getPath())) {
            return problem(400, "Ongeldige invoer", "Het pad bevat een stuurteken (zoals NUL); dat komt in geen identificatie voor.", path, List.of());
        }
        for (Map.Entry<String, List<String>> parameter : context.getUriInfo().getQueryParameters().entrySet()) {
            boolean bad = hasControlCharacter(parameter.getKey()) || parameter.getValue().stream().anyMatch(UriRulesFilter::hasControlCharacter);
            if (bad) {
                String name = parameter.getKey().replaceAll("\\p{Cntrl}", "?");
                return problem(400, "Ongeldige invoer", "Parameter '" + name + "' bevat een stuurteken (zoals NUL).", path,
                        List.of(new Problem.InvalidParam(name, "bevat een stuurteken")));
            }
        }
        return null;
    }

    private static boolean hasControlCharacter(String value) {
        return value != null && value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static Response problem(int status, String title, String detail, String path, List<Problem.InvalidParam> params) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, path, params))
                .build();
    }
}
