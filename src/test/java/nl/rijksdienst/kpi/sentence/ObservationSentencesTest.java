package nl.rijksdienst.kpi.sentence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The sentence of every observation, beside the data and as an answer of its own: pinned for the
 * letter's interim figure and a lower bound, and for every observation the proof that it keeps the
 * figure's caveats, its footnote, who states it and its source; its Markdown read by CommonMark's
 * reference parser says the same words, with the figure in bold and the source linked.
 */
@QuarkusTest
class ObservationSentencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final String SOURCE_TITLE = "Antwoorden op de vragen en opmerkingen in het schriftelijk overleg Functioneren Rijksdienst";

    @Test
    void theInterimShareOfExternalHiringKeepsEveryCaveat() {
        String path = "/api/v1/indicators/external-hiring-share/observations/" + idOf("external-hiring-share", "2025-S1");
        String nl = given().accept("text/plain").get(path + "/sentence").then().statusCode(200).extract().asString();
        assertThat(nl).isEqualTo("Aandeel externe inhuur in de eerste helft van 2025: 11,4%. Tussenstand uit het dashboard externe inhuur over het "
                + "eerste half jaar van 2025. Het is de eerste keer dat een tussenstand is gegeven; volgens de minister is die niet te vergelijken met "
                + "voorgaande jaren. Het grootste deel van de inhuur betreft ICT. Het cijfer noemen Kamerleden (D66-fractie) in hun vraag; het "
                + "antwoord van de minister nuanceert het. Let op: Voorlopig cijfer (tussenstand); het kan nog wijzigen. Niet vergelijkbaar met "
                + "eerdere periodes (breuk in de reeks). Bron: " + SOURCE_TITLE + ", A.b Externe inhuur, kennis en vakmanschap, 22 januari 2026.\n");
        String en = given().accept("text/plain").queryParam("lang", "en").get(path + "/sentence").then().statusCode(200).extract().asString();
        assertThat(en).isEqualTo("Share of external hiring in the first half of 2025: 11.4%. Interim figure from the external hiring dashboard for the "
                + "first half of 2025. It is the first interim figure ever given; according to the minister it cannot be compared with earlier years. "
                + "Most of the hiring concerns IT. The figure is stated by members of parliament (D66-fractie) in their question; the minister's answer "
                + "qualifies it. Note: Provisional (interim) figure; it may still change. Not comparable with earlier periods (break in series). "
                + "Source: " + SOURCE_TITLE + ", A.b Externe inhuur, kennis en vakmanschap, 22 January 2026.\n");
        // the field beside the data is the same sentence
        JsonPath one = given().get(path).then().statusCode(200).extract().jsonPath();
        assertThat(one.getString("sentence.nl") + "\n").isEqualTo(nl);
        assertThat(one.getString("sentence.en") + "\n").isEqualTo(en);
    }

    @Test
    void aLowerBoundStaysALowerBoundInBothLanguages() {
        String path = "/api/v1/indicators/vacancies-opened/observations/" + idOf("vacancies-opened", "2025-Q1/2025-Q3") + "/sentence";
        JsonPath sentence = given().get(path).then().statusCode(200).extract().jsonPath();
        assertThat(sentence.getString("nl")).contains(": ruim 16.000.").contains("Het cijfer is een ondergrens");
        assertThat(sentence.getString("en")).contains(": more than 16,000.").contains("The figure is a lower bound");
        assertThat(sentence.getString("about")).startsWith("/indicators/vacancies-opened/observations/");
        assertThat(sentence.getString("evaluatedOn")).isNull();
    }

    @Test
    void everyObservationHasASentenceThatDropsNothing() throws Exception {
        String publicUrl = ConfigProvider.getConfig().getValue("kpi.public-url", String.class);
        int checked = 0;
        for (String indicator : given().get("/api/v1/indicators?pageSize=100").jsonPath().<String>getList("items.id")) {
            for (Map<String, Object> raw : given().get("/api/v1/indicators/" + indicator + "/observations?pageSize=1000").jsonPath()
                    .<Map<String, Object>>getList("items")) {
                JsonPath listed = new JsonPath(JSON.writeValueAsString(raw));
                assertThat(listed.getString("sentence")).as("listings carry no sentence").isNull();
                String path = "/api/v1/indicators/" + indicator + "/observations/" + listed.getLong("id");
                JsonPath o = given().get(path).then().statusCode(200).extract().jsonPath();
                String what = indicator + " " + o.getString("period.code");
                String nl = o.getString("sentence.nl");
                String en = o.getString("sentence.en");
                for (String[] caveat : caveatsOf(o)) {
                    assertThat(nl).as(what + ": " + caveat[0]).contains(caveat[0]);
                    assertThat(en).as(what + ": " + caveat[1]).contains(caveat[1]);
                }
                if (o.getString("valueText") != null) {
                    assertThat(nl).as(what + ": the source's words").contains(o.getString("valueText"));
                }
                if (o.getString("note.nl") != null) {
                    assertThat(nl).as(what + ": footnote").contains(o.getString("note.nl").replaceAll("\\.$", ""));
                    assertThat(en).as(what + ": footnote").contains(o.getString("note.en").replaceAll("\\.$", ""));
                }
                if ("members".equals(o.getString("citation.statedBy"))) {
                    assertThat(nl).as(what + ": members' figure").contains("noemen Kamerleden (" + o.getString("citation.statedByName") + ")");
                    assertThat(en).as(what + ": members' figure").contains("stated by members of parliament");
                } else if ("third_party".equals(o.getString("citation.statedBy"))) {
                    assertThat(nl).as(what + ": third party").contains("komt uit " + o.getString("citation.statedByName"));
                }
                String source = given().get("/api/v1/sources/" + o.getString("citation.sourceId")).jsonPath().getString("title");
                assertThat(nl).as(what + ": source").contains("Bron: " + source);
                assertThat(en).as(what + ": source").contains("Source: " + source);

                // the answers of its own say the same, and the Markdown reads as the text with the figure in bold and the source linked
                assertThat(given().accept("text/plain").get(path + "/sentence").asString()).isEqualTo(nl + "\n");
                Response markdown = given().accept("text/markdown").queryParam("lang", "en").get(path + "/sentence");
                assertThat(markdown.contentType()).startsWith("text/markdown");
                assertThat(markdown.header("Content-Language")).isEqualTo("en");
                Read read = Read.of(markdown.asString());
                assertThat(read.text()).as(what + ": Markdown as text").isEqualTo(en);
                assertThat(read.strong()).as(what + ": the figure in bold").hasSize(1);
                assertThat(en).as(what).contains(": " + read.strong().get(0) + ".");
                assertThat(read.links()).as(what + ": the source linked")
                        .containsExactly(publicUrl + "/sources/" + o.getString("citation.sourceId"));
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(27);
    }

    @Test
    void badInputIsAProblem() {
        String path = "/api/v1/indicators/external-hiring-share/observations/" + idOf("external-hiring-share", "2024") + "/sentence";
        for (String bad : List.of(path + "?lang=fr", path + "?asOf=gisteren", path + "?taal=en")) {
            Response response = given().get(bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(given().get("/api/v1/indicators/external-hiring-share/observations/999999/sentence").statusCode()).isEqualTo(404);
        // an id that is no number names no observation, as on the observation itself
        assertThat(given().get("/api/v1/indicators/external-hiring-share/observations/abc/sentence").statusCode()).isEqualTo(404);
        assertThat(given().get("/api/v1/indicators/onbekend/observations/1/sentence").statusCode()).isEqualTo(404);
        assertThat(given().accept("image/png").get(path).statusCode()).isEqualTo(406);
        // before the letter was public, the figure was not known
        assertThat(given().queryParam("asOf", "2026-01-01").get(path).statusCode()).isEqualTo(404);
    }

    /** Markdown as a reader shows it: its text, what is in bold, where its links point. */
    record Read(String text, List<String> strong, List<String> links) {

        static Read of(String markdown) {
            Node document = MARKDOWN.parse(markdown);
            StringBuilder text = new StringBuilder();
            List<String> strong = new ArrayList<>();
            List<String> links = new ArrayList<>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Text node) {
                    text.append(node.getLiteral());
                }

                @Override
                public void visit(StrongEmphasis node) {
                    strong.add(of(node));
                    visitChildren(node);
                }

                @Override
                public void visit(Link node) {
                    links.add(node.getDestination());
                    visitChildren(node);
                }
            });
            return new Read(text.toString(), strong, links);
        }

        private static String of(Node node) {
            StringBuilder text = new StringBuilder();
            node.accept(new AbstractVisitor() {
                @Override
                public void visit(Text t) {
                    text.append(t.getLiteral());
                }
            });
            return text.toString();
        }
    }

    /** The caveats a figure carries by itself, Dutch and English, without their full stop. */
    private static List<String[]> caveatsOf(JsonPath o) {
        List<String[]> caveats = new ArrayList<>();
        switch (o.getString("status")) {
            case "provisional" -> caveats.add(new String[] {"Voorlopig cijfer (tussenstand)", "Provisional (interim) figure"});
            case "estimate" -> caveats.add(new String[] {"Het cijfer is een schatting", "The figure is an estimate"});
            case "forecast" -> caveats.add(new String[] {"Het cijfer is een verwachting", "The figure is a forecast"});
            case "target" -> caveats.add(new String[] {"Het cijfer is een streefwaarde", "The figure is a target"});
            default -> {
            }
        }
        switch (o.getString("qualifier")) {
            case "approximate" -> caveats.add(new String[] {"Het cijfer is bij benadering", "The figure is approximate"});
            case "lower_bound" -> caveats.add(new String[] {"Het cijfer is een ondergrens", "The figure is a lower bound"});
            case "upper_bound" -> caveats.add(new String[] {"Het cijfer is een bovengrens", "The figure is an upper bound"});
            case "range" -> caveats.add(new String[] {"De bron geeft een bandbreedte", "The source gives a range"});
            case "qualitative" -> caveats.add(new String[] {"De bron geeft geen getal", "The source gives no number"});
            default -> {
            }
        }
        if (o.getBoolean("seriesBreak")) {
            caveats.add(new String[] {"breuk in de reeks", "break in series"});
        }
        return caveats;
    }

    private static long idOf(String indicator, String period) {
        return given().get("/api/v1/indicators/" + indicator + "/observations?pageSize=1000").jsonPath()
                .getLong("items.find { it.period.code == '" + period + "' }.id");
    }
}
