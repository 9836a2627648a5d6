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

    /**
     * The offered type {@code accept} chooses; else a 406 problem naming what is offered and, in
     * {@code howElse} (may be null), another way to ask.
     */
    public static String require(String accept, List<String> offered, String howElse) {
        return choose(accept, offered).orElseThrow(() -> new ApiException(406, ProblemMappers.titleFor(406),
                "Deze resource is beschikbaar als " + String.join(", ", offered) + (howElse == null ? "." : " (" + howElse + ")."), List.of()));
    }

    /**
     * The type a {@code format} query parameter names ({@code formats}: its values and their types,
     * in order), a 400 for another value; without it, the one {@code accept} chooses among the types.
     *
     * @param of what the formats are of, for the 400: "van dit beeld"
     */
    public static String require(String format, Map<String, String> formats, String accept, String of) {
        List<String> offered = List.copyOf(new java.util.LinkedHashSet<>(formats.values()));
        if (format != null) {
            String type = formats.get(format);
            if (type == null) {
                throw ApiException.badParameter("format", "'" + format + "' is geen formaat " + of + "; kies " + String.join(" of ", formats.keySet()));
            }
            return type;
        }
        return require(accept, offered, "of met format=" + String.join(", format=", formats.keySet()));
    }

    /** Values of a {@code format} parameter and their types, in the order given: "svg", "image/svg+xml", "png", "image/png". */
    public static Map<String, String> formats(String... valuesAndTypes) {
        Map<String, String> formats = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < valuesAndTypes.length; i += 2) {
            formats.put(valuesAndTypes[i], valuesAndTypes[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(formats);
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
