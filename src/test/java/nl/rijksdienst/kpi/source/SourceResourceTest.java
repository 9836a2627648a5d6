package nl.rijksdienst.kpi.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SourceResourceTest {

    @Test
    void shouldListTheLetterAndTheDocumentsItCites() {
        given()
                .when().get("/api/v1/sources")
                .then()
                .statusCode(200)
                .body("items.id", hasItems("antwoorden-so-functioneren-rijksdienst-2026", "kst-31490-391", "kst-31490-392",
                        "kst-31490-363", "kst-29362-372"));
    }

    @Test
    void shouldDescribeOneSourceWithKamerstukAndDate() {
        given()
                .when().get("/api/v1/sources/kst-31490-392")
                .then()
                .statusCode(200)
                .body("kamerstuk", equalTo("31490-392"))
                .body("publicationDate", equalTo("2025-12-05"))
                .body("title", containsString("Dashboard externe inhuur"));
    }

    @Test
    void shouldSayThatTheLetterItselfHasNoDateOrNumber() {
        given()
                .when().get("/api/v1/sources/antwoorden-so-functioneren-rijksdienst-2026")
                .then()
                .statusCode(200)
                .body("dateNote", containsString("22 januari 2026"));
    }

    @Test
    void shouldReturn404ForAnUnknownSource() {
        given().when().get("/api/v1/sources/kst-0-0").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("kst-0-0"));
    }
}
