package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Method;
import io.smallrye.jwt.build.Jwt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nl.rijksdienst.kpi.auth.LocalKeys;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Text the database cannot store exactly (a NUL character, a lone surrogate, bytes that are not
 * UTF-8) is refused by every write with a 422 that names the field, or the line of an import, and
 * nothing is written: the next read always equals what a write answered.
 */
@QuarkusTest
@TestProfile(WritingProfile.class)
class UnstorableTextTest {

    /** JSON escapes, as a client sends them: a NUL, and the first half of a surrogate pair alone. */
    private static final List<String> BAD = List.of("\\u0000", "\\ud800", "\\udc00");

    record Write(Method method, String path, String body, String field) {
    }

    private static List<Write> writes(String bad, String id) {
        return List.of(
                new Write(Method.POST, "/api/v1/sources", EditorFixtures.source(id).replace("Jaarrapportage", "Jaar" + bad + "rapportage"), "title"),
                new Write(Method.PUT, "/api/v1/sources/kst-31490-392", EditorFixtures.source("kst-31490-392").replace("BZK", "B" + bad + "ZK"), "publisher"),
                new Write(Method.POST, "/api/v1/indicators", EditorFixtures.indicator(id).replace("Ziekteverzuim", "Ziekte" + bad + "verzuim"), "label.nl"),
                new Write(Method.POST, "/api/v1/indicators", EditorFixtures.indicator(id).replace("Financiën", "Fin" + bad), "dimensions[0].codes[1].label.nl"),
                new Write(Method.PUT, "/api/v1/indicators/external-hiring-share",
                        EditorFixtures.indicator("external-hiring-share").replace("Verzuimpercentage", "Verzuim" + bad), "description.nl"),
                new Write(Method.POST, "/api/v1/norms", EditorFixtures.norm(id, "external-hiring-share", "10").replace("ten hoogste", "ten" + bad + " hoogste"), "wording"),
                new Write(Method.PUT, "/api/v1/norms/roemernorm",
                        EditorFixtures.norm("roemernorm", "external-hiring-share", "10").replace("Verzuimnorm", "Norm" + bad), "label.nl"),
                new Write(Method.POST, "/api/v1/indicators/external-hiring-share/observations",
                        EditorFixtures.observation("2031", "12.0", "final", null).replace("A.b", "A" + bad + "b"), "citation.section"),
                new Write(Method.PUT, "/api/v1/indicators/external-hiring-share/observations/1",
                        EditorFixtures.observation("2023", "15.4", "final", "reden" + bad), "reason"));
    }

    @Test
    void everyWriteRefusesTextThatCannotBeStoredAndNamesTheField() {
        String publisher = given().when().get("/api/v1/sources/kst-31490-392").then().extract().path("publisher");
        int n = 0;
        for (String bad : BAD) {
            String id = "unstorable-" + n++;
            for (Write write : writes(bad, id)) {
                given().header("Authorization", Tokens.editor()).contentType("application/json; charset=utf-8").body(write.body())
                        .when().request(write.method(), write.path())
                        .then().statusCode(422)
                        .contentType("application/problem+json")
                        .body("invalidParams.name", hasItem(write.field()))
                        .body("detail", containsString(write.field()));
            }
            given().when().get("/api/v1/sources/" + id).then().statusCode(404);
            given().when().get("/api/v1/indicators/" + id).then().statusCode(404);
            given().when().get("/api/v1/norms/" + id).then().statusCode(404);
        }
        given().when().get("/api/v1/sources/kst-31490-392").then().body("publisher", equalTo(publisher));
    }

    @Test
    void importsRefuseTextThatCannotBeStoredWithTheLineAndColumn() {
        String indicator = ObservationWritingTest.newIndicator();
        for (String bad : BAD) {
            String json = "[" + EditorFixtures.observation("2024", "5.0", "final", null).replace("\"period\"", "\"indicatorId\": \"" + indicator + "\", \"period\"")
                    + ",\n" + EditorFixtures.observation("2025", "5.0", "final", null).replace("\"period\"", "\"indicatorId\": \"" + indicator + "\", \"period\"")
                    .replace("A.b", "A" + bad + "b") + "]";
            given().header("Authorization", Tokens.editor()).contentType("application/json").body(json)
                    .when().post("/api/v1/observation-imports")
                    .then().statusCode(422)
                    .body("invalidRows.column", hasItem("citation.section"));
        }
        String header = "indicatorId,periodCode,department,qualifier,value,valueText,status,sourceId,quote\n";
        String good = indicator + ",2024,bzk,exact,5.0,\"5,0%\",final," + EditorFixtures.LETTER + ",Het verzuim was 5 procent.\n";
        given().header("Authorization", Tokens.editor()).contentType("text/csv").body(header + good + indicator + ",2025,bzk,exact,5.0,\"5,0%\",final,"
                        + EditorFixtures.LETTER + ",Het ver\u0000zuim.\n")
                .when().post("/api/v1/observation-imports")
                .then().statusCode(422)
                .body("invalidRows[0].line", equalTo(3))
                .body("invalidRows[0].column", equalTo("quote"));

        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.writeBytes((header + good).getBytes(StandardCharsets.UTF_8));
        // "Financiën" saved as Latin-1: the byte 0xEB is not UTF-8.
        latin1.writeBytes((indicator + ",2025,bzk,exact,5.0,\"5,0%\",final," + EditorFixtures.LETTER + ",Financi\u00ebn.\n").getBytes(StandardCharsets.ISO_8859_1));
        given().header("Authorization", Tokens.editor()).contentType("text/csv").body(latin1.toByteArray())
                .when().post("/api/v1/observation-imports")
                .then().statusCode(422)
                .body("invalidRows[0].line", equalTo(3))
                .body("invalidRows[0].reason", containsString("UTF-8"));

        given().when().get("/api/v1/indicators/" + indicator + "/observations").then().body("paging.totalItems", equalTo(0));
    }

    @Test
    void aTokenWhoseNameCannotBeStoredIsRefusedBeforeAnythingIsWritten() {
        Path keys = Path.of(ConfigProvider.getConfig().getValue("kpi.auth.key-dir", String.class));
        String token = Jwt.issuer(ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class)).subject("mal\u0000lory")
                .upn("mal\u0000lory").groups(Set.of("editor")).expiresIn(600).sign(LocalKeys.privateKey(keys));
        given().header("Authorization", "Bearer " + token).contentType("application/json").body(EditorFixtures.source("nul-in-token"))
                .when().post("/api/v1/sources")
                .then().statusCode(422)
                .body("invalidParams.name", hasItem("token.upn"));
        given().when().get("/api/v1/sources/nul-in-token").then().statusCode(404);
    }
}
