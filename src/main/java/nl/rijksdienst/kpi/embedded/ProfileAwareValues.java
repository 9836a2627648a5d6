package nl.rijksdienst.kpi.embedded;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;

/**
 * Reads a setting while configuration is still being built. The context of a config source factory
 * does not apply profiles, so {@code %test.name} is looked up here for each active profile first.
 */
public final class ProfileAwareValues {

    private ProfileAwareValues() {
    }

    public static String get(ConfigSourceContext context, String name, String fallback) {
        for (String profile : context.getProfiles()) {
            String value = valueOf(context.getValue("%" + profile + "." + name));
            if (value != null) {
                return value;
            }
        }
        String value = valueOf(context.getValue(name));
        return value != null ? value : fallback;
    }

    private static String valueOf(ConfigValue value) {
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }
}
