package nl.rijksdienst.kpi.sentence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A norm's and a commitment's sentence as answers of their own: JSON, text/plain and Markdown, in either language. */
@QuarkusTest
class SentenceAnswerTest {

    @Test
    void theRoemernormAsTextAndMarkdown() {
        String nl = given().get("/api/v1/scorecard").jsonPath().getString("items.find { it.norm.id == 'roemernorm' }.latest.sentence.nl");
        Response text = given().accept("text/plain").get("/api/v1/norms/roemernorm/sentence");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.contentType()).startsWith("text/plain");
        assertThat(text.header("Content-Language")).isEqualTo("nl");
        assertThat(text.asString()).isEqualTo(nl + "\n");
        assertThat(given().accept("text/plain").queryParam("lang", "en").get("/api/v1/norms/roemernorm/sentence").asString())
                .startsWith("Share of external hiring in 2024: 15.4%. Roemer norm (at most 10%): exceeded");
        assertThat(given().accept("text/plain").queryParam("interim", "true").get("/api/v1/norms/roemernorm/sentence").asString())
                .startsWith("Aandeel externe inhuur in de eerste helft van 2025: 11,4%.").contains("Tussentijdse indicatie");

        Response markdown = given().accept("text/markdown").get("/api/v1/norms/roemernorm/sentence");
        assertThat(markdown.contentType()).startsWith("text/markdown");
        ObservationSentencesTest.Read read = ObservationSentencesTest.Read.of(markdown.asString());
        assertThat(read.text()).isEqualTo(nl);
        assertThat(read.strong()).containsExactly("15,4%", "overschreden");
        assertThat(read.links()).containsExactly(org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("kpi.public-url", String.class)
                + "/sources/antwoorden-so-functioneren-rijksdienst-2026");
        assertThat(markdown.asString()).startsWith("Aandeel externe inhuur in 2024: **15,4%**. Roemernorm (ten hoogste 10%): **overschreden**, ");

        Response json = given().get("/api/v1/norms/roemernorm/sentence");
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.jsonPath().getString("nl")).isEqualTo(nl);
        assertThat(json.jsonPath().getString("about")).isEqualTo("/norms/roemernorm");
        assertThat(json.jsonPath().getString("evaluatedOn")).isEqualTo("2026-11-30");
        given().header("If-None-Match", json.header("ETag")).get("/api/v1/norms/roemernorm/sentence").then().statusCode(304);
    }

    @Test
    void aCommitmentInBothLanguages() {
        String nl = given().accept("text/plain").get("/api/v1/commitments/rijksinkoopstrategie/sentence").asString();
        assertThat(nl).isEqualTo("Streven van Minister van Binnenlandse Zaken en Koninkrijksrelaties aan Tweede Kamer: Nieuwe Rijksinkoopstrategie naar "
                + "de Tweede Kamer, “uiterlijk Q3 2026”. Stand op 30 november 2026: termijn verstreken. De termijn liep tot en met 30 september 2026 "
                + "(61 dagen geleden); hier is geen bron vastgelegd die de levering aantoont. Bron: Antwoorden op de vragen en opmerkingen in het "
                + "schriftelijk overleg Functioneren Rijksdienst, D. Rijksinkoop, 22 januari 2026.\n");
        String en = given().accept("text/plain").queryParam("lang", "en").get("/api/v1/commitments/rijksinkoopstrategie/sentence").asString();
        assertThat(en).isEqualTo("Aim by Minister van Binnenlandse Zaken en Koninkrijksrelaties to Tweede Kamer: New central government procurement "
                + "strategy sent to parliament, by 30 September 2026 (“uiterlijk Q3 2026”). As of 30 November 2026: overdue. The term ran until "
                + "30 September 2026 (61 days ago); no source showing delivery is recorded here. Source: Antwoorden op de vragen en opmerkingen in "
                + "het schriftelijk overleg Functioneren Rijksdienst, D. Rijksinkoop, 22 January 2026.\n");
        // the field beside the data is the same sentence
        assertThat(given().get("/api/v1/commitments/rijksinkoopstrategie").jsonPath().getString("sentence.nl") + "\n").isEqualTo(nl);
        // the Markdown reads the same, with the standing in bold
        ObservationSentencesTest.Read read = ObservationSentencesTest.Read.of(
                given().accept("text/markdown").get("/api/v1/commitments/rijksinkoopstrategie/sentence").asString());
        assertThat(read.text() + "\n").isEqualTo(nl);
        assertThat(read.strong()).containsExactly("termijn verstreken");
        // every commitment has its sentence, with its state and its source
        for (String id : given().get("/api/v1/commitments?pageSize=100").jsonPath().<String>getList("items.id")) {
            String sentence = given().get("/api/v1/commitments/" + id + "/sentence").jsonPath().getString("nl");
            assertThat(sentence).as(id).contains("Stand op 30 november 2026: ").contains("Bron: ");
        }
    }

    @Test
    void badInputIsAProblem() {
        for (String path : List.of("/api/v1/norms/roemernorm/sentence?lang=fr", "/api/v1/norms/roemernorm/sentence?interim=misschien",
                "/api/v1/commitments/rijksinkoopstrategie/sentence?lang=de")) {
            Response response = given().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(given().get("/api/v1/norms/onbekend/sentence").statusCode()).isEqualTo(404);
        assertThat(given().get("/api/v1/commitments/onbekend/sentence").statusCode()).isEqualTo(404);
        assertThat(given().queryParam("interim", "true").get("/api/v1/norms/beleidskompas-target/sentence").statusCode()).isEqualTo(404);
        Response pdf = given().accept("application/pdf").get("/api/v1/norms/roemernorm/sentence");
        assertThat(pdf.statusCode()).isEqualTo(406);
        assertThat(pdf.jsonPath().getString("detail")).contains("text/markdown");
    }
}
