package nl.rijksdienst.kpi.image;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every image for the letter's data: each norm's badge and chart, each indicator's chart, in both
 * languages, as SVG and PNG. Each SVG parses as XML in the SVG namespace, carries the sentence as
 * its text alternative and shows the figure and the verdict in words; each PNG is read by ImageIO
 * at the SVG's size. The files are kept in target/images/ for a person to look at.
 */
@QuarkusTest
class ImagesTest {

    private static final Path KEPT = Path.of("target", "images");
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @BeforeAll
    static void folder() throws Exception {
        Files.createDirectories(KEPT);
    }

    @Test
    void theRoemernormBadgeSaysItsVerdictWithoutColour() throws Exception {
        Response svg = given().get("/api/v1/norms/roemernorm/badge").then().statusCode(200).extract().response();
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        Document badge = parse(svg.asByteArray());
        String sentence = given().get("/api/v1/norms/roemernorm/sentence").jsonPath().getString("nl");
        assertThat(title(badge)).isEqualTo(sentence);
        assertThat(badge.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(badge.getDocumentElement().getAttribute("aria-label")).isEqualTo(sentence);
        assertThat(texts(badge)).containsExactly("Roemernorm", "✗ overschreden · 15,4% (2024)");
        assertThat(texts(parse(given().queryParam("lang", "en").get("/api/v1/norms/roemernorm/badge").asByteArray())))
                .containsExactly("Roemer norm", "✗ exceeded · 15.4% (2024)");
        assertThat(texts(parse(given().queryParam("interim", "true").get("/api/v1/norms/roemernorm/badge").asByteArray())))
                .containsExactly("Roemernorm", "✗ overschreden · 11,4% (1e helft 2025) · voorlopig · cijfer van Kamerleden · tussentijds");
        keep("roemernorm-badge.svg", svg.asByteArray());
    }

    @Test
    void everyNormHasABadgeAndAChart() throws Exception {
        for (String norm : given().get("/api/v1/norms?pageSize=100").jsonPath().<String>getList("items.id")) {
            String indicator = given().get("/api/v1/norms/" + norm).jsonPath().getString("indicatorId");
            JsonPath evaluation = given().get("/api/v1/indicators/" + indicator + "/norm-checks").jsonPath();
            Map<String, Object> latest = evaluation.getMap("items.find { it.norm.id == '" + norm + "' }.latest");
            for (String lang : List.of("nl", "en")) {
                String sentence = given().queryParam("lang", lang).accept("text/plain").get("/api/v1/norms/" + norm + "/sentence").asString().strip();
                String verdict = (String) ((Map<?, ?>) latest.get("verdictText")).get(lang);

                byte[] badge = image("/api/v1/norms/" + norm + "/badge", lang, "norm-" + norm + "-badge");
                Document badgeSvg = parse(badge);
                assertThat(title(badgeSvg)).as(norm + " badge").isEqualTo(sentence);
                // the words of the verdict, without what the basis adds (that is on the badge in short)
                assertThat(String.join(" ", texts(badgeSvg))).as(norm + " badge").contains(verdict.replaceAll(",.*", ""));

                byte[] chart = image("/api/v1/norms/" + norm + "/chart", lang, "norm-" + norm + "-chart");
                Document chartSvg = parse(chart);
                assertThat(title(chartSvg)).as(norm + " chart").isEqualTo(sentence);
                String shown = String.join(" | ", texts(chartSvg));
                List<Map<String, Object>> checks = evaluation.getList("items.find { it.norm.id == '" + norm + "' }.checks");
                if (checks.isEmpty()) {
                    assertThat(shown).as(norm + " chart without figures").contains(lang.equals("nl") ? "Geen cijfers om te tekenen." : "No figures to draw.");
                }
                assertThat(shown).as(norm + " chart: the source under it").contains(lang.equals("nl") ? "Bron: " : "Source: ");
            }
        }
    }

    @Test
    void theRoemernormChartShowsEachFigureItsVerdictTheNormAndTheBreak() throws Exception {
        Document chart = parse(given().get("/api/v1/norms/roemernorm/chart").asByteArray());
        List<String> shown = texts(chart);
        assertThat(shown).contains("15,4% ✗", "11,4% ✗", "Roemernorm: ten hoogste 10%", "breuk", "2023", "2024", "2025");
        assertThat(String.join(" ", shown)).contains("Open symbool en stippellijn: geen definitief cijfer")
                .contains("breuk in de reeks").contains("Bron: Antwoorden op de vragen en opmerkingen in het schriftelijk overleg Functioneren Rijksdienst");
        // the description lists every figure drawn, the interim one marked
        assertThat(chart.getElementsByTagNameNS(SVG_NS, "desc").item(0).getTextContent()).contains("2023 15,4%").contains("2024 15,4%")
                .contains("1e helft 2025 11,4% (niet definitief)");
    }

    @Test
    void everyIndicatorHasAChartOfEachOfItsFigures() throws Exception {
        for (String indicator : given().get("/api/v1/indicators?pageSize=100").jsonPath().<String>getList("items.id")) {
            List<Map<String, Object>> observations = given().get("/api/v1/indicators/" + indicator + "/observations?pageSize=1000").jsonPath().getList("items");
            for (String lang : List.of("nl", "en")) {
                Document chart = parse(image("/api/v1/indicators/" + indicator + "/chart", lang, "indicator-" + indicator + "-chart"));
                String shown = String.join(" ", texts(chart));
                String description = chart.getElementsByTagNameNS(SVG_NS, "desc").getLength() == 0 ? ""
                        : chart.getElementsByTagNameNS(SVG_NS, "desc").item(0).getTextContent();
                for (Map<String, Object> o : observations) {
                    String id = String.valueOf(o.get("id"));
                    String figure = given().queryParam("lang", lang).get("/api/v1/indicators/" + indicator + "/observations/" + id + "/sentence")
                            .jsonPath().getString(lang);
                    // the figure as the sentence has it ("…: ruim 16.000.") is on the chart or, not drawn, listed under it
                    String words = figure.substring(figure.indexOf(": ") + 2, figure.indexOf(". ", figure.indexOf(": ")));
                    assertThat(shown + " " + description).as(indicator + " " + id + " " + lang).contains(words);
                }
                assertThat(title(chart)).as(indicator).isNotBlank();
            }
        }
    }

    @Test
    void aLowerBoundAndARangeAreDrawnAsSuch() throws Exception {
        Document vacancies = parse(given().get("/api/v1/indicators/vacancies-opened/chart").asByteArray());
        assertThat(String.join(" ", texts(vacancies))).contains("ruim 16.000").contains("Pijl omhoog: een ondergrens");
        boolean anyRange = false;
        for (String indicator : given().get("/api/v1/indicators?pageSize=100").jsonPath().<String>getList("items.id")) {
            if (given().get("/api/v1/indicators/" + indicator + "/observations?pageSize=1000").jsonPath().getList("items.findAll { it.qualifier == 'range' }")
                    .isEmpty()) {
                continue;
            }
            anyRange = true;
            assertThat(String.join(" ", texts(parse(given().get("/api/v1/indicators/" + indicator + "/chart").asByteArray()))))
                    .as(indicator).contains("Vlak: de bron geeft een bandbreedte");
        }
        assertThat(anyRange).as("the letter has a range").isTrue();
    }

    @Test
    void imagesAreCachedLikeEveryOtherAnswer() {
        Response first = given().get("/api/v1/norms/roemernorm/badge");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("max-age");
        given().header("If-None-Match", etag).get("/api/v1/norms/roemernorm/badge").then().statusCode(304);
        Response again = given().get("/api/v1/norms/roemernorm/badge");
        assertThat(again.asByteArray()).isEqualTo(first.asByteArray());
        Response png = given().accept("image/png").get("/api/v1/norms/roemernorm/badge");
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.header("ETag")).isNotEqualTo(etag);
        // what a browser's <img> asks for is the SVG
        assertThat(given().accept("image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8").get("/api/v1/norms/roemernorm/chart").contentType())
                .startsWith("image/svg+xml");
    }

