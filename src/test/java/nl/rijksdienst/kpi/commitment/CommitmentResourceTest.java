package nl.rijksdienst.kpi.commitment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The letter's commitments and announced publications, with their states on the tests' evaluation date (30 November 2026). */
@QuarkusTest
class CommitmentResourceTest {

    private static final String BASE = "/api/v1/commitments";

    @Test
    void servesTheCommitmentsOfSectionsDAndE() {
        given().queryParam("themeId", "rijksinkoop").when().get(BASE).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains("rijksinkoopstelsel-herziening", "rijksinkoopstrategie"));
        given().when().get(BASE + "/rijksinkoopstrategie").then().statusCode(200)
                .body("kind", equalTo("aim"))
                .body("due.periodCode", equalTo("2026-Q3"))
                .body("due.qualifier", equalTo("no_later_than"))
                .body("due.wording", equalTo("uiterlijk Q3 2026"))
                .body("due.end", equalTo("2026-09-30"))
                .body("promisedTo", equalTo("Tweede Kamer"))
                .body("citation.statedBy", equalTo("minister"))
                .body("state", equalTo("overdue"))
                .body("stateNote.nl", containsString("geen bron vastgelegd"))
                .body("evaluatedOn", equalTo("2026-11-30"));
        given().when().get(BASE + "/oha-eerste-rapport").then().statusCode(200)
                .body("themeId", equalTo("onevenredige-hardheden"))
                .body("due.wording", equalTo("in het najaar van 2026"))
                .body("due.interpretation", containsString("meteorologische herfst"))
                .body("due.start", equalTo("2026-09-01"))
                .body("due.end", equalTo("2026-11-30"))
                .body("state", equalTo("due_soon"));
    }

    @Test
    void everyStateFollowsFromTheTermAndTheEvaluationDate() {
        // the annual reports and the JBR in May 2026, the next full-year external hiring figure
        given().when().get(BASE + "/jaarverslagen-2025").then().body("state", equalTo("overdue")).body("normIds", hasItem("roemernorm"));
        given().when().get(BASE + "/jbr-2025").then().body("state", equalTo("overdue")).body("due.periodCode", equalTo("2026-05"));
        given().when().get(BASE + "/rapportagemodel-discriminatie").then().body("state", equalTo("overdue"))
                .body("due.interpretation", containsString("zomerreces"));
        given().when().get(BASE + "/cffr-analyse-leidinggevenden").then().body("kind", equalTo("expectation")).body("state", equalTo("overdue"));
        given().when().get(BASE + "/szw-update-gegevensdeling").then().body("promisedBy", equalTo("Minister van Sociale Zaken en Werkgelegenheid"))
                .body("state", equalTo("overdue"));
        // "later dit jaar": until 31 December, 31 days after the evaluation date, so not yet due soon
        given().when().get(BASE + "/tmg-functieduur").then().body("state", equalTo("open")).body("due.end", equalTo("2026-12-31"));
        given().when().get(BASE + "/aanwijzingen-regelgeving-2026").then().body("kind", equalTo("consideration")).body("state", equalTo("due_soon"));
        // a members' figure stays theirs, also as a commitment
        given().when().get(BASE + "/banenafspraak-nieuwe-wet").then().body("citation.statedBy", equalTo("members"))
                .body("citation.statedByName", equalTo("CDA-fractie")).body("due.qualifier", equalTo("on")).body("state", equalTo("overdue"))
                .body("stateNote.nl", startsWith("Aangekondigd voor 1 juli 2026"));
        given().when().get(BASE + "/roemernorm-voortgang-monitoren").then().body("due", nullValue()).body("state", equalTo("open"));
        given().queryParam("state", "due_soon").when().get(BASE).then().statusCode(200).body("items.state", everyItem(equalTo("due_soon")))
                .body("items.id", hasItem("oha-eerste-rapport"));
        given().queryParam("normId", "roemernorm").when().get(BASE).then().body("items.id",
                org.hamcrest.Matchers.containsInAnyOrder("jaarverslagen-2025", "jbr-2025", "roemernorm-voortgang-monitoren"));
    }

    @Test
    void theScorecardShowsWhatIsPending() {
        given().when().get("/api/v1/scorecard").then().statusCode(200)
                .body("commitments.open", equalTo(6))
                .body("commitments.dueSoon", equalTo(3))
                .body("commitments.overdue", equalTo(9))
                .body("commitments.delivered", equalTo(0))
                .body("pendingCommitments", hasSize(18))
                .body("pendingCommitments[0].id", equalTo("dag-van-het-beleid-2026"))
                .body("pendingCommitments[0].dueWording", equalTo("op 26 januari 2026"));
    }

    @Test
    void isPublicFromTheLettersEarliestDateOnEveryInstance() {
        given().when().get(BASE + "/rijksinkoopstrategie").then().body("publishedOn", equalTo("2026-01-22"))
                .body("publicationBasis", equalTo("earliest_possible"));
        given().queryParam("asOf", "2026-01-21").when().get(BASE).then().statusCode(200).body("paging.totalItems", equalTo(0));
        given().queryParam("asOf", "2026-02-01").when().get(BASE).then().statusCode(200).body("paging.totalItems", equalTo(18))
                .body("items[0].evaluatedOn", equalTo("2026-02-01"));
        // on 1 February 2026 the Rijksinkoopstrategie was not yet due
        given().queryParam("asOf", "2026-02-01").when().get(BASE + "/rijksinkoopstrategie").then().statusCode(200).body("state", equalTo("open"));
        given().queryParam("asOf", "2026-01-21").when().get(BASE + "/rijksinkoopstrategie").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void servesCsvAndRefusesUnknownFilters() {
        String csv = given().queryParam("format", "csv").when().get(BASE).then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        org.assertj.core.api.Assertions.assertThat(nl.rijksdienst.kpi.testing.CsvRows.header(csv)).startsWith("id", "themeId", "kind", "labelNl");
        org.assertj.core.api.Assertions.assertThat(nl.rijksdienst.kpi.testing.CsvRows.of(csv)).hasSize(18);
        given().queryParam("state", "late").when().get(BASE).then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("state"));
        given().queryParam("sate", "open").when().get(BASE).then().statusCode(400).body("invalidParams[0].name", equalTo("sate"));
        given().when().get(BASE + "/nope").then().statusCode(404).contentType("application/problem+json");
    }
}
