package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The document and the service agree both ways on request bodies: for every write operation of the
 * OpenAPI document that takes JSON, a valid body with one field of the wrong JSON type (a number for
 * a string, a string for a number or truth value, ...) or with a field the schema does not name is a
 * 400 or 422 problem, and nothing is written. The operations are read from the document, so a new
 * one is covered without a change here.
 */
@QuarkusTest
@TestProfile(WritingProfile.class)
class SchemaViolationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode document;
    private final Map<String, String> validBodies = new LinkedHashMap<>();
    private final Map<String, String> pathValues = new LinkedHashMap<>();

    @BeforeEach
    void validBodiesForEveryWrite() throws Exception {
        document = JSON.readTree(given().when().get("/api/v1/openapi.json").then().statusCode(200).extract().asString());
        String indicator = ObservationWritingTest.newIndicator();
        String source = "schema-test-source-" + System.nanoTime();
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.source(source))
                .when().post("/api/v1/sources").then().statusCode(201);
        String norm = "schema-test-norm-" + System.nanoTime();
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.norm(norm, indicator, "5"))
                .when().post("/api/v1/norms").then().statusCode(201);
        long observation = given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body(EditorFixtures.observation("2024", "4.5", "final", null)).when().post("/api/v1/indicators/" + indicator + "/observations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String commitment = given().when().get("/api/v1/commitments").then().statusCode(200).extract().jsonPath().getString("items[0].id");
        pathValues.put("indicatorId", indicator);
        pathValues.put("sourceId", source);
        pathValues.put("normId", norm);
        pathValues.put("observationId", Long.toString(observation));
        pathValues.put("commitmentId", commitment);

        String fresh = "schema-test-" + System.nanoTime();
        validBodies.put("IndicatorInput", EditorFixtures.indicator(fresh));
        validBodies.put("SourceInput", EditorFixtures.source(fresh));
        validBodies.put("NormInput", EditorFixtures.norm(fresh, indicator, "5"));
        validBodies.put("ObservationInput", EditorFixtures.observation("2025", "4.5", "provisional", "schematest"));
        validBodies.put("WebhookSubscriptionInput", "{\"url\": \"http://127.0.0.1:9/none\", \"kind\": \"verdict.changed\"}");
        validBodies.put("CommitmentInput", """
                {"id": "%s", "themeId": "rijksinkoop", "kind": "promise",
                 "label": {"nl": "Voortgangsbrief inkoop", "en": "Procurement progress letter"},
                 "promisedBy": "Minister van BZK", "promisedTo": "Tweede Kamer",
                 "due": {"periodCode": "2027-Q1", "qualifier": "no_later_than", "wording": "uiterlijk in het eerste kwartaal van 2027"},
                 "citation": {"sourceId": "%s", "section": "D", "quote": "Ik stuur u uiterlijk in het eerste kwartaal van 2027 een voortgangsbrief.", "statedBy": "minister"},
                 "indicatorIds": [], "normIds": []}
                """.formatted(fresh, EditorFixtures.LETTER));
    }

    private record Write(String method, String path, String schema) {
    }

    private List<Write> writes() {
        List<Write> writes = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode ref = operation.getValue().path("requestBody").path("content").path("application/json").path("schema").path("$ref");
            if (ref.isTextual()) {
                writes.add(new Write(operation.getKey(), path.getKey(), ref.asText().substring(ref.asText().lastIndexOf('/') + 1)));
            }
        }));
        return writes;
    }

    private String url(String path) {
        String url = path;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            url = url.replace("{" + value.getKey() + "}", value.getValue());
        }
        assertThat(url).as("every path parameter has a value").doesNotContain("{");
        return "/api/v1" + url;
    }

    /** A JSON value of a type the property's schema does not allow. */
    private JsonNode wrongType(JsonNode property) {
        JsonNode schema = property.has("$ref") ? document.at("/components/schemas/" + property.get("$ref").asText().substring("#/components/schemas/".length()))
                : property;
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        return switch (type) {
            case "string" -> property.has("enum") || schema.has("enum") ? IntNode.valueOf(1) : BooleanNode.FALSE;
            case "number", "integer" -> TextNode.valueOf("12.5");
            case "boolean" -> TextNode.valueOf("true");
            case "array" -> TextNode.valueOf("x");
            case "object" -> IntNode.valueOf(12);
            default -> null;
        };
    }

    private String dataVersion() {
        return given().when().get("/api/v1/themes").then().statusCode(200).extract().header("ETag");
    }

    @Test
    void everyWriteRefusesWrongTypesAndUnknownFields() throws Exception {
        List<Write> writes = writes();
        assertThat(writes).extracting(Write::schema).contains("IndicatorInput", "ObservationInput", "NormInput", "SourceInput", "CommitmentInput");
        int checked = 0;
        for (Write write : writes) {
            // a create (New…Input) takes the same body as a change, with its id required
            String valid = validBodies.get(write.schema().replaceFirst("^New", ""));
            assertThat(valid).as("a valid body for " + write.schema()).isNotNull();
            JsonNode schema = document.at("/components/schemas/" + write.schema());
            assertThat(schema.path("additionalProperties").asBoolean(true)).as(write.schema() + " is closed").isFalse();
            String before = dataVersion();

            ObjectNode unknown = (ObjectNode) JSON.readTree(valid);
            unknown.put("nonexistent", 1);
            Response refused = send(write, unknown.toString());
            assertThat(refused.statusCode()).as(write + " with an unknown field").isEqualTo(400);
            assertThat(refused.asString()).contains("nonexistent");

            for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
                Map.Entry<String, JsonNode> property = properties.next();
                JsonNode wrong = wrongType(property.getValue());
                if (wrong == null) {
                    continue;
                }
                ObjectNode body = (ObjectNode) JSON.readTree(valid);
                body.set(property.getKey(), wrong);
                Response answer = send(write, body.toString());
                assertThat(answer.statusCode()).as(write + " with " + property.getKey() + ": " + wrong + " -> " + answer.asString()).isIn(400, 422);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                checked++;
            }
            for (JsonNode required : schema.path("required")) {
                ObjectNode body = (ObjectNode) JSON.readTree(valid);
                body.remove(required.asText());
                Response answer = send(write, body.toString());
                assertThat(answer.statusCode()).as(write + " without the required " + required.asText() + " -> " + answer.asString()).isIn(400, 422);
                checked++;
                JsonNode property = schema.path("properties").path(required.asText());
                JsonNode nested = property.has("$ref") ? document.at("/components/schemas/" + property.get("$ref").asText().substring("#/components/schemas/".length())) : property;
                for (JsonNode inner : nested.path("required")) {
                    ObjectNode partial = (ObjectNode) JSON.readTree(valid);
                    ((ObjectNode) partial.get(required.asText())).remove(inner.asText());
                    Response refusedInner = send(write, partial.toString());
                    assertThat(refusedInner.statusCode()).as(write + " without the required " + required.asText() + "." + inner.asText() + " -> " + refusedInner.asString())
                            .isIn(400, 422);
                    checked++;
                }
            }
            assertThat(dataVersion()).as("nothing written by the refused bodies of " + write).isEqualTo(before);
        }
        assertThat(writes).extracting(Write::schema).contains("NewIndicatorInput", "NewSourceInput", "NewNormInput", "NewCommitmentInput");
        assertThat(checked).isGreaterThan(60);
    }

    /** The coercions a generated client would never send, refused where they used to be taken. */
    @Test
    void noCoercion() throws Exception {
        ObjectNode indicator = (ObjectNode) JSON.readTree(validBodies.get("IndicatorInput"));
        indicator.put("id", false);
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(indicator.toString()).when().post("/api/v1/indicators")
                .then().statusCode(400).body("invalidParams[0].name", org.hamcrest.Matchers.equalTo("id"));
        given().when().get("/api/v1/indicators/false").then().statusCode(404);

        String path = "/api/v1/indicators/" + pathValues.get("indicatorId") + "/observations";
        for (String field : List.of("value", "seriesBreak")) {
            ObjectNode observation = (ObjectNode) JSON.readTree(validBodies.get("ObservationInput"));
            observation.put(field, field.equals("value") ? "12.5" : "true");
            given().header("Authorization", Tokens.editor()).contentType("application/json").body(observation.toString()).when().post(path)
                    .then().statusCode(400).body("invalidParams[0].name", org.hamcrest.Matchers.equalTo(field));
        }
        ObjectNode observation = (ObjectNode) JSON.readTree(validBodies.get("ObservationInput"));
        observation.put("status", 0);
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(observation.toString()).when().post(path)
                .then().statusCode(org.hamcrest.Matchers.isOneOf(400, 422));
    }

    /** An absent description is absent from the answer, not an object without the nl its schema requires. */
    @Test
    void anAbsentTextIsAbsentNotEmpty() throws Exception {
        ObjectNode indicator = (ObjectNode) JSON.readTree(validBodies.get("IndicatorInput"));
        indicator.remove("description");
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(indicator.toString()).when().post("/api/v1/indicators")
                .then().statusCode(201);
        JsonNode answer = JSON.readTree(given().when().get("/api/v1/indicators/" + indicator.get("id").asText()).then().statusCode(200).extract().asString());
        assertThat(answer.has("description")).as(answer.toString()).isFalse();
        assertThat(document.at("/components/schemas/Indicator/required").toString()).doesNotContain("\"description\"");
    }

    private Response send(Write write, String body) {
        var request = given().header("Authorization", Tokens.editor()).contentType("application/json").body(body);
        return write.method().equals("put") ? request.when().put(url(write.path())) : request.when().post(url(write.path()));
    }
}
