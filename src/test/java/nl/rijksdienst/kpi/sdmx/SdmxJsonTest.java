package nl.rijksdienst.kpi.sdmx;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.util.List;
import nl.rijksdienst.kpi.testing.CsvRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SDMX-JSON 2.0 and SDMX-CSV 2.0 data: every indicator's message validates against sdmx-twg's
 * SDMX-JSON 2.0.0 data schema (kept in src/test/resources/sdmx/sdmx-json-2.0), and both carry the
 * letter's figures with their status and qualifier.
 */
@QuarkusTest
class SdmxJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;
    private static JsonSchema schema1;
    private static JsonSchema structureSchema;

    @BeforeAll
    static void schema() throws Exception {
        schema = load("sdmx/sdmx-json-2.0/sdmx-json-data-schema.json");
        schema1 = load("sdmx/sdmx-json-1.0/sdmx-json-data-schema.json");
        structureSchema = load("sdmx/sdmx-json-2.0/sdmx-json-structure-schema.json");
    }

    private static JsonSchema load(String resource) throws Exception {
        try (InputStream in = SdmxJsonTest.class.getClassLoader().getResourceAsStream(resource)) {
            ObjectNode node = (ObjectNode) JSON.readTree(in);
            // the schemas name their dialect "http://json-schema.org/schema#" and identify themselves by "id", as draft-04 does
            node.remove("$schema");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(node);
        }
    }

    @Test
    void everyStructureMessageValidatesAgainstTheSdmxJson2StructureSchema() throws Exception {
        assertThat(structureSchema.validate(JSON.readTree("{\"meta\": {\"id\": \"x\"}, \"data\": {\"dataflows\": [{\"id\": \"x\"}]}}")))
                .as("the schema refuses a dataflow without agency and name").isNotEmpty();
        for (String path : List.of("/dataflow/all/all/latest?references=all", "/datastructure/all/all/latest?references=children",
                "/codelist/all/all/latest", "/conceptscheme/all/all/latest", "/dataflow/RIJKSDIENST/workforce-fte-growth/1.0")) {
            String body = given().accept(SdmxJson2.STRUCTURE_MEDIA_TYPE).get("/api/v1/sdmx" + path).then().statusCode(200)
                    .contentType(SdmxJson2.STRUCTURE_MEDIA_TYPE).extract().asString();
            assertThat(structureSchema.validate(JSON.readTree(body))).as(path).isEmpty();
        }
        JsonNode all = JSON.readTree(given().accept(SdmxJson2.STRUCTURE_MEDIA_TYPE).get("/api/v1/sdmx/datastructure/all/workforce-fte-growth/latest?references=children")
                .then().extract().asString());
        assertThat(all.at("/data/dataStructures/0/dataStructureComponents/dimensionList/dimensions").findValuesAsText("id")).containsExactly("FREQ", "category");
        assertThat(all.at("/data/dataStructures/0/dataStructureComponents/dimensionList/dimensions/1/localRepresentation/enumeration").asText())
                .isEqualTo("urn:sdmx:org.sdmx.infomodel.codelist.Codelist=RIJKSDIENST:CL_workforce-fte-growth_category(1.0)");
        assertThat(all.at("/data/codelists").findValuesAsText("id")).contains("CL_workforce-fte-growth_category", "CL_OBS_STATUS");
    }

    /** The SDMX-JSON 1.0 answers of /indicators/{id}/observations hold to the 1.0 schema. */
    @Test
    void theObservationsSdmxJson1ValidatesAgainstItsSchema() throws Exception {
        List<String> indicators = given().get("/api/v1/indicators?pageSize=1000").jsonPath().getList("items.id");
        java.util.Map<String, Object> failures = new java.util.TreeMap<>();
        for (String id : indicators) {
            JsonNode message = JSON.readTree(given().get("/api/v1/indicators/" + id + "/observations?format=sdmx-json").then().statusCode(200).extract().asString());
            var errors = schema1.validate(message);
            if (!errors.isEmpty()) {
                failures.put(id, errors.stream().map(Object::toString).toList());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static JsonNode message(String path) throws Exception {
        String body = given().accept(SdmxJson2.DATA_MEDIA_TYPE).get("/api/v1/sdmx" + path).then().statusCode(200)
                .contentType(SdmxJson2.DATA_MEDIA_TYPE).extract().asString();
        return JSON.readTree(body);
    }

    @Test
    void everyMessageValidatesAgainstTheSdmxJson2Schema() throws Exception {
        assertThat(schema.validate(JSON.readTree("{\"meta\": {\"id\": \"x\"}}"))).as("the schema refuses a message without prepared and sender").isNotEmpty();
        List<String> indicators = given().get("/api/v1/indicators?pageSize=1000").jsonPath().getList("items.id");
        for (String id : indicators) {
            assertThat(schema.validate(message("/data/" + id))).as(id).isEmpty();
        }
        for (String path : List.of("/data/workforce-fte-growth/Q.beleid+inspectie", "/data/external-hiring-share?updatedAfter=2100-01-01T00:00:00Z",
                "/data/vacancies-opened?detail=dataonly", "/data/vacancies-opened?detail=nodata")) {
            assertThat(schema.validate(message(path))).as(path).isEmpty();
        }
    }

    @Test
    void theInterimFigureIsMarkedInJsonAndCsv() throws Exception {
        JsonNode m = message("/data/external-hiring-share/S");
        JsonNode structure = m.at("/data/structures/0");
        List<String> times = new java.util.ArrayList<>();
        structure.at("/dimensions/observation/0/values").forEach(v -> times.add(v.get("value").asText()));
        JsonNode observation = m.at("/data/dataSets/0/series/0/observations/" + times.indexOf("2025-S1"));
        assertThat(m.at("/data/dataSets/0/series").size()).as("one half-year series").isEqualTo(1);
        assertThat(observation.get(0).decimalValue()).isEqualByComparingTo("11.4");
        List<String> attributes = new java.util.ArrayList<>();
        structure.at("/attributes/observation").forEach(a -> attributes.add(a.get("id").asText()));
        int status = attributes.indexOf("OBS_STATUS");
        int ours = attributes.indexOf("STATUS");
        assertThat(structure.at("/attributes/observation/" + status + "/values/" + observation.get(1 + status).asInt() + "/id").asText()).isEqualTo("P");
        assertThat(structure.at("/attributes/observation/" + ours + "/values/" + observation.get(1 + ours).asInt() + "/id").asText()).isEqualTo("provisional");

        String csv = given().accept(SdmxCsv2.DATA_MEDIA_TYPE).get("/api/v1/sdmx/data/external-hiring-share").then().statusCode(200)
                .contentType(SdmxCsv2.DATA_MEDIA_TYPE).extract().asString();
        List<java.util.Map<String, String>> rows = CsvRows.of(csv);
        assertThat(CsvRows.header(csv)).startsWith("STRUCTURE", "STRUCTURE_ID", "ACTION", "FREQ", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "STATUS");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("STRUCTURE_ID")).isEqualTo("RIJKSDIENST:external-hiring-share(1.0)");
            assertThat(r.get("TIME_PERIOD")).isEqualTo("2025-S1");
            assertThat(r.get("OBS_VALUE")).isEqualTo("11.4");
            assertThat(r.get("OBS_STATUS")).isEqualTo("P");
            assertThat(r.get("BREAK")).isEqualTo("true");
        });
        // a range keeps both ends and no single value
        String growth = given().accept(SdmxCsv2.DATA_MEDIA_TYPE).get("/api/v1/sdmx/data/workforce-fte-growth/S.").then().statusCode(200).extract().asString();
        assertThat(CsvRows.of(growth)).allSatisfy(r -> {
            assertThat(r.get("OBS_QUALIFIER")).isEqualTo("range");
            assertThat(r.get("OBS_VALUE")).isEmpty();
            assertThat(r.get("OBS_VALUE_LOW")).isEqualTo("2.5");
            assertThat(r.get("OBS_VALUE_HIGH")).isEqualTo("5.2");
        });
    }
}
