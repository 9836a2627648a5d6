package nl.rijksdienst.kpi.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.rijksdienst.kpi.editing.Tokens;
import nl.rijksdienst.kpi.editing.WritingProfile;
import org.junit.jupiter.api.Test;

/**
 * Every JSON answer of every read holds to the schema the OpenAPI document gives for it, for every
 * resource there is (each indicator, norm, commitment, source, theme, observation and its versions,
 * an import), and every 404 is the documented problem. The document is read as JSON Schema 2020-12,
 * the dialect of OpenAPI 3.1, so what a generated client or a validating proxy would refuse fails here.
 */
@QuarkusTest
@TestProfile(WritingProfile.class)
class ResponseSchemasTest {

    /** Tells the commitments' states, so that there are events to read whatever ran before. */
    @jakarta.inject.Inject
    nl.rijksdienst.kpi.event.CommitmentAnnouncer announcer;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String JSON_TYPE = "application/json";

    @Test
    void everyReadAnswersAsItsSchemaSays() throws Exception {
        announcer.announce();
        // a webhook subscription to read (to an address that refuses at once; ended at the end)
        String subscription = given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body("{\"url\": \"http://127.0.0.1:9/none\", \"kind\": \"verdict.changed\"}").post("/api/v1/webhook-subscriptions")
                .then().statusCode(201).extract().jsonPath().getString("id");
        // one import, so that the imports have an item to read too
        given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body("""
                        [{"indicatorId": "external-hiring-share", "period": "2018", "qualifier": "exact", "value": 12.5, "valueText": "12,5%",
                          "status": "final", "citation": {"sourceId": "antwoorden-so-functioneren-rijksdienst-2026", "section": "A.b",
                          "quote": "Het aandeel externe inhuur was 12,5 procent."}}]
                        """)
                .post("/api/v1/observation-imports").then().statusCode(201);

        URI document = OpenApiDocumentTest.STORED.toAbsolutePath().toUri();
        JsonNode openApi = JSON.readTree(document.toURL());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema problem = factory.getSchema(SchemaLocation.of(document + "#/components/schemas/Problem"));

        Map<String, List<Map<String, String>>> bindings = new HashMap<>();
        List<String> failures = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        int answers = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                continue;
            }
            String operationId = get.get("operationId").asText();
            JsonNode media = get.at("/responses/200/content").get(JSON_TYPE);
            if (media == null) {
                continue;
            }
            String pointer = "/paths/" + path.getKey().replace("~", "~0").replace("/", "~1") + "/get/responses/200/content/"
                    + JSON_TYPE.replace("/", "~1") + "/schema";
            JsonSchema schema = factory.getSchema(SchemaLocation.of(document + "#" + pointer));
            assertThat(schema.validate(JSON.readTree("{\"unexpected\": {}}"))).as("the schema of %s refuses an object without its fields", operationId).isNotEmpty();
            List<Map<String, String>> values = values(path.getKey(), bindings);
            assertThat(values).as("resources to read for %s", path.getKey()).isNotEmpty();
            for (Map<String, String> binding : values) {
                String url = "/api/v1" + expand(path.getKey(), binding);
                Response response = given().header("Authorization", Tokens.editor()).accept(JSON_TYPE).get(url);
                answers++;
                if (response.statusCode() != 200) {
                    failures.add(url + ": " + response.statusCode());
                    continue;
                }
                for (ValidationMessage m : schema.validate(JSON.readTree(response.asString()))) {
                    failures.add(url + ": " + m.getMessage());
                }
            }
            checked.add(operationId);
            if (path.getKey().contains("{")) {
                Map<String, String> unknown = new LinkedHashMap<>(values.get(0));
                Matcher last = PARAMETER.matcher(path.getKey());
                String name = null;
                while (last.find()) {
                    name = last.group(1);
                }
                unknown.put(name, name.endsWith("Id") && !name.equals("observationId") && !name.equals("importId") ? "niet-bestaand" : "987654321");
                String url = "/api/v1" + expand(path.getKey(), unknown);
                Response response = given().header("Authorization", Tokens.editor()).accept(JSON_TYPE).get(url);
                if (response.statusCode() != 404 || !response.contentType().startsWith("application/problem+json")) {
                    failures.add(url + ": " + response.statusCode() + " " + response.contentType() + ", not a 404 problem");
                } else {
                    problem.validate(JSON.readTree(response.asString())).forEach(m -> failures.add(url + " (problem): " + m.getMessage()));
                }
            }
        }
        given().header("Authorization", Tokens.editor()).delete("/api/v1/webhook-subscriptions/" + subscription).then().statusCode(204);
        assertThat(failures).as("answers that do not match their schema").isEmpty();
        // the check reaches into referenced schemas: an indicator whose name lacks Dutch is refused
        JsonSchema indicator = factory.getSchema(SchemaLocation.of(document + "#/components/schemas/Indicator"));
        JsonNode one = JSON.readTree(given().accept(JSON_TYPE).get("/api/v1/indicators/external-hiring-share").asString());
        assertThat(indicator.validate(one)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) one).putObject("label").put("en", "only English");
        assertThat(indicator.validate(one)).as("an indicator without label.nl").isNotEmpty();
        assertThat(checked).as("operations read").contains("listIndicators", "getIndicator", "listObservations", "getObservation",
                "listObservationVersions", "listNormChecks", "getScorecard", "listAllObservations", "getObservationImport", "listAuditEntries",
                "listEvents", "getEvent", "listWebhookSubscriptions", "getWebhookSubscription", "listWebhookDeliveries");
        assertThat(answers).as("answers checked").isGreaterThan(200);
    }

    /** Every combination of real values for the path's parameters, read from the collections that list them. */
    private static List<Map<String, String>> values(String path, Map<String, List<Map<String, String>>> cache) {
        List<Map<String, String>> bindings = new ArrayList<>(List.of(Map.of()));
        Matcher m = PARAMETER.matcher(path);
        while (m.find()) {
            String name = m.group(1);
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> binding : bindings) {
                String collection = switch (name) {
                    case "indicatorId" -> "/indicators";
                    case "normId" -> "/norms";
                    case "commitmentId" -> "/commitments";
                    case "sourceId" -> "/sources";
                    case "themeId" -> "/themes";
                    case "importId" -> "/observation-imports";
                    case "eventId" -> "/events";
                    case "subscriptionId" -> "/webhook-subscriptions";
                    case "observationId" -> "/indicators/" + binding.get("indicatorId") + "/observations";
                    default -> throw new AssertionError("no collection lists " + name + " in " + path);
                };
                for (String id : cache.computeIfAbsent(collection, ResponseSchemasTest::ids).stream().map(b -> b.get("id")).toList()) {
                    Map<String, String> extended = new LinkedHashMap<>(binding);
                    extended.put(name, id);
                    next.add(extended);
                }
            }
            bindings = next;
        }
        return bindings;
    }

    private static List<Map<String, String>> ids(String collection) {
        JsonNode page;
        try {
            page = JSON.readTree(given().header("Authorization", Tokens.editor()).accept(JSON_TYPE)
                    .get("/api/v1" + collection + "?pageSize=1000").then().statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Map<String, String>> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(Map.of("id", item.get("id").asText())));
        return ids;
    }

    private static String expand(String path, Map<String, String> binding) {
        String url = path;
        for (Map.Entry<String, String> e : binding.entrySet()) {
            url = url.replace("{" + e.getKey() + "}", e.getValue());
        }
        return url;
    }
}
