package nl.rijksdienst.kpi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's own lines, so that a test runs them as a reader would copy them. */
public final class Readme {

    private Readme() {
    }

    /** The first fenced block of a language in a README section (a heading line), pointed at the service under test. */
    public static String block(String section, String language) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf(section);
        assertThat(start).as("README section " + section).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String text = readme.substring(start, end < 0 ? readme.length() : end);
        Matcher block = Pattern.compile("```" + language + "\\n(.*?)\\n```", Pattern.DOTALL).matcher(text);
        assertThat(block.find()).as("a ```" + language + " block in " + section).isTrue();
        return block.group(1).replace("http://localhost:8080", "http://localhost:" + RestAssured.port);
    }
}
