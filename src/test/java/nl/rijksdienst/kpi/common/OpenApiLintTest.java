package nl.rijksdienst.kpi.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The reviewed OpenAPI document passes Spectral's own OpenAPI ruleset (spectral:oas) with no errors
 * or warnings. Spectral comes from the npm registry into target/; the test is skipped where npm is
 * not installed. (The NL GOV ADR rules are checked by OpenApiDocumentTest in the project's words.)
 */
class OpenApiLintTest {

    private static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";

    private static boolean onPath(String name) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
    }

    private static String run(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void theDocumentPassesSpectralsOpenApiRuleset() throws Exception {
        Assumptions.assumeTrue(onPath("npm"), "npm is not installed");
        Path dir = Path.of("target", "spectral").toAbsolutePath();
        Files.createDirectories(dir);
        Path binary = dir.resolve("node_modules/.bin/spectral");
        if (!Files.isExecutable(binary)) {
            run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString(), SPECTRAL), dir.resolve("npm.log"));
        }
        Path ruleset = dir.resolve("ruleset.yaml");
        Files.writeString(ruleset, "extends: [\"spectral:oas\"]\n");

        String output = run(List.of(binary.toString(), "lint", "--fail-severity", "warn", "-r", ruleset.toString(),
                Path.of("openapi", "openapi.json").toAbsolutePath().toString()), dir.resolve("lint.log"));

        assertThat(output).contains("No results with a severity of 'warn' or higher found");
    }
}
