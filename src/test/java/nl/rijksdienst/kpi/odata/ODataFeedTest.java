package nl.rijksdienst.kpi.odata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.junit.jupiter.api.Test;

/**
 * The OData feed read by Apache Olingo's OData client, as Excel's and Power BI's OData connector read
 * it: the model, filters, selected properties, one entity, and every page through the nextLinks (a
 * page of 5 here, so the letter's figures take several).
 */
@QuarkusTest
@TestProfile(ODataFeedTest.SmallPages.class)
class ODataFeedTest {

    public static class SmallPages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kpi.odata.page-size", "5");
        }
    }

    private static String root() {
        return "http://localhost:" + RestAssured.port + "/api/v1/odata";
    }

    private static ODataClient client() {
        return ODataClientFactory.getClient();
    }

    private static ClientEntitySet read(URI uri) {
        return client().getRetrieveRequestFactory().getEntitySetRequest(uri).execute().getBody();
    }

    @Test
    void theModelNamesEveryColumnAndDimension() {
        Edm edm = client().getRetrieveRequestFactory().getMetadataRequest(root()).execute().getBody();
        EdmEntityType observation = edm.getEntityType(new org.apache.olingo.commons.api.edm.FullQualifiedName("Rijksdienst.Kpi", "Observation"));
        assertThat(observation.getKeyPredicateNames()).containsExactly("observationId");
        assertThat(observation.getPropertyNames()).contains("observationId", "version", "indicatorId", "indicatorLabelNl", "periodCode", "periodStart",
                "category", "categoryLabelNl", "categoryLabelEn", "value", "valueLow", "valueHigh", "valueText", "status", "seriesBreak", "statedBy", "publishedOn");
        assertThat(observation.getStructuralProperty("value").getType().getName()).isEqualTo("Decimal");
        assertThat(observation.getStructuralProperty("periodStart").getType().getName()).isEqualTo("Date");
        assertThat(observation.getStructuralProperty("seriesBreak").getType().getName()).isEqualTo("Boolean");
        assertThat(edm.getEntityContainer().getEntitySet("Indicators")).isNotNull();
    }

    @Test
    void everyPageThroughTheNextLinksIsTheWholeSet() throws Exception {
        URI first = client().newURIBuilder(root()).appendEntitySetSegment("Observations").count(true).build();
        List<Long> ids = new ArrayList<>();
        ClientEntitySet page = read(first);
        int count = page.getCount();
        int pages = 0;
        while (true) {
            pages++;
            assertThat(page.getEntities().size()).isLessThanOrEqualTo(5);
            page.getEntities().forEach(e -> ids.add(((Number) e.getProperty("observationId").getPrimitiveValue().toValue()).longValue()));
            if (page.getNext() == null) {
                break;
            }
            page = read(page.getNext());
        }
        long total = given().queryParam("pageSize", 1).when().get("/api/v1/observations").then().statusCode(200).extract().jsonPath().getLong("paging.totalItems");
        assertThat(ids).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(count).isEqualTo(total);
        assertThat(pages).isGreaterThanOrEqualTo((int) (total / 5));
        // the same order as the listing across indicators
        List<Long> listed = given().queryParam("pageSize", 1000).when().get("/api/v1/observations").then().extract().jsonPath().getList("items.id", Long.class);
        assertThat(ids).containsExactlyElementsOf(listed);
    }

    @Test
    void filterSelectTopAndSkip() throws Exception {
        URI uri = client().newURIBuilder(root()).appendEntitySetSegment("Observations")
                .filter("indicatorId eq 'external-hiring-share' and value lt 15").select("periodCode", "value", "status", "seriesBreak").build();
        ClientEntitySet set = read(uri);
        assertThat(set.getEntities()).hasSize(1);
        ClientEntity interim = set.getEntities().get(0);
        assertThat(interim.getProperty("periodCode").getPrimitiveValue().toString()).isEqualTo("2025-S1");
        assertThat(interim.getProperty("value").getPrimitiveValue().toCastValue(BigDecimal.class)).isEqualByComparingTo("11.4");
        assertThat(interim.getProperty("status").getPrimitiveValue().toString()).isEqualTo("provisional");
        assertThat(interim.getProperty("seriesBreak").getPrimitiveValue().toCastValue(Boolean.class)).isTrue();
        assertThat(interim.getProperty("quote")).as("not selected").isNull();

        ClientEntitySet policy = read(client().newURIBuilder(root()).appendEntitySetSegment("Observations")
                .filter("category eq 'beleid' and startswith(indicatorId, 'workforce')").build());
        assertThat(policy.getEntities()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getProperty("category").getPrimitiveValue().toString()).isEqualTo("beleid");
            assertThat(e.getProperty("categoryLabelNl").getPrimitiveValue().toString()).isEqualTo("Beleid");
        });

        ClientEntitySet window = read(client().newURIBuilder(root()).appendEntitySetSegment("Observations").skip(2).top(7).build());
        List<Object> ids = new ArrayList<>();
        ClientEntitySet page = window;
        while (true) {
            page.getEntities().forEach(e -> ids.add(e.getProperty("observationId").getPrimitiveValue().toValue()));
            if (page.getNext() == null) {
                break;
            }
            page = read(page.getNext());
        }
        List<Long> listed = given().queryParam("pageSize", 1000).when().get("/api/v1/observations").then().extract().jsonPath().getList("items.id", Long.class);
        assertThat(ids).extracting(o -> ((Number) o).longValue()).containsExactlyElementsOf(listed.subList(2, 9));

        ClientEntitySet members = read(client().newURIBuilder(root()).appendEntitySetSegment("Observations").filter("statedBy eq 'members'").build());
        assertThat(members.getEntities()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getProperty("statedBy").getPrimitiveValue().toString()).isEqualTo("members"));

        ClientEntitySet indicators = read(client().newURIBuilder(root()).appendEntitySetSegment("Indicators").filter("indicatorId eq 'external-hiring-share'").build());
        assertThat(indicators.getEntities()).singleElement()
                .satisfies(e -> assertThat(e.getProperty("labelNl").getPrimitiveValue().toString()).isEqualTo("Aandeel externe inhuur"));
    }

    @Test
    void oneEntityByItsKey() {
        long id = given().queryParam("indicator", "external-hiring-share").when().get("/api/v1/observations").then().extract().jsonPath().getLong("items[0].id");
        ClientEntity entity = client().getRetrieveRequestFactory()
                .getEntityRequest(client().newURIBuilder(root()).appendEntitySetSegment("Observations").appendKeySegment(id).build()).execute().getBody();
        assertThat(entity.getProperty("indicatorId").getPrimitiveValue().toString()).isEqualTo("external-hiring-share");
        given().when().get("/api/v1/odata/Observations(999999999)").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void whatTheFeedDoesNotDoIsAProblemNamingIt() {
        given().queryParam("$orderby", "value").when().get("/api/v1/odata/Observations").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("$orderby"));
        given().queryParam("$filter", "nope eq 1").when().get("/api/v1/odata/Observations").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("nope"));
        given().queryParam("$filter", "categoryLabelNl eq 'Beleid'").when().get("/api/v1/odata/Observations").then().statusCode(400)
                .body("detail", containsString("categoryLabelNl"));
        given().queryParam("$filter", "value add 1 eq 2").when().get("/api/v1/odata/Observations").then().statusCode(400);
        given().queryParam("$filter", "value eq 'x'").when().get("/api/v1/odata/Observations").then().statusCode(400);
        given().queryParam("$skiptoken", "abc").when().get("/api/v1/odata/Observations").then().statusCode(400);
        given().queryParam("$expand", "x").when().get("/api/v1/odata/Observations").then().statusCode(400);
        given().queryParam("$apply", "aggregate(value with sum as total)").when().get("/api/v1/odata/Observations").then().statusCode(400);
        given().when().get("/api/v1/odata/Nothing").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{}").when().post("/api/v1/odata/Observations").then().statusCode(405);
        // a quote in a literal is a value, never SQL
        given().queryParam("$filter", "quote eq 'x'' or 1 eq 1 --'").when().get("/api/v1/odata/Observations").then().statusCode(200)
                .body("value.size()", org.hamcrest.Matchers.equalTo(0));
    }
}
