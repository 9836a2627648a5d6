package nl.rijksdienst.kpi.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a user starts it: a separate
 * JVM with its own port, data directory and key directory, its output kept in a log file.
 */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final int port;
    final Path log;
    final Process process;

    private ServiceProcess(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    @Override
    public String toString() {
        return log.getFileName().toString().replace(".log", "") + " (port " + port + ")";
    }

    /** Starts the service with the given environment (on top of this one's); does not wait for it. */
    static ServiceProcess start(Path workDir, String name, Map<String, String> env) throws IOException {
        return start(workDir, name, env, "384m");
    }

    /** Starts the service with the given environment and heap limit ({@code -Xmx}); does not wait for it. */
    static ServiceProcess start(Path workDir, String name, Map<String, String> env, String maxHeap) throws IOException {
        assertThat(JAR).as("the packaged service (mvn package)").exists();
        Files.createDirectories(workDir);
        int port = freePort();
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + maxHeap, "-Dquarkus.http.port=" + port, "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("KPI_AUTH_KEY_DIR", workDir.resolve("keys").toString());
        builder.environment().putAll(environment);
        return new ServiceProcess(port, log, builder.start());
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Starts the service on an embedded data directory of its own under the work directory. */
    static ServiceProcess startEmbedded(Path workDir, String name, Path dataDir) throws IOException {
        return start(workDir, name, Map.of("KPI_EMBEDDED_POSTGRES_DATA_DIR", dataDir.toString()));
    }

    ServiceProcess awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service stopped while starting:\n" + log());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service was not ready within " + timeout + ":\n" + log());
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, Map.of());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri() + path)).timeout(Duration.ofSeconds(20)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri() + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Downloads a path and counts the lines of the answer without keeping it; the status code and the count. */
    long[] countLines(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri() + path)).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<java.util.stream.Stream<String>> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = answer.body()) {
            return new long[] {answer.statusCode(), lines.count()};
        }
    }

    /** Reads an answer as a stream and counts a text in it: {status, occurrences, bytes}, without holding the answer. */
    long[] countOccurrences(String path, String text) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri() + path)).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<java.io.InputStream> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] pattern = text.getBytes(StandardCharsets.UTF_8);
        long found = 0;
        long bytes = 0;
        try (java.io.InputStream in = new java.io.BufferedInputStream(answer.body())) {
            int matched = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                bytes++;
                matched = b == pattern[matched] ? matched + 1 : b == pattern[0] ? 1 : 0;
                if (matched == pattern.length) {
                    found++;
                    matched = 0;
                }
            }
        }
        return new long[] {answer.statusCode(), found, bytes};
    }

    /** An editor's token signed with the key pair in the key directory, from the service's own command. */
    static String editorToken(Path keyDir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", JAR.toString(), "editor-token", "it-editor");
        builder.environment().put("KPI_AUTH_KEY_DIR", keyDir.toString());
        Process command = builder.start();
        String token = new String(command.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(command.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(command.exitValue()).isZero();
        return token;
    }

    /** SIGTERM, as a user's Ctrl-C or Kubernetes would send; waits for the JVM to end. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the service did not stop within " + timeout);
        }
        return process.exitValue();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate(Duration.ofSeconds(60));
        }
    }

    /**
     * A port nothing listens on, below the ports the system hands out for outgoing connections
     * (Linux: 32768 and up; Windows and macOS: 49152 and up). A port the system picks itself
     * ({@code new ServerSocket(0)}) comes from that range, and while the service starts, its own
     * connections to its database take local ports from it too: one of them could hold the port
     * before the service listens on it ("Port … seems to be in use").
     */
    static int freePort() throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20_000, 32_768);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException inUse) {
                // another one
            }
        }
        throw new IOException("No free port between 20000 and 32767");
    }
}
