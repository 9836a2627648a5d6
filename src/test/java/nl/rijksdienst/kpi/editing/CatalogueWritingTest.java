package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Editors add and change sources, indicators and norms; each change is validated and audited. */
@QuarkusTest
@TestProfile(WritingProfile.class)
class CatalogueWritingTest {

    private static io.restassured.specification.RequestSpecification editor(String body) {
        return given().header("Authorization", Tokens.editor()).contentType("application/json").body(body);
    }

    @Test
    void addsAndChangesASource() {
        editor(EditorFixtures.source("jbr-2025-test")).when().post("/api/v1/sources")
                .then().statusCode(201).header("Location", containsString("/api/v1/sources/jbr-2025-test")).body("publicationDate", equalTo("2026-05-20"));
        editor(EditorFixtures.source("jbr-2025-test")).when().post("/api/v1/sources").then().statusCode(409).contentType("application/problem+json");
        editor(EditorFixtures.source("jbr-2025-test").replace("Jaarrapportage Bedrijfsvoering Rijk 2025", "JBR 2025"))
                .when().put("/api/v1/sources/jbr-2025-test").then().statusCode(200).body("title", equalTo("JBR 2025"));
        given().when().get("/api/v1/sources/jbr-2025-test").then().statusCode(200).body("title", equalTo("JBR 2025"));

        editor("{\"id\": \"Bad Id\", \"type\": \"report\", \"url\": \"ftp://x\"}").when().post("/api/v1/sources")
                .then().statusCode(422).body("invalidParams.name", hasItems("id", "title", "url"));
        editor(EditorFixtures.source("other-id")).when().put("/api/v1/sources/jbr-2025-test").then().statusCode(422).body("invalidParams.name", hasItem("id"));
        editor(EditorFixtures.source("nope")).when().put("/api/v1/sources/nope").then().statusCode(404);

        given().header("Authorization", Tokens.editor()).queryParam("entityId", "jbr-2025-test").when().get("/api/v1/audit-log")
                .then().statusCode(200).body("items.action", contains("update", "create"))
                .body("items[0].details.before.title", equalTo("Jaarrapportage Bedrijfsvoering Rijk 2025"))
                .body("items[0].details.after.title", equalTo("JBR 2025"));
    }

    @Test
    void addsAnIndicatorAndRefusesChangesThatWouldStrandItsObservations() {
        String id = "catalogue-test-indicator";
        editor(EditorFixtures.indicator(id)).when().post("/api/v1/indicators")
                .then().statusCode(201).body("dimensions[0].codes.code", contains("bzk", "fin")).body("frequencies", contains("annual", "quarterly"));
        given().when().get("/api/v1/indicators/" + id).then().statusCode(200).body("label.nl", equalTo("Ziekteverzuim"));
        editor(EditorFixtures.indicator(id)).when().post("/api/v1/indicators").then().statusCode(409);

        editor(EditorFixtures.observation("2024", "5.0", "final", null).replace("\"period\"", "\"dimensions\": {\"department\": \"fin\"}, \"period\""))
                .when().post("/api/v1/indicators/" + id + "/observations").then().statusCode(201);

        String withoutFin = EditorFixtures.indicator(id).replace(", {\"code\": \"fin\", \"label\": {\"nl\": \"Financiën\", \"en\": \"Finance\"}}", "");
        editor(withoutFin).when().put("/api/v1/indicators/" + id).then().statusCode(422).body("detail", containsString("dimensions"))
                .body("invalidParams[0].reason", containsString("fin"));
        editor(EditorFixtures.indicator(id).replace("\"percent\"", "\"fte\"")).when().put("/api/v1/indicators/" + id)
                .then().statusCode(422).body("invalidParams.name", hasItem("unit"));
        editor(EditorFixtures.indicator(id).replace("[\"annual\", \"quarterly\"]", "[\"quarterly\"]")).when().put("/api/v1/indicators/" + id)
                .then().statusCode(422).body("invalidParams.name", hasItem("frequencies"));
        editor(EditorFixtures.indicator(id).replace("Ziekteverzuim", "Verzuim")).when().put("/api/v1/indicators/" + id)
                .then().statusCode(200).body("label.nl", equalTo("Verzuim"));

        editor("{\"id\": \"x\", \"themeId\": \"ruimtevaart\", \"unit\": \"percent\", \"kind\": \"share\", \"label\": {\"nl\": \"x\", \"en\": \"x\"},"
                + " \"dimensions\": [{\"id\": \"Department\", \"label\": {\"nl\": \"d\"}, \"codes\": [{\"code\": \"a\", \"label\": {\"nl\": \"a\"}}, {\"code\": \"a\", \"label\": {\"nl\": \"a\"}}]}]}")
                .when().post("/api/v1/indicators")
                .then().statusCode(422).body("invalidParams.name", hasItems("themeId", "dimensions[0].id", "dimensions[0].codes[1].code"));
        editor("{\"id\": \"x\", \"themeId\": \"werkgeverschap\", \"unit\": \"lightyear\"}").when().post("/api/v1/indicators")
                .then().statusCode(400).body("invalidParams[0].name", equalTo("unit"));
    }

    @Test
    void addsANormThatIsCheckedAtOnce() {
        String indicator = ObservationWritingTest.newIndicator();
        editor(EditorFixtures.observation("2024", "6.5", "final", null)).when().post("/api/v1/indicators/" + indicator + "/observations").then().statusCode(201);

        editor(EditorFixtures.norm(indicator + "-ceiling", indicator, "6")).when().post("/api/v1/norms")
                .then().statusCode(201).body("type", equalTo("ceiling")).body("unit", equalTo("percent"));
        given().when().get("/api/v1/indicators/" + indicator + "/norm-checks")
                .then().statusCode(200).body("items[0].latest.verdict", equalTo("breached")).body("items[0].latest.gap.value", equalTo(0.5f));

        editor(EditorFixtures.norm(indicator + "-ceiling", indicator, "7")).when().put("/api/v1/norms/" + indicator + "-ceiling")
                .then().statusCode(200).body("threshold", equalTo(7));
        given().when().get("/api/v1/indicators/" + indicator + "/norm-checks").then().body("items[0].latest.verdict", equalTo("met"));

        editor(EditorFixtures.norm("both", indicator, "7").replace("\"threshold\": 7", "\"threshold\": 7, \"referenceIndicatorId\": \"expected-inflation\""))
                .when().post("/api/v1/norms").then().statusCode(422).body("invalidParams.name", hasItem("threshold"));
        editor(EditorFixtures.norm("ghost", "no-such-indicator", "7")).when().post("/api/v1/norms")
                .then().statusCode(422).body("invalidParams.name", hasItem("indicatorId"));
        editor(EditorFixtures.norm("unquoted", indicator, "7").replace("\"quote\": \"Het verzuim blijft onder de norm.\"", "\"quote\": \"\""))
                .when().post("/api/v1/norms").then().statusCode(422).body("invalidParams.name", hasItem("citation.quote"));
    }
}
