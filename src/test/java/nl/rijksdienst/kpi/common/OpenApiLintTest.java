package nl.rijksdienst.kpi.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.testing.ExternalTools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The reviewed OpenAPI document passes Spectral's own OpenAPI ruleset (spectral:oas) and Redocly's
 * recommended ruleset, the two linters generated-client users run, with no errors or warnings. Both
 * come from the npm registry into target/; the tests are skipped where npm is not installed. (The NL GOV ADR rules are checked by OpenApiDocumentTest in the project's words.)
 */
class OpenApiLintTest {

    private static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";
    private static final String REDOCLY = "@redocly/cli@2.77.0";

    @Test
    void theDocumentPassesSpectralsOpenApiRuleset() throws Exception {
        Assumptions.assumeTrue(ExternalTools.onPath("npm"), "npm is not installed");
        Path dir = Path.of("target", "spectral").toAbsolutePath();
        ExternalTools.npmInstall(dir, "node_modules/.bin/spectral", SPECTRAL);
        Path binary = dir.resolve("node_modules/.bin/spectral");
        Path ruleset = dir.resolve("ruleset.yaml");
        Files.writeString(ruleset, "extends: [\"spectral:oas\"]\n");

        String output = ExternalTools.run(List.of(binary.toString(), "lint", "--fail-severity", "warn", "-r", ruleset.toString(),
                Path.of("openapi", "openapi.json").toAbsolutePath().toString()), dir.resolve("lint.log"), Map.of());

        assertThat(output).contains("No results with a severity of 'warn' or higher found");
    }

    @Test
    void theDocumentPassesRedoclysRecommendedRuleset() throws Exception {
        Assumptions.assumeTrue(ExternalTools.onPath("npm"), "npm is not installed");
        Path dir = Path.of("target", "redocly").toAbsolutePath();
        ExternalTools.npmInstall(dir, "node_modules/.bin/redocly", REDOCLY);
        String output = ExternalTools.run(List.of(dir.resolve("node_modules/.bin/redocly").toString(), "lint", "--extends", "recommended",
                "--format", "summary", Path.of("openapi", "openapi.json").toAbsolutePath().toString()), dir.resolve("lint.log"),
                Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"));
        assertThat(output).contains("Your API description is valid").doesNotContainPattern("(?m)^(error|warning)\\s+[a-z-]+: [0-9]+");
    }
}
