package nl.rijksdienst.kpi.auth;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.rijksdienst.kpi.embedded.ProfileAwareValues;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * When no verification key is configured ({@code mp.jwt.verify.publickey.location}, for example a
 * JWKS URL of an identity provider, or {@code mp.jwt.verify.publickey}), tokens are verified with
 * the local key pair of {@link LocalKeys}, generated on first use in {@code kpi.auth.key-dir}.
 */
public class LocalKeysConfigSourceFactory implements ConfigSourceFactory {

    static final String LOCATION = "mp.jwt.verify.publickey.location";
    static final String KEY_DIR = "kpi.auth.key-dir";

    /** smallrye-jwt's own default for an absent key is the text NONE. */
    private static boolean configured(String value) {
        return !value.isBlank() && !"NONE".equals(value);
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (configured(ProfileAwareValues.get(context, LOCATION, "")) || configured(ProfileAwareValues.get(context, "mp.jwt.verify.publickey", ""))) {
            return List.of();
        }
        Path directory = Path.of(ProfileAwareValues.get(context, KEY_DIR, LocalKeys.defaultDirectory().toString())).toAbsolutePath();
        return List.of(new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                // Empty on purpose: the build reads every listed property, which would generate keys.
                return Set.of();
            }

            @Override
            public Map<String, String> getProperties() {
                return Map.of();
            }

            @Override
            public String getValue(String propertyName) {
                return LOCATION.equals(propertyName) ? "file:" + LocalKeys.ensure(directory) : null;
            }

            @Override
            public String getName() {
                return "local-editor-keys";
            }

            @Override
            public int getOrdinal() {
                return 50;
            }
        });
    }
}
