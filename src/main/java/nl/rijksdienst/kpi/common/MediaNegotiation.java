package nl.rijksdienst.kpi.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jakarta.ws.rs.core.MediaType;

/**
 * Chooses a representation from an {@code Accept} header, parameters included: asking for
 * {@code application/vnd.sdmx.data+json;version=2.0.0} where only version 1.0.0 is offered is no
 * match (RFC 9110 §12.5.1), where the JAX-RS variant selection compares type and subtype only.
 */
public final class MediaNegotiation {

    private MediaNegotiation() {
    }

    private record Range(MediaType type, double q, int order) {
    }

    /** The first offered type the most preferred acceptable range matches; the first offered when there is no Accept. */
    public static Optional<String> choose(String accept, List<String> offered) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(offered.get(0));
        }
        List<Range> ranges = new ArrayList<>();
        int order = 0;
        for (String part : accept.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            MediaType type;
            try {
                type = MediaType.valueOf(part.trim());
            } catch (IllegalArgumentException e) {
                continue;
            }
            double q = 1;
            String quality = type.getParameters().get("q");
            if (quality != null) {
                try {
                    q = Double.parseDouble(quality);
                } catch (NumberFormatException e) {
                    q = 0;
                }
            }
            ranges.add(new Range(type, q, order++));
        }
        ranges.sort(Comparator.comparingDouble(Range::q).reversed()
                .thenComparing(r -> r.type().isWildcardType() ? 2 : r.type().isWildcardSubtype() ? 1 : 0)
                .thenComparingInt(Range::order));
        for (Range range : ranges) {
            if (range.q() <= 0) {
                continue;
            }
            for (String candidate : offered) {
                if (matches(range.type(), MediaType.valueOf(candidate))) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(MediaType range, MediaType offered) {
        if (!range.isCompatible(offered)) {
            return false;
        }
        for (Map.Entry<String, String> parameter : range.getParameters().entrySet()) {
            // the version names a format (SDMX); other parameters (charset, header) do not choose one
            if (!parameter.getKey().toLowerCase(Locale.ROOT).equals("version")) {
                continue;
            }
            String value = offered.getParameters().get(parameter.getKey());
            if (value == null || !version(value).equals(version(parameter.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** A version without trailing zero parts: 2.1 and 2.1.0 name the same version. */
    private static String version(String value) {
        String v = value.trim().replace("\"", "");
        while (v.endsWith(".0") && v.indexOf('.') != v.lastIndexOf('.')) {
            v = v.substring(0, v.length() - 2);
        }
        return v;
    }
}
