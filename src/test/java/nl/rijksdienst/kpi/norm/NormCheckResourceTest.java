package nl.rijksdienst.kpi.norm;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The verdicts that follow from the letter, over HTTP against the loaded data. */
@QuarkusTest
class NormCheckResourceTest {

    @Test
    void externalHiringBreachesTheRoemernormIn2023And2024By5Point4Points() {
        given()
                .when().get("/api/v1/indicators/external-hiring-share/norm-checks")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].norm.id", equalTo("roemernorm"))
                .body("items[0].norm.threshold", equalTo(10))
                .body("items[0].norm.type", equalTo("ceiling"))
                .body("items[0].checks.observation.period.code", contains("2023", "2024", "2025-S1"))
                .body("items[0].checks.verdict", contains("breached", "breached", "breached"))
                .body("items[0].checks.gap.value", contains(5.4f, 5.4f, 1.4f))
                .body("items[0].checks[0].gap.unit", equalTo("percentage_point"))
                .body("items[0].checks[1].trend.direction", equalTo("stable"))
                .body("items[0].checks[1].trend.previousPeriod", equalTo("2023"));
    }

    @Test
    void theRoemernormIsJudgedOnTheYear2024AndTheHalfYearFigureIsAnInterimIndication() {
        given()
                .when().get("/api/v1/indicators/external-hiring-share/norm-checks")
                .then()
                .statusCode(200)
                .body("items[0].norm.frequency", equalTo("annual"))
                .body("items[0].latest.verdict", equalTo("breached"))
                .body("items[0].latest.observation.period.code", equalTo("2024"))
                .body("items[0].latest.observation.value", equalTo(15.4f))
                .body("items[0].latest.gap.value", equalTo(5.4f))
                .body("items[0].latest.trend.direction", equalTo("stable"))
                .body("items[0].interim.verdict", equalTo("breached"))
                .body("items[0].interim.observation.period.code", equalTo("2025-S1"))
                .body("items[0].interim.observation.status", equalTo("provisional"))
                .body("items[0].interim.gap.value", equalTo(1.4f))
                .body("items[0].interim.caveats.code", hasItems("interim_indication", "provisional", "series_break", "not_comparable"))
                .body("items[0].checks.observation.period.code", contains("2023", "2024", "2025-S1"));
    }

    @Test
    void theWageOfferFor2026StaysBelowExpectedInflationAndTheMarketsWageRise() {
        given()
                .when().get("/api/v1/indicators/wage-offer/norm-checks")
                .then()
                .statusCode(200)
                .body("items.norm.id", contains("wage-offer-vs-inflation", "wage-offer-vs-market"))
                .body("items[0].latest.verdict", equalTo("breached"))
                .body("items[0].latest.observation.period.code", equalTo("2026"))
                .body("items[0].latest.gap.value", equalTo(-2.6f))
                .body("items[0].latest.threshold.value", equalTo(2.6f))
                .body("items[0].latest.threshold.referenceIndicatorId", equalTo("expected-inflation"))
                .body("items[0].latest.threshold.referencePeriod", equalTo("2026"))
                .body("items[0].latest.caveats.code", hasItem("reference_forecast"))
                .body("items[0].checks.verdict", contains("breached", "no_data"))
                .body("items[1].latest.gap.value", equalTo(-4.2f));
    }

    @Test
    void beleidskompasAwarenessIsFarFromItsEnd2026Target() {
        given()
                .when().get("/api/v1/indicators/beleidskompas-awareness/norm-checks")
                .then()
                .statusCode(200)
                .body("items[0].norm.deadline", equalTo("2026-12-31"))
                .body("items[0].norm.wording", containsString("nagenoeg alle"))
                .body("items[0].norm.interpretation", containsString("95%"))
                .body("items[0].latest.verdict", equalTo("indeterminate"))
                .body("items[0].latest.observation.value", equalTo(54))
                .body("items[0].latest.gap.value", equalTo(-41))
                .body("items[0].latest.pace.requiredPerYear", equalTo(20.5f))
                .body("items[0].latest.pace.observedPaceAssumed", equalTo(true))
                .body("items[0].latest.pace.observedPerYear", org.hamcrest.Matchers.nullValue())
                .body("items[0].latest.pace.yearsLeftFromEvaluation", equalTo(0.09f))
                .body("items[0].latest.caveats.code", hasItems("interpretation", "pace_unknown"));
    }

    @Test
    void theBanenafspraakHasNoFiguresInTheLetterAndItsDeadlineHasPassed() {
        given()
                .when().get("/api/v1/indicators/banenafspraak-jobs/norm-checks")
                .then()
                .statusCode(200)
                .body("items.norm.id", contains("banenafspraak-markt", "banenafspraak-overheid"))
                .body("items.norm.threshold", contains(100000, 25000))
                .body("items[1].norm.dimensions.sector", equalTo("overheid"))
                .body("items[1].latest.verdict", equalTo("no_data"))
                .body("items[1].latest.observation", nullValue())
                .body("items[1].latest.caveats.code", contains("no_data", "deadline_passed"));
    }

    @Test
    void theTaakstellingIsOnlyQualitativelyRealisedSoItsVerdictIsIndeterminate() {
        given()
                .when().get("/api/v1/indicators/apparatus-savings/norm-checks")
                .then()
                .statusCode(200)
                .body("items[0].norm.threshold", equalTo(1000000000))
                .body("items[0].latest.verdict", equalTo("indeterminate"))
                .body("items[0].latest.caveats.code", hasItem("qualitative"));
    }

    @Test
    void anIndicatorWithoutNormsHasNoNormChecks() {
        given().when().get("/api/v1/indicators/vacancies-opened/norm-checks")
                .then().statusCode(200).body("items", hasSize(0)).body("paging.totalItems", equalTo(0));
    }

    @Test
    void shouldReturn404ForTheNormChecksOfAnUnknownIndicator() {
        given().when().get("/api/v1/indicators/onbekend/norm-checks")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldListTheNormsWithTheSourcesWords() {
        given()
                .when().get("/api/v1/norms")
                .then()
                .statusCode(200)
                .body("items", hasSize(8))
                .body("items.id", hasItems("roemernorm", "beleidskompas-target", "banenafspraak-overheid", "banenafspraak-markt",
                        "wage-offer-vs-inflation", "wage-offer-vs-market", "taakstelling", "taakstelling-share"));
        given()
                .when().get("/api/v1/norms/roemernorm")
                .then()
                .statusCode(200)
                .body("operator", equalTo("at_most"))
                .body("threshold", equalTo(10))
                .body("unit", equalTo("percent"))
                // the letter says "uit 2010", not from which day: no validFrom is made up
                .body("validFrom", nullValue())
                .body("description.nl", containsString("stamt uit 2010"))
                .body("version", equalTo(1))
                .body("publishedOn", equalTo("2026-01-22"))
                .body("publicationBasis", equalTo("earliest_possible"))
                .body("wording", equalTo("de Roemernorm van maximaal 10 procent"))
                .body("citation.quote", containsString("maximaal 10 procent"))
                .body("interpretation", nullValue());
        given()
                .when().get("/api/v1/norms/taakstelling-share")
                .then()
                .statusCode(200)
                .body("threshold", equalTo(22))
                .body("interpretation", not(nullValue()));
    }

    @Test
    void shouldReturn404ForAnUnknownNorm() {
        given().when().get("/api/v1/norms/geen-norm").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("geen-norm"));
    }
}
