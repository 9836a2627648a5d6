package nl.rijksdienst.kpi.scorecard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScorecardResourceTest {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void shouldGiveEveryNormsLatestVerdictInOneCall() {
        JsonPath scorecard = given()
                .when().get("/api/v1/scorecard")
                .then()
                .statusCode(200)
                .body("items", hasSize(8))
                .body("evaluatedOn", notNullValue())
                // the norms the government set itself, judged on a number of the source's own: only the Roemernorm
                // (a members' 10% that the answer confirms)
                .body("summary.breached", equalTo(1))
                .body("summary.offTrack", equalTo(0))
                .body("summary.indeterminate", equalTo(0))
                .body("summary.noData", equalTo(0))
                // apart: the Beleidskompas target (no number in the letter: our reading of "nagenoeg alle") and the
                // members' numbers the answer does not confirm (the taakstelling, the banenafspraak)
                .body("qualified.indeterminate", equalTo(2))
                .body("qualified.noData", equalTo(3))
                .body("qualified.breached", equalTo(0))
                .body("comparisons.breached", equalTo(2))
                .body("comparisons.indeterminate", equalTo(0))
                .body("items.findAll { it.norm.kind == 'comparison' }.norm.id", org.hamcrest.Matchers.containsInAnyOrder("wage-offer-vs-inflation", "wage-offer-vs-market"))
                .extract().jsonPath();

        assertThat(scorecard.getString("items.find { it.norm.id == 'roemernorm' }.latest.verdict")).isEqualTo("breached");
        assertThat(scorecard.getFloat("items.find { it.norm.id == 'roemernorm' }.latest.gap.value")).isEqualTo(5.4f);
        assertThat(scorecard.getString("items.find { it.norm.id == 'roemernorm' }.latest.observation.period.code")).isEqualTo("2024");
        assertThat(scorecard.getFloat("items.find { it.norm.id == 'roemernorm' }.interim.gap.value")).isEqualTo(1.4f);
        assertThat(scorecard.getString("items.find { it.norm.id == 'roemernorm' }.indicator.id")).isEqualTo("external-hiring-share");
        assertThat(scorecard.getString("items.find { it.norm.id == 'roemernorm' }.indicator.unit")).isEqualTo("percent");
        assertThat(scorecard.getString("items.find { it.norm.id == 'roemernorm' }.latest.observation.qualifier")).isEqualTo("exact");
        assertThat(scorecard.getString("items.find { it.norm.id == 'roemernorm' }.latest.observation.status")).isEqualTo("final");
        assertThat(scorecard.getString("items.find { it.norm.id == 'roemernorm' }.interim.observation.status")).isEqualTo("provisional");
        assertThat(scorecard.getString("items.find { it.norm.id == 'roemernorm' }.interim.observation.citation.quote")).contains("11,4 procent");
        assertThat(scorecard.getList("items.find { it.norm.id == 'roemernorm' }.interim.caveats.code")).contains("interim_indication", "provisional");
        assertThat(scorecard.getString("items.find { it.norm.id == 'beleidskompas-target' }.latest.verdict")).isEqualTo("indeterminate");
        assertThat(scorecard.getString("items.find { it.norm.id == 'beleidskompas-target' }.latest.basis")).isEqualTo("interpretation");
        assertThat(scorecard.getString("items.find { it.norm.id == 'beleidskompas-target' }.latest.verdictText.nl"))
                .isEqualTo("onbepaald, getoetst aan onze lezing van de bron, die geen getal noemt");
        // no threshold of ours presented as the norm: the 95% read into "nagenoeg alle" stands apart
        assertThat(scorecard.getString("items.find { it.norm.id == 'beleidskompas-target' }.norm.threshold")).isNull();
        assertThat(scorecard.getFloat("items.find { it.norm.id == 'beleidskompas-target' }.norm.interpretedThreshold")).isEqualTo(95f);
        assertThat(scorecard.getString("items.find { it.norm.id == 'roemernorm' }.latest.basis")).isEqualTo("source");
        assertThat(scorecard.getString("items.find { it.norm.id == 'roemernorm' }.latest.verdictText.nl")).isEqualTo("overschreden");
        assertThat(scorecard.getString("items.find { it.norm.id == 'taakstelling' }.latest.basis")).isEqualTo("members");
        assertThat(scorecard.getList("items.find { it.norm.id == 'taakstelling' }.latest.caveats.code")).contains("members_threshold");
        // a floor that is not reached is not "overschreden"; a comparison below its reference says so
        assertThat(scorecard.getString("items.find { it.norm.id == 'wage-offer-vs-inflation' }.latest.verdictText.nl"))
                .isEqualTo("lager dan de vergelijkingswaarde");
        assertThat(scorecard.getFloat("items.find { it.norm.id == 'wage-offer-vs-inflation' }.latest.gap.value")).isEqualTo(-2.6f);
    }

    @Test
    void shouldEvaluateTheScorecardInABoundedNumberOfQueries() {
        given().when().get("/api/v1/scorecard").then().statusCode(200);
        long before = sessionFactory.getStatistics().getPrepareStatementCount();

        given().when().get("/api/v1/scorecard").then().statusCode(200);

        long statements = sessionFactory.getStatistics().getPrepareStatementCount() - before;
        assertThat(statements).as("JDBC statements for one scorecard").isLessThanOrEqualTo(4);
    }
}
