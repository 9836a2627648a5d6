package nl.rijksdienst.kpi.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IndicatorResourceTest {

    static final int INDICATORS = 18;

    @Test
    void shouldListEveryIndicatorWithPaging() {
        given()
                .when().get("/api/v1/indicators")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("items", hasSize(INDICATORS))
                .body("paging.page", equalTo(1))
                .body("paging.pageSize", equalTo(100))
                .body("paging.totalItems", equalTo(INDICATORS))
                .body("paging.totalPages", equalTo(1))
                .body("items.id", hasItems("external-hiring-share", "workforce-fte-growth", "beleidskompas-awareness", "vacancies-opened"));
    }

    @Test
    void shouldPageThroughIndicators() {
        given().queryParam("pageSize", 5).queryParam("page", 4)
                .when().get("/api/v1/indicators")
                .then()
                .statusCode(200)
                .body("items", hasSize(INDICATORS - 15))
                .body("paging.page", equalTo(4))
                .body("paging.totalPages", equalTo(4))
                .body("paging.totalItems", equalTo(INDICATORS));
        given().queryParam("pageSize", 5).queryParam("page", 9)
                .when().get("/api/v1/indicators")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("paging.totalItems", equalTo(INDICATORS));
    }

    @Test
    void shouldFilterIndicatorsByTheme() {
        given().queryParam("theme", "algemene-bestuursdienst")
                .when().get("/api/v1/indicators")
                .then()
                .statusCode(200)
                .body("items.id", hasItems("abd-external-inflow", "abd-positions"))
                .body("items", hasSize(2))
                .body("items.themeId", everyItem(equalTo("algemene-bestuursdienst")));
    }

    @Test
    void shouldReturn400ForAnUnknownTheme() {
        given().queryParam("theme", "ruimtevaart")
                .when().get("/api/v1/indicators")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Ongeldige invoer"))
                .body("detail", containsString("theme"))
                .body("invalidParams[0].name", equalTo("theme"));
    }

    @Test
    void shouldReturnOneIndicatorWithItsDimensionsAndCodeLists() {
        given()
                .when().get("/api/v1/indicators/workforce-fte-growth")
                .then()
                .statusCode(200)
                .body("id", equalTo("workforce-fte-growth"))
                .body("unit", equalTo("percent"))
                .body("kind", equalTo("change"))
                .body("themeId", equalTo("werkgeverschap"))
                .body("label.nl", equalTo("Groei omvang rijksdienst per categorie (%)"))
                .body("label.en", equalTo("Growth of the central government workforce by category (%)"))
                .body("dimensions[0].id", equalTo("category"))
                .body("dimensions[0].codes.code", hasItems("beleid", "uitvoering", "ondersteuning", "inspectie"));
    }

    @Test
    void shouldReturn404ForUnknownIndicator() {
        given()
                .when().get("/api/v1/indicators/does-not-exist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Niet gevonden"))
                .body("detail", containsString("does-not-exist"));
    }

    @Test
    void shouldReturn400ForBadPagingOnEveryCollection() {
        for (String path : new String[] {"/api/v1/indicators", "/api/v1/themes", "/api/v1/sources", "/api/v1/norms", "/api/v1/scorecard",
                "/api/v1/indicators/external-hiring-share/observations", "/api/v1/indicators/external-hiring-share/norm-checks"}) {
            for (String[] bad : new String[][] {{"page", "0"}, {"page", "-1"}, {"page", "x"}, {"pageSize", "0"}, {"pageSize", "1001"},
                    {"pageSize", "1.5"}, {"page", "99999999999"}}) {
                given().queryParam(bad[0], bad[1])
                        .when().get(path)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("invalidParams[0].name", equalTo(bad[0]))
                        .body("detail", containsString(bad[0]));
            }
        }
    }
}