    @Test
    void badInputIsAProblem() {
        for (String path : List.of("/api/v1/norms/roemernorm/badge?format=gif", "/api/v1/norms/roemernorm/badge?lang=fr",
                "/api/v1/norms/roemernorm/badge?interim=ja", "/api/v1/norms/roemernorm/chart?asOf=gisteren", "/api/v1/norms/roemernorm/chart?kleur=rood",
                "/api/v1/indicators/external-hiring-share/chart?page=2", "/api/v1/indicators/external-hiring-share/chart?from=vorig-jaar",
                "/api/v1/indicators/workforce-fte-growth/chart?category=nergens", "/api/v1/indicators/external-hiring-share/chart?format=csv")) {
            Response response = given().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(given().get("/api/v1/norms/onbekend/badge").statusCode()).isEqualTo(404);
        assertThat(given().get("/api/v1/indicators/onbekend/chart").statusCode()).isEqualTo(404);
        assertThat(given().queryParam("interim", "true").get("/api/v1/norms/beleidskompas-target/badge").statusCode()).isEqualTo(404);
        Response json = given().accept("application/json").get("/api/v1/norms/roemernorm/badge");
        assertThat(json.statusCode()).isEqualTo(406);
        assertThat(json.jsonPath().getString("detail")).contains("image/svg+xml").contains("image/png");
    }

    /** An image as SVG and as PNG in one language; both kept; the PNG read and of the SVG's size. Returns the SVG. */
    private static byte[] image(String path, String lang, String name) throws Exception {
        Response svg = given().queryParam("lang", lang).get(path).then().statusCode(200).extract().response();
        assertThat(svg.contentType()).as(path).startsWith("image/svg+xml");
        Response png = given().queryParam("lang", lang).queryParam("format", "png").get(path).then().statusCode(200).extract().response();
        assertThat(png.contentType()).as(path).isEqualTo("image/png");
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png.asByteArray()));
        assertThat(read).as(path + " PNG").isNotNull();
        Element root = parse(svg.asByteArray()).getDocumentElement();
        assertThat(read.getWidth()).as(path).isEqualTo((int) Math.round(Double.parseDouble(root.getAttribute("width"))));
        assertThat(read.getHeight()).as(path).isEqualTo((int) Math.round(Double.parseDouble(root.getAttribute("height"))));
        keep(name + "-" + lang + ".svg", svg.asByteArray());
        keep(name + "-" + lang + ".png", png.asByteArray());
        return svg.asByteArray();
    }

    private static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        return document;
    }

    private static String title(Document svg) {
        return svg.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent();
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagNameNS(SVG_NS, "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static void keep(String name, byte[] bytes) throws Exception {
        Files.write(KEPT.resolve(name), bytes);
    }
}
