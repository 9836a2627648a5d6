package nl.rijksdienst.kpi.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples in the OpenAPI document are real answers, and still what the service answers. */
@QuarkusTest
class OpenApiExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The layout of the stored examples: two spaces, one value a line, "key": value, empty {} and []. */
    private static final com.fasterxml.jackson.core.util.DefaultPrettyPrinter STORED_STYLE;

    static {
        com.fasterxml.jackson.core.util.Separators separators = com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator("");
        STORED_STYLE = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter(separators);
        STORED_STYLE.indentArraysWith(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"));
        STORED_STYLE.indentObjectsWith(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"listIndicators", "getIndicator", "listObservations", "listNormChecks", "listNorms", "getNorm", "getScorecard",
            "listThemes", "getTheme", "listSources", "getSource", "listCommitments", "getCommitment", "listAllObservations", "getObservation",
            "getObservationSentence", "getNormSentence", "getCommitmentSentence"})
    void theExampleIsWhatTheServiceAnswers(String operationId) throws Exception {
        JsonNode example;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi-examples/" + operationId + ".json")) {
            assertThat(in).as(operationId).isNotNull();
            example = JSON.readTree(in);
        }
        JsonNode answer = JSON.readTree(given().when().get("/api/v1" + example.get("request").asText())
                .then().statusCode(200).extract().asString());
        if (Boolean.getBoolean("refreshExamples")) {
            // after a deliberate change of an answer: ./mvnw verify -Dtest=OpenApiExamplesTest -DrefreshExamples=true
            ((ObjectNode) example).set("value", answer);
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/main/resources/openapi-examples", operationId + ".json"),
                    JSON.writer(STORED_STYLE).writeValueAsString(example) + "\n");
            return;
        }
        JsonNode expected = example.get("value").deepCopy();
        for (JsonNode node : List.of(expected, answer)) {
            if (node.has("evaluatedOn")) {
                ((ObjectNode) node).remove("evaluatedOn");
            }
            // When a figure was recorded depends on when the database was loaded.
            node.findParents("recordedAt").forEach(parent -> ((ObjectNode) parent).remove("recordedAt"));
        }
        assertThat(answer).as("live answer to %s; after a deliberate change refresh src/main/resources/openapi-examples/%s.json",
                example.get("request").asText(), operationId).isEqualTo(expected);

        JsonNode documented = JSON.readTree(given().when().get("/api/v1/openapi.json").then().extract().asString());
        assertThat(documented.findValues("operationId").stream().map(JsonNode::asText)).contains(operationId);
    }

    /** The stored answers in other types (SVG, text, Markdown) are what the service answers, and in the document. */
    @ParameterizedTest
    @ValueSource(strings = {"getNormBadge", "getNormChart", "getIndicatorChart", "getNormSentence", "getCommitmentSentence", "getObservationSentence"})
    void theOtherExamplesAreWhatTheServiceAnswers(String operationId) throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of("src/main/resources/openapi-examples");
        String request = java.nio.file.Files.readString(folder.resolve(operationId + ".request")).strip();
        JsonNode documented = JSON.readTree(given().when().get("/api/v1/openapi.json").then().extract().asString());
        int compared = 0;
        for (java.util.Map.Entry<String, String> other : OpenApiFilter.OTHER_EXAMPLES.entrySet()) {
            String type = other.getKey();
            JsonNode operation = documented.findParents("operationId").stream().filter(n -> n.get("operationId").asText().equals(operationId)).findFirst()
                    .orElseThrow();
            if (operation.at("/responses/200/content").get(type) == null) {
                continue;
            }
            java.nio.file.Path stored = folder.resolve(operationId + "." + other.getValue());
            String answer = given().accept(type).when().get("/api/v1" + request).then().statusCode(200).extract().asString();
            if (Boolean.getBoolean("refreshExamples")) {
                java.nio.file.Files.writeString(stored, answer);
                continue;
            }
            assertThat(stored).as(operationId + " " + type).exists();
            assertThat(answer).as("live %s answer to %s; after a deliberate change refresh %s", type, request, stored)
                    .isEqualTo(java.nio.file.Files.readString(stored));
            assertThat(operation.at("/responses/200/content").get(type).at("/examples/echt-antwoord/value").asText()).isEqualTo(answer);
            compared++;
        }
        if (!Boolean.getBoolean("refreshExamples")) {
            assertThat(compared).as(operationId).isPositive();
        }
    }
}
