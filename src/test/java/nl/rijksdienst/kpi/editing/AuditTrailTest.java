package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit log shows who changed what, when, why, and what it was before and after; an import's entry lists its figures. */
@QuarkusTest
@TestProfile(WritingProfile.class)
class AuditTrailTest {

    private static JsonPath auditOf(String type, String id) {
        return given().header("Authorization", Tokens.editor()).queryParam("entityType", type).queryParam("entityId", id)
                .when().get("/api/v1/audit-log").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aFiguresEntriesShowItBeforeAndAfterAndTheImportsThatChangedIt() {
        String indicator = ObservationWritingTest.newIndicator();
        String location = given().header("Authorization", Tokens.editor("alice")).contentType("application/json")
                .body(EditorFixtures.observation("2024", "5.0", "final", null))
                .when().post("/api/v1/indicators/" + indicator + "/observations").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().header("Authorization", Tokens.editor("bob")).contentType("application/json")
                .body(EditorFixtures.observation("2024", "5.1", "final", "Herziene telling"))
                .when().put(location.substring(location.indexOf("/api/v1"))).then().statusCode(200);
        String csv = "indicatorId,periodCode,qualifier,value,valueText,status,sourceId,quote,reason\n"
                + indicator + ",2024,exact,5.2,\"5,2%\",final," + EditorFixtures.LETTER + ",\"Het aandeel externe inhuur was 5,2 procent.\",Jaarcijfer\n";
        String importId = given().header("Authorization", Tokens.editor("carol")).contentType("text/csv").body(csv)
                .when().post("/api/v1/observation-imports").then().statusCode(201).extract().path("id");

        JsonPath audit = auditOf("observation", id);
        List<Map<String, Object>> items = audit.getList("items");
        assertThat(items).extracting(i -> i.get("action")).containsExactly("import", "correct", "create");
        assertThat(items).extracting(i -> i.get("actor")).containsExactly("carol", "bob", "alice");

        assertThat(audit.getString("items[1].reason")).isEqualTo("Herziene telling");
        assertThat(audit.getFloat("items[1].details.before.value")).isEqualTo(5.0f);
        assertThat(audit.getFloat("items[1].details.after.value")).isEqualTo(5.1f);
        assertThat(audit.getInt("items[1].details.after.version")).isEqualTo(2);
        assertThat(audit.getFloat("items[2].details.after.value")).isEqualTo(5.0f);

        assertThat(audit.getString("items[0].entityId")).isEqualTo(importId);
        assertThat(audit.getList("items[0].details.figures.observationId", Integer.class)).containsExactly(Integer.parseInt(id));
        assertThat(audit.getInt("items[0].details.figures[0].version")).isEqualTo(3);
        // the import's versions are there too, with the import named
        given().when().get(location.substring(location.indexOf("/api/v1")) + "/versions").then()
                .body("items[2].importId", org.hamcrest.Matchers.equalTo(importId));
    }

    @Test
    void aCatalogueChangeShowsItBeforeAndAfter() {
        String indicator = ObservationWritingTest.newIndicator();
        given().header("Authorization", Tokens.editor("dave")).contentType("application/json")
                .body(EditorFixtures.indicator(indicator).replace("Ziekteverzuim", "Verzuim"))
                .when().put("/api/v1/indicators/" + indicator).then().statusCode(200);
        JsonPath audit = auditOf("indicator", indicator);
        assertThat(audit.getString("items[0].actor")).isEqualTo("dave");
        assertThat(audit.getString("items[0].details.before.label.nl")).isEqualTo("Ziekteverzuim");
        assertThat(audit.getString("items[0].details.after.label.nl")).isEqualTo("Verzuim");
    }
}
