package nl.rijksdienst.kpi.sentence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sentences of the letter's norm checks, pinned in both languages, and for every check of every
 * norm the proof that its sentence drops none of what the data carries: each caveat, who states a
 * figure that is not the minister's, a bound or a range as such.
 */
@QuarkusTest
class NormSentencesTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static final String SOURCE_NL = "Bron: Antwoorden op de vragen en opmerkingen in het schriftelijk overleg Functioneren Rijksdienst, "
            + "A.b Externe inhuur, kennis en vakmanschap, 22 januari 2026.";

    @Test
    void theRoemernormIn2024AndItsInterimFigure() throws Exception {
        JsonPath card = given().get("/api/v1/scorecard").then().statusCode(200).extract().jsonPath();
        Map<String, Object> roemer = card.getMap("items.find { it.norm.id == 'roemernorm' }");
        JsonPath item = new JsonPath(JSON.writeValueAsString(roemer));
        assertThat(item.getString("latest.sentence.nl")).isEqualTo("Aandeel externe inhuur in 2024: 15,4%. Roemernorm (ten hoogste 10%): overschreden, "
                + "verschil +5,4 procentpunt, gelijk aan 2023. Het cijfer noemen Kamerleden (CDA-fractie) in hun vraag; het antwoord van de minister "
                + "bevestigt het. " + SOURCE_NL);
        assertThat(item.getString("latest.sentence.en")).isEqualTo("Share of external hiring in 2024: 15.4%. Roemer norm (at most 10%): exceeded, "
                + "difference +5.4 percentage points, unchanged since 2023. The figure is stated by members of parliament (CDA-fractie) in their question; "
                + "the minister's answer confirms it. Source: Antwoorden op de vragen en opmerkingen in het schriftelijk overleg Functioneren Rijksdienst, "
                + "A.b Externe inhuur, kennis en vakmanschap, 22 January 2026.");
        assertThat(item.getString("interim.sentence.nl"))
                .startsWith("Aandeel externe inhuur in de eerste helft van 2025: 11,4%. Roemernorm (ten hoogste 10%): overschreden, verschil +1,4 procentpunt.")
                .contains("Tussentijdse indicatie").contains("Voorlopig cijfer (tussenstand)").contains("breuk in de reeks")
                .contains("het antwoord van de minister nuanceert het");
        assertThat(item.getString("interim.sentence.en")).startsWith("Share of external hiring in the first half of 2025: 11.4%.")
                .contains("Interim indication").contains("Provisional (interim) figure");
    }

    @Test
    void noSentenceDropsWhatItsCheckCarries() throws Exception {
        JsonPath norms = given().get("/api/v1/norms?pageSize=100").then().statusCode(200).extract().jsonPath();
        int checked = 0;
        for (String norm : norms.<String>getList("items.id")) {
            String indicator = norms.getString("items.find { it.id == '" + norm + "' }.indicatorId");
            JsonPath evaluations = given().get("/api/v1/indicators/" + indicator + "/norm-checks").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> checks = evaluations.getList("items.find { it.norm.id == '" + norm + "' }.checks");
            checks.add(evaluations.getMap("items.find { it.norm.id == '" + norm + "' }.latest"));
            for (Map<String, Object> raw : checks) {
                JsonPath check = new JsonPath(JSON.writeValueAsString(raw));
                String nl = check.getString("sentence.nl");
                String en = check.getString("sentence.en");
                String what = norm + " " + check.getString("observation.period.code");
                for (Map<String, String> caveat : check.<Map<String, String>>getList("caveats")) {
                    assertThat(nl).as(what + ": caveat " + caveat.get("code")).contains(caveat.get("nl").replaceAll("\\\\.$", ""));
                    assertThat(en).as(what + ": caveat " + caveat.get("code")).contains(caveat.get("en").replaceAll("\\\\.$", ""));
                }
                assertThat(nl).as(what).contains(check.getString("verdictText.nl"));
                assertThat(en).as(what).contains(check.getString("verdictText.en"));
                if ("members".equals(check.getString("observation.citation.statedBy"))) {
                    assertThat(nl).as(what + ": a members' figure").contains("Kamerleden");
                    assertThat(en).as(what + ": a members' figure").contains("members of parliament");
                }
                String qualifier = check.getString("observation.qualifier");
                if ("range".equals(qualifier)) {
                    assertThat(en).as(what + ": a range").contains("between");
                }
                if ("lower_bound".equals(qualifier)) {
                    assertThat(en).as(what + ": a lower bound").contains("more than");
                }
                if (check.getString("observation.valueText") != null) {
                    assertThat(nl).as(what + ": the source's words").contains(check.getString("observation.valueText"));
                }
                assertThat(nl).as(what).contains("Bron: ");
                assertThat(en).as(what).contains("Source: ");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }
}
