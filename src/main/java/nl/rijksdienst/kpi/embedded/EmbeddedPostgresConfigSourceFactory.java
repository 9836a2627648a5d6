package nl.rijksdienst.kpi.embedded;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource settings of an embedded PostgreSQL server when none are configured.
 *
 * <p>When {@code quarkus.datasource.jdbc.url} is set anywhere (for example through
 * {@code QUARKUS_DATASOURCE_JDBC_URL}), or {@code kpi.embedded-postgres.enabled} is false, this
 * factory contributes nothing and no server is started. Otherwise it contributes a low-priority
 * source whose values start the server the first time the datasource settings are read; nothing
 * is started while the application is being built.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "kpi.embedded-postgres.enabled";
    static final String DATA_DIR = "kpi.embedded-postgres.data-dir";
    static final String CLEAN = "kpi.embedded-postgres.clean-start";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!Boolean.parseBoolean(ProfileAwareValues.get(context, ENABLED, "true"))) {
            return List.of();
        }
        if (!ProfileAwareValues.get(context, "quarkus.datasource.jdbc.url", "").isBlank()) {
            return List.of();
        }
        Path dataDir = Path.of(ProfileAwareValues.get(context, DATA_DIR,
                Path.of(System.getProperty("user.home"), ".rijksdienst-kpi", "postgres").toString()));
        boolean clean = Boolean.parseBoolean(ProfileAwareValues.get(context, CLEAN, "false"));
        return List.of(new EmbeddedPostgresConfigSource(new EmbeddedPostgresSettings(dataDir.toAbsolutePath(), clean)));
    }
}
