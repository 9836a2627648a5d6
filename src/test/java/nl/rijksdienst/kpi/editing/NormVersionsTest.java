package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** A norm keeps its versions: asOf checks with the norm as it then stood, and a norm judges only figures of its validity. */
@QuarkusTest
@TestProfile(WritingProfile.class)
class NormVersionsTest {

    private static io.restassured.specification.RequestSpecification editor(String body) {
        return given().header("Authorization", Tokens.editor()).contentType("application/json").body(body);
    }

    @Test
    void aChangedThresholdIsANewVersionAndAsOfChecksWithTheNormAsItThenStood() {
        String indicator = "norm-versions-test";
        String norm = indicator + "-norm";
        String letter = indicator + "-brief";
        editor(EditorFixtures.indicator(indicator)).when().post("/api/v1/indicators").then().statusCode(201);
        editor(EditorFixtures.norm(norm, indicator, "5")).when().post("/api/v1/norms").then().statusCode(201)
                .body("version", equalTo(1)).body("publishedOn", equalTo("2026-01-22"));
        editor(EditorFixtures.observation("2024", "4.5", "final", null)).when().post("/api/v1/indicators/" + indicator + "/observations")
                .then().statusCode(201);
        // a later letter (20 May 2026) lowers the ceiling to 4%
        editor(EditorFixtures.source(letter)).when().post("/api/v1/sources").then().statusCode(201);
        editor(EditorFixtures.norm(norm, indicator, "4").replace(EditorFixtures.LETTER, letter)
                .replace("\"wording\"", "\"reason\": \"Norm verlaagd\", \"wording\"")).when().put("/api/v1/norms/" + norm).then().statusCode(200)
                .body("version", equalTo(2)).body("threshold", equalTo(4)).body("publishedOn", equalTo("2026-05-20"));

        given().when().get("/api/v1/norms/" + norm + "/versions").then().statusCode(200)
                .body("items.version", contains(1, 2)).body("items.norm.threshold", contains(5, 4))
                .body("items[0].supersededOn", equalTo("2026-05-20")).body("items[1].reason", equalTo("Norm verlaagd"));
        given().queryParam("asOf", "2026-03-01").when().get("/api/v1/norms/" + norm).then().statusCode(200).body("threshold", equalTo(5));
        given().queryParam("asOf", "2026-01-01").when().get("/api/v1/norms/" + norm).then().statusCode(404);
        given().queryParam("asOf", "2026-03-01").when().get("/api/v1/indicators/" + indicator + "/norm-checks").then().statusCode(200)
                .body("items[0].latest.verdict", equalTo("met")).body("items[0].norm.threshold", equalTo(5));
        given().when().get("/api/v1/indicators/" + indicator + "/norm-checks").then().statusCode(200)
                .body("items[0].latest.verdict", equalTo("breached")).body("items[0].norm.threshold", equalTo(4));
        // the same content again is not a new version
        editor(EditorFixtures.norm(norm, indicator, "4").replace(EditorFixtures.LETTER, letter)).when().put("/api/v1/norms/" + norm)
                .then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void aNormJudgesOnlyFiguresOfPeriodsWithinItsValidity() {
        String indicator = "norm-validity-test";
        String norm = indicator + "-norm";
        editor(EditorFixtures.indicator(indicator)).when().post("/api/v1/indicators").then().statusCode(201);
        editor(EditorFixtures.norm(norm, indicator, "5").replace("\"wording\"", "\"validFrom\": \"2024-01-01\", \"validTo\": \"2024-12-31\", \"wording\""))
                .when().post("/api/v1/norms").then().statusCode(201).body("validFrom", equalTo("2024-01-01")).body("validTo", equalTo("2024-12-31"));
        for (String[] figure : new String[][] {{"2023", "9.0"}, {"2024", "4.0"}, {"2025", "8.0"}}) {
            editor(EditorFixtures.observation(figure[0], figure[1], "final", null)).when().post("/api/v1/indicators/" + indicator + "/observations")
                    .then().statusCode(201);
        }
        given().when().get("/api/v1/indicators/" + indicator + "/norm-checks").then().statusCode(200)
                .body("items[0].checks", hasSize(1))
                .body("items[0].checks[0].observation.period.code", equalTo("2024"))
                .body("items[0].latest.verdict", equalTo("met"));
        editor(EditorFixtures.norm(norm + "-bad", indicator, "5").replace("\"wording\"", "\"validFrom\": \"2024-01-01\", \"validTo\": \"2023-12-31\", \"wording\""))
                .when().post("/api/v1/norms").then().statusCode(422).body("invalidParams.name", contains("validTo"));
    }
}
