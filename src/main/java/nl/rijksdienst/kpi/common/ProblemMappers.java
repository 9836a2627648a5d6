package nl.rijksdienst.kpi.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import nl.rijksdienst.kpi.importing.ImportRejectedException;
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

    static final String UNAVAILABLE_DETAIL = "De database is tijdelijk niet bereikbaar of bezet; het verzoek is niet uitgevoerd en er is niets "
            + "geschreven. Probeer het over " + DatabaseUnavailable.RETRY_AFTER_SECONDS + " seconden opnieuw.";

    static final String TIMED_OUT_DETAIL = "Het schrijven duurde langer dan de service een transactie toestaat; er is niets geschreven. "
            + "Probeer het opnieuw; een groot importbestand kan in delen, of sneller, worden verstuurd.";

    /** The root of the JAX-RS resources ({@code quarkus.rest.path}). */
    public static final String REST_ROOT = "/api/v1";

    @ServerExceptionMapper
    public Response mapApiException(ApiException e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), uri, e.invalidParams());
    }

    @ServerExceptionMapper
    public Response mapImportRejected(ImportRejectedException e, UriInfo uri) {
        long total = e.errors().size() + e.moreErrors();
        String detail = total + (total == 1 ? " rij kan" : " rijen kunnen") + " niet worden geschreven; er is niets geschreven. "
                + "De eerste: regel " + e.errors().get(0).line()
                + (e.errors().get(0).column() == null ? "" : ", kolom " + e.errors().get(0).column()) + ": " + e.errors().get(0).reason();
        return Response.status(422)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", titleFor(422), 422, detail, path(uri), List.of(), e.errors(),
                        e.moreErrors() > 0 ? e.moreErrors() : null))
                .build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response mapUnauthenticated(Exception e, UriInfo uri) {
        return problemBuilder(401, titleFor(401), "Schrijven vraagt een geldig bearer-token (JWT) van een redacteur in de header Authorization.",
                uri, List.of()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, titleFor(403), "Het token is geldig, maar heeft niet de rol van redacteur die schrijven vraagt.", uri, List.of());
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
    public Response mapUnstorableText(StorableText.UnstorableTextException e, UriInfo uri) {
        return problem(422, titleFor(422), "Veld '" + e.field() + "': " + e.reason(), uri, List.of(new Problem.InvalidParam(e.field(), e.reason())));
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, JsonParseException.class})
    public Response mapJsonError(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = fieldPath(u);
            return problem(400, "Ongeldige invoer", "Veld '" + field + "' bestaat niet in deze body.", uri,
                    List.of(new Problem.InvalidParam(field, "onbekend veld")));
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = fieldPath(m);
            return problem(400, "Ongeldige invoer", "Veld '" + field + "' heeft niet het juiste type of een ongeldige waarde.", uri,
                    List.of(new Problem.InvalidParam(field, "heeft niet het juiste type of een ongeldige waarde")));
        }
        return problem(400, "Ongeldige invoer", "De body is geen geldige JSON voor deze operatie.", uri, List.of());
    }

    private static String fieldPath(MismatchedInputException e) {
        return String.join(".", e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]").toList()).replace(".[", "[");
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
        if (status >= 500 && DatabaseUnavailable.causes(e)) {
            return databaseUnavailable(e, uri);
        }
        if (status >= 500) {
            Log.error("Request failed", e);
            return problem(500, "Interne fout", "Er ging iets mis bij het verwerken van het verzoek.", uri, List.of());
        }
        Response.ResponseBuilder builder = problemBuilder(status, titleFor(status), detailFor(status, uri), uri, List.of());
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
        if (DatabaseUnavailable.causes(e)) {
            return databaseUnavailable(e, uri);
        }
        Log.error("Unexpected failure", e);
        return problem(500, "Interne fout", "Er ging iets mis bij het verwerken van het verzoek.", uri, List.of());
    }

    /** 503 with Retry-After: the database cannot be used now; nothing was written (transactions roll back). */
    private static Response databaseUnavailable(Throwable e, UriInfo uri) {
        Log.warnf("Database unavailable for %s: %s", path(uri), DatabaseUnavailable.rootMessage(e));
        return problemBuilder(503, titleFor(503), DatabaseUnavailable.transactionTimedOut(e) ? TIMED_OUT_DETAIL : UNAVAILABLE_DETAIL, uri, List.of())
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                .build();
    }

    static Response problem(int status, String title, String detail, UriInfo uri, List<Problem.InvalidParam> params) {
        return problemBuilder(status, title, detail, uri, params).build();
    }

    private static Response.ResponseBuilder problemBuilder(int status, String title, String detail, UriInfo uri, List<Problem.InvalidParam> params) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank", title, status, detail, path(uri), params));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Ongeldige invoer";
            case 401 -> "Niet geauthenticeerd";
            case 403 -> "Geen toegang";
            case 404 -> "Niet gevonden";
            case 405 -> "Methode niet toegestaan";
            case 406 -> "Representatie niet beschikbaar";
            case 409 -> "Conflict";
            case 412 -> "Voorwaarde niet vervuld";
            case 414 -> "URI te lang";
            case 415 -> "Mediatype niet ondersteund";
            case 422 -> "Onverwerkbare invoer";
            case 431 -> "Headers te groot";
            case 503 -> "Tijdelijk niet beschikbaar";
            default -> "Fout";
        };
    }

    private static String detailFor(int status, UriInfo uri) {
        String path = path(uri);
        return switch (status) {
            case 404 -> "Er is geen resource op het pad '" + path + "'.";
            case 405 -> "De HTTP-methode is niet toegestaan op '" + path + "'; de header Allow noemt de methoden die wel kunnen.";
            case 406 -> {
                List<String> offered = path == null ? List.of() : AllowedMethods.producedAt(path, REST_ROOT);
                yield "Deze resource is beschikbaar als " + (offered.isEmpty() ? "application/json" : String.join(", ", offered)) + ".";
            }
            case 400 -> "De body is geen geldige JSON voor deze operatie, of een parameter is ongeldig.";
            case 415 -> "Het mediatype van de body wordt niet ondersteund; zie de OpenAPI-beschrijving van de operatie.";
            default -> titleFor(status);
        };
    }
}
