package nl.rijksdienst.kpi.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Requests the HTTP layer refuses before any resource sees them get a problem like every other
 * error. Sent as raw bytes over a socket: an HTTP client would encode or refuse these targets.
 */
@QuarkusTest
class RequestLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, Map<String, String> headers, String body) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/%zz", "/api/v1/indicators/%zz/observations", "/api/v1/indicators?pageSize=%zz", "/api/v1/indicators/{",
            "/api/v1/indicators?theme=a|b", "/api/v1/%"})
    void aMalformedTargetIsA400Problem(String target) throws Exception {
        Answer answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 400).contains("geen geldige URI");
    }

    @Test
    void aTooLongTargetIsA414Problem() throws Exception {
        String target = "/api/v1/indicators?theme=" + "a".repeat(RequestLimits.MAX_TARGET);
        assertProblem(send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 414).contains("16384");
        // within the limit the request is answered by the resource (here: a 400 for an unknown theme, not a refusal of the request)
        String near = "/api/v1/indicators?theme=" + "a".repeat(RequestLimits.MAX_TARGET - 100);
        Answer answer = send("GET " + near + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isNotIn(414, 431, 500);
    }

    @Test
    void tooLargeHeadersAreA431Problem() throws Exception {
        String header = "X-Filler: " + "a".repeat(RequestLimits.MAX_HEADERS) + "\r\n";
        assertProblem(send("GET /api/v1/scorecard HTTP/1.1\r\nHost: localhost\r\n" + header + "Connection: close\r\n\r\n"), 431).contains("32768");
    }

    @Test
    void aWellFormedTargetWithEscapesIsServed() throws Exception {
        Answer answer = send("GET /api/v1/indicators/external-hiring-share HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(200);
        Answer escaped = send("GET /api/v1/indicators/external%2Dhiring%2Dshare HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(escaped.status()).isEqualTo(200);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertProblem(Answer answer, int status) throws Exception {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(answer.headers().get("api-version")).isEqualTo(ApiConventionsTest.API_VERSION);
        assertThat(answer.headers().get("cache-control")).isEqualTo("no-store");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        return assertThat(problem.path("detail").asText());
    }

    private static Answer send(String request) throws Exception {
        try (Socket socket = new Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            String raw = received.toString(StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            assertThat(end).as("a complete answer: %s", raw).isPositive();
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            // a problem has a Content-Length; a chunked body is not read here
            String body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? null : raw.substring(end + 4);
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }
    }
}
