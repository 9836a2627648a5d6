package nl.rijksdienst.kpi.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import java.util.stream.Stream;
import nl.rijksdienst.kpi.testing.ExternalTools;
import nl.rijksdienst.kpi.testing.Readme;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's R and pandas lines for every observation, run as they stand there against the running
 * service by R itself (Debian's r-base-core) and by pandas (Debian's python3-pandas), and the column
 * types they give checked. Skipped on a machine without the tool; {@code .ci/run} installs both.
 */
@QuarkusTest
class AnalystToolsTest {

    private static final String SECTION = "### Every observation in one table";

    private static String readmeLine(String language) throws Exception {
        return Readme.block(SECTION, language);
    }

    private static long total() {
        return given().queryParam("pageSize", 1).when().get("/api/v1/observations").then().statusCode(200).extract().jsonPath().getLong("paging.totalItems");
    }

    @Test
    void rReadsEveryObservationWithStableTypes() throws Exception {
        Assumptions.assumeTrue(ExternalTools.onPath("Rscript"), "R is not installed");
        String script = readmeLine("r") + "\n"
                + "stopifnot(is.character(d$periodCode), is.logical(d$seriesBreak), is.integer(d$observationId), is.integer(d$version),\n"
                + "          is.numeric(d$value), is.character(d$categoryLabelNl), !anyNA(d$seriesBreak))\n"
                + "cat('rows', nrow(d), '\\n')\n"
                + "cat('years', sum(d$periodCode == '2024'), '\\n')\n"
                + "cat('interim', paste(d$periodCode[d$indicatorId == 'external-hiring-share' & d$seriesBreak], d$status[d$indicatorId == 'external-hiring-share' & d$seriesBreak]), '\\n')\n";
        String output = ExternalTools.runScript("Rscript", "analyst-tools", "every-observation.R", script);
        assertThat(output).contains("rows " + total() + " ");
        assertThat(output).containsPattern("years [1-9]");
        assertThat(output).contains("interim 2025-S1 provisional");
    }

    @Test
    void pandasReadsEveryObservationWithStableTypes() throws Exception {
        Optional<String> python = Stream.of("/usr/bin/python3", "python3").filter(p -> hasPandas(p)).findFirst();
        Assumptions.assumeTrue(python.isPresent(), "pandas is not installed");
        String script = "import pandas as pd\n" + readmeLine("python") + "\n"
                + "assert d['periodCode'].map(type).eq(str).all(), d['periodCode']\n"
                + "assert str(d['seriesBreak'].dtype) == 'bool', d['seriesBreak'].dtype\n"
                + "assert str(d['observationId'].dtype) == 'int64' and str(d['version'].dtype) == 'int64'\n"
                + "assert str(d['value'].dtype) == 'float64'\n"
                + "print('rows', len(d))\n"
                + "print('interim', ' '.join(d[(d.indicatorId == 'external-hiring-share') & d.seriesBreak][['periodCode', 'status']].iloc[0]))\n";
        String output = ExternalTools.runScript(python.get(), "analyst-tools", "every_observation.py", script);
        assertThat(output).contains("rows " + total() + "\n");
        assertThat(output).contains("interim 2025-S1 provisional");
    }

    private static boolean hasPandas(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import pandas").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
