package nl.rijksdienst.kpi.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/** The embedded server is offered only when no datasource URL is configured and it is not switched off. */
class EmbeddedPostgresConfigSourceFactoryTest {

    private static ConfigSourceContext context(Map<String, String> values) {
        return context(values, List.of());
    }

    private static ConfigSourceContext context(Map<String, String> values, List<String> profiles) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(values.get(name)).build();
            }

            @Override
            public List<String> getProfiles() {
                return profiles;
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }

    private static List<ConfigSource> sources(Map<String, String> values) {
        List<ConfigSource> list = new java.util.ArrayList<>();
        new EmbeddedPostgresConfigSourceFactory().getConfigSources(context(values)).forEach(list::add);
        return list;
    }

    @Test
    void offersTheEmbeddedServerWhenNoDatasourceUrlIsConfigured() {
        List<ConfigSource> sources = sources(Map.of());

        assertThat(sources).hasSize(1);
        assertThat(sources.get(0).getOrdinal()).isLessThan(100);
        assertThat(sources.get(0).getPropertyNames()).as("nothing listed, so a build reads nothing").isEmpty();
    }

    @Test
    void offersNothingWhenAnExternalDatasourceUrlIsConfigured() {
        assertThat(sources(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example:5432/kpi"))).isEmpty();
    }

    @Test
    void readsTheSettingsOfTheActiveProfile() {
        List<ConfigSource> sources = new java.util.ArrayList<>();
        new EmbeddedPostgresConfigSourceFactory().getConfigSources(context(Map.of("%test.kpi.embedded-postgres.enabled", "false"), List.of("test")))
                .forEach(sources::add);

        assertThat(sources).isEmpty();
    }

    @Test
    void offersNothingWhenSwitchedOff() {
        assertThat(sources(Map.of("kpi.embedded-postgres.enabled", "false"))).isEmpty();
    }
}
