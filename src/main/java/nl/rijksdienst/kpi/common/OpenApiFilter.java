package nl.rijksdienst.kpi.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the generated OpenAPI document with what every operation shares, so that the
 * annotations on resources stay about the operation itself:
 * <ul>
 *   <li>paths relative to the server {@code /api/v1} (ADR /core/uri-version);</li>
 *   <li>the {@code API-Version} header on every 2xx and 3xx response (ADR /core/version-header);</li>
 *   <li>problem responses (RFC 9457) on every operation: 400 where it takes input, 404 where its
 *       path names a resource, 406, 500 and 503 (with Retry-After) everywhere (ADR /core/error-handling);</li>
 *   <li>an example of each successful JSON answer, a real answer of the service kept in
 *       {@code openapi-examples/<operationId>.json} (a test checks that it is still what the
 *       service answers).</li>
 * </ul>
 */
public class OpenApiFilter implements OASFilter {

    static final String BASE_PATH = "/api/v1";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        relativePaths(openAPI);
        publicReads(openAPI);
        closedInputs(openAPI);
        creationInputs(openAPI);
        codeListParameters(openAPI);
        plainReferences(openAPI);
        openAPI.getComponents().addSecurityScheme("editorToken", OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("JWT van een redacteur (de rol in de claim groups), uitgegeven door de identity provider of lokaal met het commando editor-token."));
        openAPI.getComponents().addHeader("API-Version", OASFactory.createHeader()
                .description("De volledige versie van de API (semantic versioning).")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(java.util.List.of("1.0.0"))));
        openAPI.getComponents().addHeader("ETag", OASFactory.createHeader()
                .description("Sterke validator van deze representatie. Terugsturen in If-None-Match geeft 304 zolang er niets veranderd is; "
                        + "bij een wijziging (PUT) in If-Match: is de resource intussen veranderd, dan is het antwoord 412.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(java.util.List.of("\"3f2a9c0d5b7e41a8c6d2e9f0a1b3c4d5\""))));
        openAPI.getComponents().addResponse("PreconditionFailed", problem("De resource is gewijzigd sinds de versie in If-Match; er is niets geschreven. "
                + "Lees hem opnieuw (GET geeft de huidige ETag) en breng de wijziging daarop aan.",
                412, "Voorwaarde niet vervuld", "De resource is gewijzigd sinds de versie in If-Match (\"3f2a9c0d5b7e41a8c6d2e9f0a1b3c4d5\"); de huidige ETag is \"9b1c…\"."));
        openAPI.getComponents().addResponse("BadRequest", problem("Ongeldige invoer: een parameter of de body deugt niet; de melding noemt welke.",
                400, "Ongeldige invoer", "Parameter 'from': '2025-13' is geen geldige periode; gebruik een periodecode zoals 2024, 2025-S1, 2025-Q3, 2025-01, 2025-06-30 of 2025-Q1/2025-Q3"));
        openAPI.getComponents().addResponse("NotFound", problem("De gevraagde resource bestaat niet.",
                404, "Niet gevonden", "Er is geen indicator met id 'onbekend'; zie /indicators voor de indicatoren."));
        openAPI.getComponents().addResponse("NotAcceptable", problem("Geen van de gevraagde representaties (Accept) is beschikbaar.",
                406, "Representatie niet beschikbaar", "Deze resource is beschikbaar als application/json."));
        openAPI.getComponents().addResponse("Unauthorized", problem("Geen of geen geldig bearer-token (header WWW-Authenticate: Bearer).",
                401, "Niet geauthenticeerd", "Schrijven vraagt een geldig bearer-token (JWT) van een redacteur in de header Authorization."));
        openAPI.getComponents().addResponse("Forbidden", problem("Het token is geldig, maar heeft niet de rol van redacteur.",
                403, "Geen toegang", "Het token is geldig, maar heeft niet de rol van redacteur die schrijven vraagt."));
        openAPI.getComponents().addResponse("UnprocessableContent", problem("Velden die niet deugen (invalidParams, elk met de reden); er is niets geschreven.",
                422, "Onverwerkbare invoer", "Veld 'period': '2025-13' is geen geldige periode"));
        openAPI.getComponents().addResponse("UnsupportedMediaType", problem("De body heeft een mediatype dat deze operatie niet leest.",
                415, "Mediatype niet ondersteund", "Het mediatype van de body wordt niet ondersteund."));
        APIResponse unavailable = problem("De database is tijdelijk niet bereikbaar of bezet (bijvoorbeeld tijdens een herstart); "
                + "er is niets gedaan of geschreven. Vraag opnieuw na het aantal seconden in Retry-After.",
                503, "Tijdelijk niet beschikbaar", ProblemMappers.UNAVAILABLE_DETAIL);
        unavailable.addHeader("Retry-After", OASFactory.createHeader()
                .description("Na hoeveel seconden het verzoek opnieuw kan worden gedaan.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).examples(java.util.List.of(DatabaseUnavailable.RETRY_AFTER_SECONDS))));
        openAPI.getComponents().addResponse("ServiceUnavailable", unavailable);
        openAPI.getComponents().addResponse("InternalServerError", problem("Onverwachte fout in de service; de melding bevat geen technische details.",
                500, "Interne fout", "Er ging iets mis bij het verwerken van het verzoek."));

        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean namesResource = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                complete(entry.getKey(), entry.getValue(), namesResource);
            }
        }
    }

    /**
     * Every operation states its security: reads are public ({@code security: []}, which clients and
     * linters read as "no authentication"), writes name the editor's token.
     */
    private static void publicReads(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getSecurity() == null) {
                operation.setSecurity(new java.util.ArrayList<>());
            }
        }));
    }

    /** The code lists a comma-separated query parameter takes its values from, by parameter name. */
    private static final Map<String, java.util.List<String>> CODE_LISTS = Map.of(
            "status", java.util.Arrays.stream(nl.rijksdienst.kpi.observation.ObservationStatus.values()).map(nl.rijksdienst.kpi.observation.ObservationStatus::code).toList(),
            "statedBy", java.util.Arrays.stream(nl.rijksdienst.kpi.observation.Speaker.values()).map(Enum::name).toList());

    /**
     * A query parameter that takes one or more codes of a list, comma-separated ({@code
     * status=final,provisional}), is an array of that enum in the form style without explode, so a
     * generated client takes a list of the codes and sends them as the service reads them.
     */
    private static void codeListParameters(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() == null) {
                return;
            }
            operation.getParameters().forEach(parameter -> {
                java.util.List<String> codes = CODE_LISTS.get(parameter.getName());
                if (codes == null || parameter.getIn() != org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY) {
                    return;
                }
                parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(new java.util.ArrayList<>(codes))));
                parameter.setStyle(org.eclipse.microprofile.openapi.models.parameters.Parameter.Style.FORM);
                parameter.setExplode(false);
                parameter.setExample(null);
                if (parameter.getExamples() != null) {
                    parameter.setExamples(null);
                }
            });
        }));
    }

    /** Java types the scanner names as schemas, and the plain JSON Schema each stands for. */
    private static final Map<String, String> DATE_FORMATS = Map.of("LocalDate", "date", "OffsetDateTime", "date-time");

    /**
     * Every {@code $ref} stands alone but for its description and examples (the scanner adds the
     * referenced schema's {@code type} beside it, which generators clear with a warning each), and
     * a date or time is a string with its format rather than a schema named after a Java type.
     */
    private static void plainReferences(OpenAPI openAPI) {
        java.util.Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.function.Consumer<Schema> visit = new java.util.function.Consumer<>() {
            @Override
            public void accept(Schema schema) {
                if (schema == null || !seen.add(schema)) {
                    return;
                }
                if (schema.getRef() != null) {
                    String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                    String format = DATE_FORMATS.get(name);
                    schema.setType(null);
                    if (format != null) {
                        schema.setRef(null);
                        schema.addType(Schema.SchemaType.STRING).format(format);
                    }
                }
                if (schema.getProperties() != null) {
                    schema.getProperties().values().forEach(this);
                }
                accept(schema.getItems());
                accept(schema.getAdditionalPropertiesSchema());
                for (java.util.List<Schema> many : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                    if (many != null) {
                        many.forEach(this);
                    }
                }
            }
        };
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(visit);
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> visit.accept(parameter.getSchema()));
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values().forEach(media -> visit.accept(media.getSchema()));
            }
            if (operation.getResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    if (response.getContent() != null) {
                        response.getContent().getMediaTypes().values().forEach(media -> visit.accept(media.getSchema()));
                    }
                });
            }
        }));
        DATE_FORMATS.keySet().forEach(name -> openAPI.getComponents().removeSchema(name));
    }

    /** A request body takes the fields its schema names and no others, as the service reads it (StrictJson). */
    private static void closedInputs(OpenAPI openAPI) {
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (name.endsWith("Input") || name.equals("BilingualText")) {
                schema.setAdditionalPropertiesBoolean(false);
            }
        });
    }

    /**
     * A create ({@code POST} on a collection) names the new resource: its body is the resource's
     * input with {@code id} required, as {@code New<name>Input}; a change ({@code PUT} on the
     * resource) takes the id from the path and keeps it optional in {@code <name>Input}.
     */
    private static void creationInputs(OpenAPI openAPI) {
        String prefix = "#/components/schemas/";
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Operation create = item.getPOST();
            if (path.contains("{") || create == null || create.getRequestBody() == null || create.getRequestBody().getContent() == null) {
                return;
            }
            create.getRequestBody().getContent().getMediaTypes().values().forEach(media -> {
                Schema body = media.getSchema();
                if (body == null || body.getRef() == null || !body.getRef().startsWith(prefix)) {
                    return;
                }
                String name = body.getRef().substring(prefix.length());
                Schema input = openAPI.getComponents().getSchemas().get(name);
                if (input == null || input.getProperties() == null || !input.getProperties().containsKey("id")) {
                    return;
                }
                String newName = "New" + name;
                if (!openAPI.getComponents().getSchemas().containsKey(newName)) {
                    java.util.List<String> required = new java.util.ArrayList<>(java.util.List.of("id"));
                    if (input.getRequired() != null) {
                        required.addAll(input.getRequired());
                    }
                    openAPI.getComponents().addSchema(newName, OASFactory.createSchema()
                            .type(input.getType())
                            .description(input.getDescription())
                            .properties(new LinkedHashMap<>(input.getProperties()))
                            .required(required)
                            .additionalPropertiesBoolean(false));
                }
                body.setRef(prefix + newName);
            });
        });
    }

    private static void relativePaths(OpenAPI openAPI) {
        Map<String, PathItem> relative = new LinkedHashMap<>();
        openAPI.getPaths().getPathItems().forEach((key, item) ->
                relative.put(key.startsWith(BASE_PATH) ? key.substring(BASE_PATH.length()) : key, item));
        Paths paths = OASFactory.createPaths();
        relative.forEach(paths::addPathItem);
        openAPI.setPaths(paths);
    }

    private static void complete(PathItem.HttpMethod method, Operation operation, boolean namesResource) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        addRealExample(operation);
        addReplay(operation, responses);
        responses.getAPIResponses().forEach((code, response) -> {
            if ("OK".equals(response.getDescription())) {
                response.setDescription("Gelukt.");
            }
            if (code.startsWith("2") || code.startsWith("3")) {
                response.addHeader("API-Version", OASFactory.createHeader().ref("API-Version"));
            }
            boolean publicRead = operation.getSecurity() == null || operation.getSecurity().isEmpty();
            boolean validated = method == PathItem.HttpMethod.GET && publicRead && (code.equals("200") || code.equals("304"))
                    || method == PathItem.HttpMethod.PUT && code.equals("200");
            if (validated) {
                response.addHeader("ETag", OASFactory.createHeader().ref("ETag"));
            }
        });
        boolean takesInput = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.DELETE
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput && !responses.hasAPIResponse("400")) {
            responses.addAPIResponse("400", OASFactory.createAPIResponse().ref("BadRequest"));
        }
        if (namesResource && !responses.hasAPIResponse("404")) {
            responses.addAPIResponse("404", OASFactory.createAPIResponse().ref("NotFound"));
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured && !responses.hasAPIResponse("401")) {
            responses.addAPIResponse("401", OASFactory.createAPIResponse().ref("Unauthorized"));
        }
        if (secured && !responses.hasAPIResponse("403")) {
            responses.addAPIResponse("403", OASFactory.createAPIResponse().ref("Forbidden"));
        }
        boolean writes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
        if (writes && !responses.hasAPIResponse("422")) {
            responses.addAPIResponse("422", OASFactory.createAPIResponse().ref("UnprocessableContent"));
        }
        if (writes && !responses.hasAPIResponse("415")) {
            responses.addAPIResponse("415", OASFactory.createAPIResponse().ref("UnsupportedMediaType"));
        }
        if (!responses.hasAPIResponse("406")) {
            responses.addAPIResponse("406", OASFactory.createAPIResponse().ref("NotAcceptable"));
        }
        boolean conditional = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        if (conditional && !responses.hasAPIResponse("412")) {
            responses.addAPIResponse("412", OASFactory.createAPIResponse().ref("PreconditionFailed"));
        }
        if (!responses.hasAPIResponse("500")) {
            responses.addAPIResponse("500", OASFactory.createAPIResponse().ref("InternalServerError"));
        }
        if (!responses.hasAPIResponse("503")) {
            responses.addAPIResponse("503", OASFactory.createAPIResponse().ref("ServiceUnavailable"));
        }
    }

    /**
     * A POST that takes an Idempotency-Key answers a retry with the first answer: 200 with the
     * 201's body and the header Idempotent-Replayed, and 409 while the same key is being processed.
     */
    private static void addReplay(Operation operation, APIResponses responses) {
        boolean keyed = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "Idempotency-Key".equals(p.getName()));
        APIResponse created = responses.getAPIResponse("201");
        if (!keyed || created == null) {
            return;
        }
        if (!responses.hasAPIResponse("200")) {
            responses.addAPIResponse("200", OASFactory.createAPIResponse()
                    .description("Herhaald verzoek met dezelfde Idempotency-Key (dezelfde redacteur, hetzelfde verzoek): het antwoord van de eerste keer; er is niets opnieuw geschreven.")
                    .content(created.getContent()));
        }
        responses.getAPIResponse("200").addHeader("Idempotent-Replayed", OASFactory.createHeader()
                .description("true: dit is het bewaarde antwoord op een eerder verzoek met dezelfde Idempotency-Key.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true")));
        if (!responses.hasAPIResponse("409")) {
            responses.addAPIResponse("409", problem("Een ander verzoek met dezelfde Idempotency-Key wordt tegelijk verwerkt.",
                    409, "Conflict", "Een ander verzoek met de Idempotency-Key 'jbr-2025-1' werd tegelijk verwerkt; probeer het opnieuw."));
        }
    }

    static final String EXAMPLES = "openapi-examples/";

    /** The stored real answers in other types than JSON: {@code openapi-examples/<operationId>.<extension>}, with the request in {@code .request}. */
    static final Map<String, String> OTHER_EXAMPLES = Map.of("image/svg+xml", "svg", "text/plain", "txt", "text/markdown", "md");

    private static void addRealExample(Operation operation) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null) {
            return;
        }
        OTHER_EXAMPLES.forEach((type, extension) -> {
            if (ok.getContent().getMediaType(type) == null) {
                return;
            }
            String body = resource(EXAMPLES + operation.getOperationId() + "." + extension);
            String request = resource(EXAMPLES + operation.getOperationId() + ".request");
            if (body != null && request != null) {
                ok.getContent().getMediaType(type).addExample("echt-antwoord", OASFactory.createExample()
                        .summary("Een echt antwoord als " + type)
                        .description("Een echt antwoord van de service op GET /api/v1" + request.strip() + " met Accept: " + type)
                        .value(body));
            }
        });
        if (ok.getContent().getMediaType("application/json") == null) {
            return;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(EXAMPLES + operation.getOperationId() + ".json")) {
            if (in == null) {
                return;
            }
            JsonNode example = new ObjectMapper().readTree(in);
            Object value = new ObjectMapper().convertValue(example.get("value"), Object.class);
            ok.getContent().getMediaType("application/json").addExample("echt-antwoord", OASFactory.createExample()
                    .summary(example.get("summary").asText())
                    .description("Een echt antwoord van de service op GET /api/v1" + example.get("request").asText())
                    .value(value));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the example of " + operation.getOperationId(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    private static APIResponse problem(String description, int status, String title, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .example(example));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
