package nl.rijksdienst.kpi.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The answers' JDBC read of an observation holds what the entity mapping reads, field for field. */
@QuarkusTest
class ObservationRowsTest {

    @Inject
    ObservationRepository repository;

    @Test
    @Transactional
    void theJdbcReadIsTheEntityRead() throws IllegalAccessException {
        List<Observation> entities = repository.listAll();
        assertThat(entities).hasSizeGreaterThan(20);
        Map<String, List<Observation>> byIndicator = entities.stream().collect(Collectors.groupingBy(o -> o.indicatorId));
        int compared = 0;
        for (Map.Entry<String, List<Observation>> indicator : byIndicator.entrySet()) {
            ObservationFilter all = new ObservationFilter(indicator.getKey(), null, null, java.util.Set.of(), Map.of(), null, null, java.util.Set.of());
            List<Observation> read;
            try (java.util.stream.Stream<Observation> rows = repository.streamAll(all)) {
                read = rows.sorted(Comparator.comparing(o -> o.id)).toList();
            }
            List<Observation> expected = indicator.getValue().stream().filter(o -> o.supersededAt == null).sorted(Comparator.comparing(o -> o.id)).toList();
            assertThat(read).hasSameSizeAs(expected);
            for (int i = 0; i < read.size(); i++) {
                for (Field field : Observation.class.getDeclaredFields()) {
                    // the mapped fields (the entity's own, not those of its bytecode enhancement)
                    if (Modifier.isStatic(field.getModifiers()) || field.getName().startsWith("$$")) {
                        continue;
                    }
                    field.setAccessible(true);
                    Object want = field.get(expected.get(i));
                    Object got = field.get(read.get(i));
                    if (want instanceof java.time.OffsetDateTime t) {
                        assertThat(((java.time.OffsetDateTime) got).toInstant()).as(field.getName()).isEqualTo(t.toInstant());
                    } else {
                        assertThat(got).as(indicator.getKey() + " " + field.getName()).isEqualTo(want);
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
        // the page reader and the counter agree with it
        ObservationFilter one = new ObservationFilter("workforce-fte-growth", null, null, java.util.Set.of(), Map.of(), null, null, java.util.Set.of());
        assertThat(repository.search(one, nl.rijksdienst.kpi.common.PageRequest.ALL)).hasSize((int) repository.count(one));
    }

    @Test
    void dimensionsComeFromTheDimensionKey() {
        assertThat(ObservationRows.dimensions("")).isEmpty();
        assertThat(ObservationRows.dimensions("category=uitvoering")).containsExactly(Map.entry("category", "uitvoering"));
        assertThat(ObservationRows.dimensions("category=beleid;department=d-03")).containsExactly(Map.entry("category", "beleid"), Map.entry("department", "d-03"));
        assertThat(Observation.dimensionKey(ObservationRows.dimensions("a=x;b=y-z"))).isEqualTo("a=x;b=y-z");
    }

    @Test
    void enumConstantsAreFoundByNameAsEnumValueOfFindsThem() {
        foundAsValueOfFindsThem(nl.rijksdienst.kpi.period.Frequency.class);
        foundAsValueOfFindsThem(Qualifier.class);
        foundAsValueOfFindsThem(Speaker.class);
        foundAsValueOfFindsThem(Stance.class);
        foundAsValueOfFindsThem(nl.rijksdienst.kpi.source.PublicationBasis.class);
    }

    private static <E extends Enum<E>> void foundAsValueOfFindsThem(Class<E> type) {
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            assertThat(ObservationRows.enumOf(constants, constant.name())).isSameAs(Enum.valueOf(type, constant.name()));
        }
        assertThat(ObservationRows.enumOf(constants, null)).isNull();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> ObservationRows.enumOf(constants, "no-such-name"));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().as("exact names only")
                .isThrownBy(() -> ObservationRows.enumOf(constants, constants[0].name().toUpperCase(java.util.Locale.ROOT) + " "));
    }
}
