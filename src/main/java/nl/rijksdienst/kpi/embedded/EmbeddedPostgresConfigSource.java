package nl.rijksdienst.kpi.embedded;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The datasource URL of the embedded server, credentials included. The server is started on the first
 * read of the URL, so that a build, which never reads it, starts nothing.
 */
class EmbeddedPostgresConfigSource implements ConfigSource {

    static final String URL = "quarkus.datasource.jdbc.url";

    private final EmbeddedPostgresSettings settings;

    EmbeddedPostgresConfigSource(EmbeddedPostgresSettings settings) {
        this.settings = settings;
    }

    /**
     * Empty on purpose: the build reads the value of every property a source lists, which would
     * start the server during the build. The datasource settings are looked up by name at run time.
     */
    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        return switch (propertyName) {
            case URL -> EmbeddedPostgresServer.ensureStarted(settings);
            default -> null;
        };
    }

    @Override
    public String getName() {
        return "embedded-postgresql";
    }

    @Override
    public int getOrdinal() {
        // Below application.properties (250) and everything else: any configured value wins.
        return 50;
    }
}
