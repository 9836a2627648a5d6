package nl.rijksdienst.kpi.theme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ThemeResourceTest {

    @Test
    void shouldListTheSixSectionsOfTheLetterInOrder() {
        given()
                .when().get("/api/v1/themes")
                .then()
                .statusCode(200)
                .body("items.code", contains("A", "B", "C", "D", "E", "F"))
                .body("items[0].id", equalTo("werkgeverschap"))
                .body("items[0].label.nl", equalTo("Werkgeverschap"))
                .body("paging.totalItems", equalTo(6));
    }

    @Test
    void shouldReturnOneThemeAnd404ForAnUnknownOne() {
        given().when().get("/api/v1/themes/rijksinkoop").then().statusCode(200).body("code", equalTo("D"));
        given().when().get("/api/v1/themes/onbekend").then().statusCode(404).contentType("application/problem+json");
    }
}
