package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * An upload is staged before the writers' lock is taken: a client that sends its import slowly
 * (longer than a writer waits for the lock, 2 s in these tests) blocks no concurrent correction,
 * and its import is applied once the upload is complete.
 */
@QuarkusTest
@TestProfile(WritingProfile.class)
class SlowUploadTest {

    @Test
    void aSlowUploadNeitherTimesOutNorBlocksAConcurrentCorrection() throws Exception {
        String indicator = ObservationWritingTest.newIndicator();
        String series = "/api/v1/indicators/" + indicator + "/observations";
        long id = given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body(EditorFixtures.observation("2020", "1.0", "final", null).replace("\"period\"", "\"dimensions\": {\"department\": \"bzk\"}, \"period\""))
                .when().post(series).then().statusCode(201).extract().jsonPath().getLong("id");

        StringBuilder csv = new StringBuilder("indicatorId,periodCode,department,qualifier,value,status,sourceId,quote\n");
        for (int year = 2000; year < 2020; year++) {
            csv.append(indicator).append(',').append(year).append(",fin,exact,").append(year % 7).append(",final,").append(EditorFixtures.LETTER).append(",q\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        InputStream slow = new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position >= body.length) {
                    return -1;
                }
                try {
                    Thread.sleep(150); // 20 pieces, about 3 s in all
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                int n = Math.min(Math.min(len, body.length - position), body.length / 20 + 1);
                System.arraycopy(body, position, b, off, n);
                position += n;
                return n;
            }
        };
        HttpRequest upload = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/observation-imports?reason=langzaam"))
                .header("Authorization", Tokens.editor()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> slow)).build();
        CompletableFuture<HttpResponse<String>> importing = HttpClient.newHttpClient().sendAsync(upload, HttpResponse.BodyHandlers.ofString());

        Thread.sleep(800);
        assertThat(importing).as("the upload is still under way").isNotDone();
        // the correction goes through while the import is still being uploaded
        given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body(EditorFixtures.observation("2020", "1.5", "final", "Correctie tijdens een trage upload")
                        .replace("\"period\"", "\"dimensions\": {\"department\": \"bzk\"}, \"period\""))
                .when().put(series + "/" + id).then().statusCode(200);
        assertThat(importing).as("the upload is still under way").isNotDone();

        HttpResponse<String> imported = importing.get();
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(imported.body()).contains("\"inserted\":20");
    }
}
