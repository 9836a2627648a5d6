package nl.rijksdienst.kpi.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import it.bancaditalia.oss.sdmx.api.BaseObservation;
import it.bancaditalia.oss.sdmx.api.Codelist;
import it.bancaditalia.oss.sdmx.api.DataFlowStructure;
import it.bancaditalia.oss.sdmx.api.Dataflow;
import it.bancaditalia.oss.sdmx.api.PortableTimeSeries;
import it.bancaditalia.oss.sdmx.client.RestSdmxClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.testing.ExternalTools;
import nl.rijksdienst.kpi.testing.Readme;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The SDMX interface read by the SDMX clients people use: the Banca d'Italia's Java connectors
 * (it.bancaditalia.oss:sdmx, as an SDMX 2.1 REST provider: dataflows, the data structure with its
 * code lists, structure-specific data) and R's rsdmx (Debian's r-cran-rsdmx), running the README's
 * line as it stands.
 */
@QuarkusTest
class SdmxClientsTest {

    private static final String SECTION = "### SDMX tools";

    private static URI endpoint() {
        return URI.create("http://localhost:" + RestAssured.port + "/api/v1/sdmx");
    }

    @Test
    void theBancaDItaliaClientReadsStructuresAndData() throws Exception {
        RestSdmxClient client = new RestSdmxClient("RIJKSDIENST", endpoint(), false, false, true);

        Map<String, Dataflow> flows = client.getDataflows();
        assertThat(flows.values()).extracting(Dataflow::getId).contains("external-hiring-share", "workforce-fte-growth", "vacancies-opened");

        Dataflow flow = client.getDataflow("external-hiring-share", "RIJKSDIENST", "1.0");
        assertThat(flow.getName()).isNotBlank();
        DataFlowStructure dsd = client.getDataFlowStructure(flow.getDsdIdentifier(), true);
        assertThat(dsd.getTimeDimension()).isEqualTo("TIME_PERIOD");
        assertThat(dsd.getMeasure()).isEqualTo("OBS_VALUE");
        assertThat(dsd.getDimensions()).extracting(d -> d.getId()).containsExactly("FREQ");

        // the first half of 2025: 11.4, an interim figure
        List<PortableTimeSeries<Double>> halfYears = client.getTimeSeries(flow, dsd, "S", null, null, false, null, false);
        assertThat(halfYears).hasSize(1);
        PortableTimeSeries<Double> series = halfYears.get(0);
        assertThat(series.getTimeSlots()).containsExactly("2025-S1");
        BaseObservation<? extends Double> interim = series.get(0);
        assertThat(interim.getValueAsDouble()).isEqualTo(11.4);
        assertThat(series.getObsLevelAttributes("OBS_STATUS")).containsExactly("P");
        assertThat(series.getObsLevelAttributes("STATUS")).containsExactly("provisional");

        List<PortableTimeSeries<Double>> years = client.getTimeSeries(flow, dsd, "A", "2024", "2024", false, null, false);
        assertThat(years).hasSize(1);
        assertThat(years.get(0).getTimeSlots()).containsExactly("2024");
        assertThat(years.get(0).get(0).getValueAsDouble()).isEqualTo(15.4);

        // a series broken down by category, with its code list
        Dataflow growth = client.getDataflow("workforce-fte-growth", "RIJKSDIENST", "1.0");
        DataFlowStructure growthDsd = client.getDataFlowStructure(growth.getDsdIdentifier(), true);
        assertThat(growthDsd.getDimensions()).extracting(d -> d.getId()).containsExactly("FREQ", "category");
        List<PortableTimeSeries<Double>> categories = client.getTimeSeries(growth, growthDsd, "Q.uitvoering+ondersteuning", null, null, false, null, false);
        assertThat(categories).extracting(s -> s.getDimension("category")).containsExactlyInAnyOrder("uitvoering", "ondersteuning");

        Codelist status = client.getCodes("CL_OBS_STATUS", "RIJKSDIENST", "1.0");
        assertThat(status.keySet()).containsExactlyInAnyOrder("A", "P", "E", "F");
    }

    @Test
    void rsdmxReadsTheReadmesLine() throws Exception {
        Assumptions.assumeTrue(ExternalTools.onPath("Rscript"), "R is not installed");
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/lib/R/site-library/rsdmx")), "rsdmx is not installed");
        String script = Readme.block(SECTION, "r") + "\n"
                + "stopifnot(is.numeric(d$obsValue), is.character(d$obsTime))\n"
                + "cat('interim', paste(d$obsTime[d$OBS_STATUS == 'P'], d$obsValue[d$OBS_STATUS == 'P'], d$STATUS[d$OBS_STATUS == 'P']), '\\n')\n"
                + "dsd <- readSDMX(sub('/data/external-hiring-share$', '/datastructure/RIJKSDIENST/workforce-fte-growth/1.0?references=children', url))\n"
                + "lists <- sapply(slot(slot(dsd, 'codelists'), 'codelists'), function(x) slot(x, 'id'))\n"
                + "cat('codelists', paste(sort(lists), collapse = ' '), '\\n')\n"
                + "flows <- as.data.frame(readSDMX(sub('/data/external-hiring-share$', '/dataflow/all/all/latest', url)))\n"
                + "cat('flows', nrow(flows), '\\n')\n";
        String output = ExternalTools.runScript("Rscript", "sdmx-clients", "rsdmx.R", script);
        assertThat(output).contains("interim 2025-S1 11.4 provisional");
        assertThat(output).contains("CL_workforce-fte-growth_category");
        int indicators = RestAssured.given().get("/api/v1/indicators?pageSize=1000").jsonPath().getList("items").size();
        assertThat(output).contains("flows " + indicators + " ");
    }
}
