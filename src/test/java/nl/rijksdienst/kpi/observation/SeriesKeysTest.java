package nl.rijksdienst.kpi.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.indicator.Dimension;
import nl.rijksdienst.kpi.indicator.Indicator;
import org.junit.jupiter.api.Test;

/** A dimension filter as the keys of the series it selects: exactly those, an observation need not name every dimension. */
class SeriesKeysTest {

    private static Dimension dimension(String id, String... codes) {
        return new Dimension(id, LocalizedText.of(id, id), java.util.Arrays.stream(codes).map(c -> new Dimension.Code(c, LocalizedText.of(c, c))).toList());
    }

    private static Indicator indicator(Dimension... dimensions) {
        Indicator indicator = new Indicator();
        indicator.id = "i";
        indicator.dimensions = List.of(dimensions);
        return indicator;
    }

    @Test
    void everyDimensionFilteredGivesTheProductOfItsCodes() {
        Indicator i = indicator(dimension("department", "bzk", "fin"), dimension("category", "beleid", "uitvoering"));
        assertThat(ObservationQuery.seriesKeys(i, Map.of("category", List.of("beleid"), "department", List.of("fin", "bzk"))))
                .containsExactlyInAnyOrder("category=beleid;department=fin", "category=beleid;department=bzk");
    }

    @Test
    void aDimensionNotFilteredMayHaveAnyCodeOrNone() {
        Indicator i = indicator(dimension("department", "bzk", "fin"), dimension("category", "beleid", "uitvoering"));
        assertThat(ObservationQuery.seriesKeys(i, Map.of("category", List.of("uitvoering"))))
                .containsExactlyInAnyOrder("category=uitvoering", "category=uitvoering;department=bzk", "category=uitvoering;department=fin");
        assertThat(ObservationQuery.seriesKeys(i, Map.of())).as("no filter").isNull();
    }

    @Test
    void aFilterOfTooManySeriesIsMatchedCodeByCode() {
        String[] many = IntStream.range(0, 40).mapToObj(n -> "c" + n).toArray(String[]::new);
        Indicator i = indicator(dimension("a", many), dimension("b", many), dimension("c", "x"));
        assertThat(ObservationQuery.seriesKeys(i, Map.of("c", List.of("x")))).as("41 x 41 keys").isNull();
        assertThat(ObservationQuery.seriesKeys(i, Map.of("a", List.of("c1"), "c", List.of("x")))).hasSize(41);
    }
}
