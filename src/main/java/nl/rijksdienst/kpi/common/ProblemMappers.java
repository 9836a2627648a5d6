package nl.rijksdienst.kpi.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an {@code application/problem+json} answer. No stack trace and no
 * exception message of a library ever reaches a client; unexpected failures are logged here.
 */
public class ProblemMappers {

    /** The root of the JAX-RS resources ({@code quarkus.rest.path}). */
    static final String REST_ROOT = "/api/v1";

    @ServerExceptionMapper
    public Response mapApiException(ApiException e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), uri, e.invalidParams());
    }

    @ServerExceptionMapper
    public Response mapConstraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.InvalidParam> params = e.getConstraintViolations().stream()
                .map(v -> new Problem.InvalidParam(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        String detail = params.stream().map(p -> p.name() + ": " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("Ongeldige invoer");
        return problem(400, "Ongeldige invoer", detail, uri, params);
    }

    @ServerExceptionMapper
    public Response mapJsonError(JsonProcessingException e, UriInfo uri) {
        return problem(400, "Ongeldige invoer", "De body is geen geldige JSON voor deze operatie.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e, UriInfo uri, Request request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status == 404 && uri != null) {
            // The router answers 404 for a path it knows when no resource method takes this HTTP
            // method; that is a 405 (RFC 9110) with the methods that do work.
            String allowed = AllowedMethods.forPath(uri.getRequestUri().getRawPath(), REST_ROOT);
            if (allowed != null && !List.of(allowed.split(", ")).contains(request.getMethod())) {
                status = 405;
            }
        }
        if (status >= 500) {
            Log.error("Request failed", e);
            return problem(500, "Interne fout", "Er ging iets mis bij het verwerken van het verzoek.", uri, List.of());
        }
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", titleFor(status), status, detailFor(status, uri), path(uri), List.of()));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow == null && status == 405 && uri != null) {
            allow = AllowedMethods.forPath(uri.getRequestUri().getRawPath(), REST_ROOT);
        }
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response mapUnexpected(Throwable e, UriInfo uri) {
        Log.error("Unexpected failure", e);
        return problem(500, "Interne fout", "Er ging iets mis bij het verwerken van het verzoek.", uri, List.of());
    }

    static Response problem(int status, String title, String detail, UriInfo uri, List<Problem.InvalidParam> params) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, path(uri), params))
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Ongeldige invoer";
            case 401 -> "Niet geauthenticeerd";
            case 403 -> "Geen toegang";
            case 404 -> "Niet gevonden";
            case 405 -> "Methode niet toegestaan";
            case 406 -> "Representatie niet beschikbaar";
            case 409 -> "Conflict";
            case 415 -> "Mediatype niet ondersteund";
            case 422 -> "Onverwerkbare invoer";
            default -> "Fout";
        };
    }

    private static String detailFor(int status, UriInfo uri) {
        String path = path(uri);
        return switch (status) {
            case 404 -> "Er is geen resource op het pad '" + path + "'.";
            case 405 -> "De HTTP-methode is niet toegestaan op '" + path + "'; de header Allow noemt de methoden die wel kunnen.";
            case 406 -> "Deze resource is beschikbaar als application/json" + (path != null && path.endsWith("/observations") ? " en text/csv." : ".");
            case 415 -> "Het mediatype van de body wordt niet ondersteund.";
            default -> titleFor(status);
        };
    }
}
