package nl.rijksdienst.kpi.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document is the reviewed one in {@code openapi/}, and it follows the rules of
 * the NL GOV API Design Rules linter, checked here in the project's own words.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path STORED = Path.of("openapi", "openapi.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode served;

    @BeforeEach
    void fetch() throws Exception {
        served = JSON.readTree(given().when().get("/api/v1/openapi.json").then().statusCode(200).extract().asString());
    }

    @Test
    void theServedDocumentIsTheStoredOne() throws Exception {
        assertThat(STORED).as("the reviewed OpenAPI document; after a deliberate API change copy target/openapi/* to openapi/").exists();
        JsonNode stored = JSON.readTree(Files.readString(STORED));
        assertThat(served).as("served /api/v1/openapi.json against " + STORED
                + "; after a deliberate API change copy target/openapi/* to openapi/").isEqualTo(stored);
    }

    @Test
    void theDocumentIsOpenApi3WithAVersionedServerSemverAndAContact() {
        assertThat(served.path("openapi").asText()).matches("3\\.\\d+\\.\\d+");
        assertThat(served.path("servers").get(0).path("url").asText()).isEqualTo("/api/v1");
        assertThat(served.path("info").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
        JsonNode contact = served.path("info").path("contact");
        assertThat(List.of("name", "email", "url")).allSatisfy(field -> assertThat(contact.path(field).asText()).isNotBlank());
    }

    /** What generators stumble on: a $ref with a type beside it, a schema named after a Java type, a comma list typed as free text. */
    @Test
    void schemasAreWhatGeneratorsReadCleanly() {
        List<String> refsWithType = new ArrayList<>();
        collectRefsWithType(served, "", refsWithType);
        assertThat(refsWithType).as("$ref with a type beside it").isEmpty();
        assertThat(served.path("components").path("schemas").has("LocalDate")).isFalse();
        assertThat(served.path("components").path("schemas").has("OffsetDateTime")).isFalse();
        for (JsonNode parameter : served.path("paths").path("/indicators/{indicatorId}/observations").path("get").path("parameters")) {
            if (parameter.path("name").asText().equals("status")) {
                assertThat(parameter.path("schema").path("type").asText()).isEqualTo("array");
                assertThat(parameter.path("schema").path("items").path("enum").toString()).contains("provisional");
                assertThat(parameter.path("explode").asBoolean(true)).isFalse();
            }
        }
    }

    private static void collectRefsWithType(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            if (node.has("$ref") && node.has("type")) {
                found.add(path);
            }
            node.fields().forEachRemaining(e -> collectRefsWithType(e.getValue(), path + "/" + e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectRefsWithType(node.get(i), path + "/" + i, found);
            }
        }
    }

    @Test
    void pathsAreKebabCaseWithoutTrailingSlashes() {
        Pattern kebab = Pattern.compile("(/([a-z0-9-]+|\\{[A-Za-z]+}))+");
        served.path("paths").fieldNames().forEachRemaining(path -> assertThat(path).matches(kebab).doesNotEndWith("/"));
    }

    @Test
    void everyOperationIsDocumentedForGeneratedClientsAndAnswersProblems() {
        List<String> operationIds = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : fields(served.path("paths"))) {
            for (Map.Entry<String, JsonNode> op : fields(path.getValue())) {
                assertThat(METHODS).as("standard HTTP methods only").contains(op.getKey());
                JsonNode operation = op.getValue();
                String where = op.getKey() + " " + path.getKey();
                assertThat(operation.path("operationId").asText()).as(where).matches("[a-z][A-Za-z]+");
                operationIds.add(operation.path("operationId").asText());
                assertThat(operation.path("summary").asText()).as(where).isNotBlank();
                assertThat(operation.path("description").asText()).as(where).isNotBlank();
                for (JsonNode parameter : operation.path("parameters")) {
                    if (parameter.path("in").asText().equals("query")) {
                        assertThat(parameter.path("name").asText()).as(where).matches("[a-z][a-z\\d]*([A-Z][a-z\\d]*)*");
                    }
                }
                if (operation.path("parameters").size() > 0) {
                    assertThat(operation.path("responses").has("400")).as(where + " documents 400").isTrue();
                }
                for (Map.Entry<String, JsonNode> response : fields(operation.path("responses"))) {
                    JsonNode resolved = resolve(response.getValue());
                    if (response.getKey().matches("[23]\\d\\d")) {
                        assertThat(resolved.path("headers").has("API-Version")).as(where + " " + response.getKey()).isTrue();
                        assertThat(resolved.path("description").asText()).isNotBlank();
                    } else {
                        assertThat(resolved.path("content").has("application/problem+json")).as(where + " " + response.getKey()).isTrue();
                    }
                }
            }
        }
        assertThat(operationIds).doesNotHaveDuplicates()
                .contains("listIndicators", "getIndicator", "listObservations", "listNormChecks", "listNorms", "getNorm", "getScorecard",
                        "listThemes", "getTheme", "listSources", "getSource");
    }

    @Test
    void theProblemSchemaHasStatusTitleAndDetail() {
        JsonNode problem = served.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").has("status")).isTrue();
        assertThat(problem.path("properties").has("title")).isTrue();
        assertThat(problem.path("properties").has("detail")).isTrue();
    }

    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            String[] parts = node.path("$ref").asText().substring(2).split("/");
            JsonNode target = served;
            for (String part : parts) {
                target = target.path(part);
            }
            return target;
        }
        return node;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        it.forEachRemaining(list::add);
        return list;
    }
}
