package nl.rijksdienst.kpi.observation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.IndicatorService;
import org.junit.jupiter.api.Test;

/** A series as JSON from the rows' kept JSON is the JSON of the series rendered whole, and follows every rewrite of a row. */
@QuarkusTest
class RenderedRowsTest {

    @Inject
    ObservationService service;

    @Inject
    ObservationRepository repository;

    @Inject
    IndicatorService indicators;

    @Inject
    ObjectMapper mapper;

    @Inject
    javax.sql.DataSource dataSource;

    /** The JSON the mapper writes for the collection of the result's rows, each rendered now. */
    private String renderedWhole(Indicator indicator, ObservationService.Result result) throws Exception {
        List<ObservationDto> dtos = repository.search(result.query().filter(), result.query().page()).stream()
                .map(o -> ObservationDto.of(o, indicator.unit)).toList();
        return mapper.writeValueAsString(new ObservationResource.ObservationCollection(dtos, result.paging()));
    }

    @Test
    void shouldAnswerEverySeriesWithTheBytesOfTheSeriesRenderedWhole() throws Exception {
        int rows = 0;
        for (Indicator indicator : indicators.allForReading()) {
            for (Map<String, List<String>> query : List.of(Map.<String, List<String>>of(), Map.of("pageSize", List.of("2"), "page", List.of("2")),
                    Map.of("statedBy", List.of("minister")))) {
                // the first time rendered and kept, the second time from the kept rows
                for (int time = 0; time < 2; time++) {
                    ObservationService.Result result = service.search(indicator.id, query, null);
                    assertThat(result.items()).isNull();
                    assertThat(new String(result.json(), StandardCharsets.UTF_8)).as(indicator.id + " " + query).isEqualTo(renderedWhole(indicator, result));
                    rows += mapper.readTree(result.json()).get("items").size();
                }
            }
        }
        assertThat(rows).as("rows compared").isGreaterThan(50);
    }

    /**
     * With no row kept ({@code kpi.cache.rows.max-bytes=0}, as after a start the first time) and with
     * room for a few rows only (some kept, most evicted, as at 10x the data), every series is the same
     * bytes as rendered whole: the one-query path and the path that joins kept and newly read rows.
     */
    @Test
    void shouldAnswerWithTheSameBytesWithNoRowKeptOrOnlyAFew() throws Exception {
        for (long maxBytes : new long[] {0, 2_048}) {
            RenderedRows few = new RenderedRows(mapper, java.util.Optional.of(maxBytes), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
            assertThat(few.keeps()).as("keeps rows with %d bytes", maxBytes).isEqualTo(maxBytes > 0);
            int rows = 0;
            for (Indicator indicator : indicators.allForReading()) {
                for (Map<String, List<String>> query : List.of(Map.<String, List<String>>of(), Map.of("pageSize", List.of("2"), "page", List.of("2")))) {
                    for (int time = 0; time < 2; time++) {
                        ObservationService.Result result = service.search(indicator.id, query, null);
                        List<byte[]> items = repository.searchRendered(result.query().filter(), result.query().page(), few, indicator.unit);
                        assertThat(new String(few.collection(items, result.paging()), StandardCharsets.UTF_8)).as("%s %s, %d bytes", indicator.id, query, maxBytes)
                                .isEqualTo(renderedWhole(indicator, result));
                        rows += items.size();
                    }
                }
            }
            assertThat(rows).as("rows compared with %d bytes", maxBytes).isGreaterThan(50);
        }
    }

    @Test
    void shouldKeepATenthOfTheHeapBetween16And512MiBByDefault() {
        long mib = 1L << 20;
        assertThat(RenderedRows.defaultMaxBytes(100 * mib)).isEqualTo(16 * mib);
        assertThat(RenderedRows.defaultMaxBytes(2_000 * mib)).isEqualTo(200 * mib);
        assertThat(RenderedRows.defaultMaxBytes(24L * 1024 * mib)).isEqualTo(512 * mib);
    }

    @Test
    void shouldRenderARowAgainWhenItIsRewrittenInPlace() throws Exception {
        String indicatorId = "external-hiring-share";
        Indicator indicator = indicators.requireForReading(indicatorId);
        ObservationService.Result before = service.search(indicatorId, Map.of(), null);
        long id = mapper.readTree(before.json()).get("items").get(0).get("id").asLong();
        // a rewrite that is not a correction (as a migration or an operator could make): a new row version, same id
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("update observation set note_en = coalesce(note_en, '') || ' (rewritten)' where observation_id = ? and superseded_at is null")) {
            ps.setLong(1, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try {
            ObservationService.Result after = service.search(indicatorId, Map.of(), null);
            assertThat(new String(after.json(), StandardCharsets.UTF_8)).contains("(rewritten)").isEqualTo(renderedWhole(indicator, after));
        } finally {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("update observation set note_en = nullif(replace(note_en, ' (rewritten)', ''), '') where observation_id = ? and superseded_at is null")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
        assertThat(new String(service.search(indicatorId, Map.of(), null).json(), StandardCharsets.UTF_8)).doesNotContain("(rewritten)");
    }
}
