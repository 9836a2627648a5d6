package nl.rijksdienst.kpi.observation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.PageRequest;
import nl.rijksdienst.kpi.common.Problem;
import nl.rijksdienst.kpi.indicator.Dimension;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.period.Period;

/**
 * Reads the query string of an observations request: the reserved keys ({@code from}, {@code to},
 * {@code status}, {@code page}, {@code pageSize}, {@code format}) and, for every other key, a
 * dimension of the indicator with one or more codes (comma-separated). Every fault is reported,
 * each naming its parameter.
 */
public final class ObservationQuery {

    public static final Set<String> RESERVED = Set.of("from", "to", "startPeriod", "endPeriod", "lastNObservations", "status", "page",
            "pageSize", "format", "asOf", "dimension", "statedBy");
    public static final String PERIOD_HINT = "gebruik een periodecode zoals 2024, 2025-S1, 2025-Q3, 2025-01, 2025-06-30 of 2025-Q1/2025-Q3";

    /** The representations of a series; the query value is the name with a hyphen for SDMX (sdmx-csv). */
    public enum Format {
        json, csv, csv_nl, sdmx_csv, sdmx_json;

        public String code() {
            return name().replace('_', '-');
        }

        /** The CSV dialect of a CSV of observations or changes; null for the others. */
        public nl.rijksdienst.kpi.common.Csv.Dialect dialect() {
            return switch (this) {
                case csv -> nl.rijksdienst.kpi.common.Csv.Dialect.STANDARD;
                case csv_nl -> nl.rijksdienst.kpi.common.Csv.Dialect.EXCEL_NL;
                default -> null;
            };
        }
    }

    public record Parsed(ObservationFilter filter, PageRequest page, Format format) {
    }

    private ObservationQuery() {
    }

    public static Parsed parse(Indicator indicator, Map<String, List<String>> query) {
        List<Problem.InvalidParam> faults = new ArrayList<>();
        Period from = period("from", alias(query, "from", "startPeriod", faults), faults);
        Period to = period("to", alias(query, "to", "endPeriod", faults), faults);
        Integer lastN = positive("lastNObservations", first(query, "lastNObservations"), faults);
        if (from != null && to != null && from.start().isAfter(to.end())) {
            faults.add(new Problem.InvalidParam("from", "'" + from.code() + "' begint na het einde van 'to' ('" + to.code() + "')"));
        }
        Set<ObservationStatus> statuses = statuses(first(query, "status"), faults);
        Set<Speaker> statedBy = speakers(first(query, "statedBy"), faults);
        Format format = format(first(query, "format"), faults);
        PageRequest page = null;
        try {
            page = PageRequest.parse(first(query, "page"), first(query, "pageSize"));
        } catch (ApiException e) {
            faults.addAll(e.invalidParams());
        }
        java.time.OffsetDateTime asOf = null;
        try {
            asOf = nl.rijksdienst.kpi.common.AsOf.parse(first(query, "asOf"));
        } catch (ApiException e) {
            faults.addAll(e.invalidParams());
        }
        Map<String, List<String>> dimensions = dimensions(indicator, query, faults);
        if (!faults.isEmpty()) {
            throw ApiException.badParameters(faults);
        }
        return new Parsed(new ObservationFilter(indicator.id, from, to, statuses, dimensions, asOf, lastN, statedBy, seriesKeys(indicator, dimensions)),
                page, format);
    }

    /** The keys of a listing across indicators that are not dimensions. */
    public static final Set<String> RESERVED_ACROSS;

    static {
        Set<String> keys = new java.util.HashSet<>(RESERVED);
        keys.addAll(List.of("indicator", "theme"));
        keys.remove("lastNObservations");
        RESERVED_ACROSS = Set.copyOf(keys);
    }

    /**
     * The selection of a listing across indicators ({@code GET /observations}): the indicators it
     * covers (named by {@code indicator}, or those of {@code theme}, or all) and the filter every row
     * meets, whose {@code indicatorId} is null. A dimension filter names a dimension of at least one
     * of those indicators and keeps only the indicators that have every dimension filtered on; {@code all}
     * is the number of indicators there are (all of them listed: no selection by id).
     */
    public record Across(List<Indicator> indicators, int all, ObservationFilter filter, PageRequest page, Format format) {
    }

    /**
     * Reads the query string of a listing across indicators; {@code all} are the indicators in
     * their listing order and {@code themes} the theme ids that exist. Every fault is reported.
     */
    public static Across parseAcross(List<Indicator> all, Set<String> themes, Map<String, List<String>> query) {
        List<Problem.InvalidParam> faults = new ArrayList<>();
        List<String> named = codes(query.get("indicator"));
        Map<String, Indicator> byId = new LinkedHashMap<>();
        all.forEach(i -> byId.put(i.id, i));
        for (String id : named) {
            if (!byId.containsKey(id)) {
                faults.add(new Problem.InvalidParam("indicator", "er is geen indicator '" + id + "'; zie /indicators voor de indicatoren"));
            }
        }
        List<String> themeIds = codes(query.get("theme"));
        for (String id : themeIds) {
            if (!themes.contains(id)) {
                faults.add(new Problem.InvalidParam("theme", "er is geen thema '" + id + "'; zie /themes voor de thema's"));
            }
        }
        List<Indicator> selected = all.stream()
                .filter(i -> named.isEmpty() || named.contains(i.id))
                .filter(i -> themeIds.isEmpty() || themeIds.contains(i.themeId))
                .toList();
        Map<String, List<String>> rest = new LinkedHashMap<>(query);
        rest.keySet().removeAll(List.of("indicator", "theme"));
        if (rest.containsKey("lastNObservations")) {
            faults.add(new Problem.InvalidParam("lastNObservations", "geldt per reeks: vraag de laatste N op bij /indicators/{indicatorId}/observations"));
            rest.remove("lastNObservations");
        }
        Parsed common = null;
        try {
            common = parse(new Indicator(), Map.copyOf(withoutDimensions(rest)));
        } catch (ApiException e) {
            faults.addAll(e.invalidParams());
        }
        if (common != null && (common.format() == Format.sdmx_csv || common.format() == Format.sdmx_json)) {
            faults.add(new Problem.InvalidParam("format", "SDMX is er per indicator (een dataflow): /indicators/{indicatorId}/observations; hier json, csv of csv-nl"));
        }
        Map<String, List<String>> dimensions = dimensionsAcross(selected, rest, faults);
        if (!faults.isEmpty()) {
            throw ApiException.badParameters(faults);
        }
        List<Indicator> covered = selected.stream().filter(i -> dimensions.keySet().stream().allMatch(d -> i.dimension(d).isPresent())).toList();
        ObservationFilter f = common.filter();
        return new Across(covered, all.size(), new ObservationFilter(null, f.from(), f.to(), f.statuses(), dimensions, f.asOf(), null, f.statedBy(), null),
                common.page(), common.format());
    }

    /** The comma-separated values of a repeatable parameter, each once, in order. */
    private static List<String> codes(List<String> values) {
        if (values == null) {
            return List.of();
        }
        java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>();
        for (String value : values) {
            for (String code : value.split(",", -1)) {
                codes.add(code.trim());
            }
        }
        return List.copyOf(codes);
    }

    private static Map<String, List<String>> withoutDimensions(Map<String, List<String>> query) {
        Map<String, List<String>> reserved = new LinkedHashMap<>(query);
        reserved.keySet().retainAll(RESERVED);
        reserved.remove("dimension");
        return reserved;
    }

    /** A dimension filter across indicators: each dimension must be one of at least one indicator, each code one of such a dimension's codes. */
    private static Map<String, List<String>> dimensionsAcross(List<Indicator> indicators, Map<String, List<String>> query, List<Problem.InvalidParam> faults) {
        Map<String, List<String>> filters = dimensionFilters(query, RESERVED_ACROSS, faults);
        Map<String, List<String>> dimensions = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : filters.entrySet()) {
            String key = entry.getKey();
            List<Dimension> found = indicators.stream().flatMap(i -> i.dimension(key).stream()).toList();
            if (found.isEmpty()) {
                java.util.SortedSet<String> known = new java.util.TreeSet<>();
                indicators.forEach(i -> i.dimensions.forEach(d -> known.add(d.id())));
                faults.add(new Problem.InvalidParam(key, "onbekende parameter of dimensie; "
                        + (known.isEmpty() ? "de gekozen indicatoren hebben geen dimensies" : "de dimensies van de gekozen indicatoren zijn " + String.join(", ", known))
                        + "; de overige parameters zijn " + String.join(", ", RESERVED_ACROSS.stream().sorted().toList())));
                continue;
            }
            List<String> codes = new ArrayList<>();
            for (String code : codes(entry.getValue())) {
                if (found.stream().anyMatch(d -> d.hasCode(code))) {
                    codes.add(code);
                } else {
                    java.util.SortedSet<String> known = new java.util.TreeSet<>();
                    found.forEach(d -> d.codes().forEach(c -> known.add(c.code())));
                    faults.add(new Problem.InvalidParam(key, "'" + code + "' is geen code van dimensie '" + key + "'; kies uit " + String.join(", ", known)));
                }
            }
            dimensions.put(key, codes);
        }
        return dimensions;
    }

    /** At most this many series keys stand for a dimension filter; a wider filter is matched code by code. */
    static final int MAX_SERIES_KEYS = 1_000;

    /**
     * The dimension keys ({@link Observation#dimensionKey}) of every series a dimension filter
     * selects: per dimension of the indicator, the codes asked for, or for a dimension not filtered
     * any of its codes or none (an observation need not name every dimension). Exact because a code
     * or dimension in use cannot leave the indicator. Null when nothing is filtered or the keys would
     * be more than {@value #MAX_SERIES_KEYS}.
     */
    static List<String> seriesKeys(Indicator indicator, Map<String, List<String>> filter) {
        if (filter.isEmpty()) {
            return null;
        }
        // dimension keys are in the order of the dimension ids
        List<Dimension> dimensions = indicator.dimensions.stream().sorted(java.util.Comparator.comparing(Dimension::id)).toList();
        List<String> keys = new ArrayList<>(List.of(""));
        for (Dimension dimension : dimensions) {
            List<String> codes = filter.get(dimension.id());
            List<String> choices = new ArrayList<>();
            if (codes == null) {
                choices.add(null);
                dimension.codes().forEach(c -> choices.add(c.code()));
            } else {
                choices.addAll(new java.util.LinkedHashSet<>(codes));
            }
            if ((long) keys.size() * choices.size() > MAX_SERIES_KEYS) {
                return null;
            }
            List<String> next = new ArrayList<>(keys.size() * choices.size());
            for (String key : keys) {
                for (String code : choices) {
                    next.add(code == null ? key : key + (key.isEmpty() ? "" : ";") + dimension.id() + "=" + code);
                }
            }
            keys = next;
        }
        return keys;
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code from} and SDMX's {@code startPeriod} (or {@code to} and {@code endPeriod}) mean the same; both given must agree. */
    private static String alias(Map<String, List<String>> query, String name, String sdmxName, List<Problem.InvalidParam> faults) {
        String value = first(query, name);
        String sdmx = first(query, sdmxName);
        if (value != null && sdmx != null && !value.equals(sdmx)) {
            faults.add(new Problem.InvalidParam(sdmxName, "'" + sdmx + "' wijkt af van " + name + " ('" + value + "'); geef er één"));
        }
        return value != null ? value : sdmx;
    }

    private static Integer positive(String name, String raw, List<Problem.InvalidParam> faults) {
        if (raw == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= 100_000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        faults.add(new Problem.InvalidParam(name, "moet een geheel getal zijn van 1 tot en met 100000, niet '" + raw + "'"));
        return null;
    }

    private static Period period(String name, String raw, List<Problem.InvalidParam> faults) {
        if (raw == null) {
            return null;
        }
        return Period.parse(raw).orElseGet(() -> {
            faults.add(new Problem.InvalidParam(name, "'" + raw + "' is geen geldige periode; " + PERIOD_HINT));
            return null;
        });
    }

    private static Set<Speaker> speakers(String raw, List<Problem.InvalidParam> faults) {
        Set<Speaker> speakers = EnumSet.noneOf(Speaker.class);
        if (raw == null || raw.isBlank()) {
            return speakers;
        }
        for (String code : raw.split(",")) {
            try {
                speakers.add(Speaker.valueOf(code.trim()));
            } catch (IllegalArgumentException e) {
                faults.add(new Problem.InvalidParam("statedBy", "'" + code + "' is geen spreker; kies uit minister, members, third_party"));
            }
        }
        return speakers;
    }

    private static Set<ObservationStatus> statuses(String raw, List<Problem.InvalidParam> faults) {
        Set<ObservationStatus> statuses = EnumSet.noneOf(ObservationStatus.class);
        if (raw == null) {
            return statuses;
        }
        for (String code : raw.split(",", -1)) {
            ObservationStatus.fromCode(code.trim()).ifPresentOrElse(statuses::add, () -> faults.add(new Problem.InvalidParam("status",
                    "'" + code + "' is geen status; kies uit " + Arrays.stream(ObservationStatus.values()).map(ObservationStatus::code).collect(Collectors.joining(", ")))));
        }
        return statuses;
    }

    private static Format format(String raw, List<Problem.InvalidParam> faults) {
        if (raw == null) {
            return null;
        }
        for (Format format : Format.values()) {
            if (format.code().equals(raw.trim())) {
                return format;
            }
        }
        faults.add(new Problem.InvalidParam("format", "'" + raw + "' is geen formaat; kies uit json, csv, csv-nl, sdmx-csv, sdmx-json"));
        return null;
    }

    /**
     * The dimension filters of a query, per dimension id its raw values: from
     * {@code dimension=category:uitvoering,inspectie} (repeatable, the form generated clients send)
     * and from every key that is not {@code reserved} ({@code ?category=uitvoering}).
     */
    private static Map<String, List<String>> dimensionFilters(Map<String, List<String>> query, Set<String> reserved, List<Problem.InvalidParam> faults) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String value : query.getOrDefault("dimension", List.of())) {
            int colon = value.indexOf(':');
            if (colon <= 0) {
                faults.add(new Problem.InvalidParam("dimension", "'" + value + "' heeft niet de vorm dimensie:code, zoals category:uitvoering"));
                continue;
            }
            filters.computeIfAbsent(value.substring(0, colon), k -> new ArrayList<>()).add(value.substring(colon + 1));
        }
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            if (!reserved.contains(entry.getKey())) {
                filters.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).addAll(entry.getValue());
            }
        }
        return filters;
    }

    private static Map<String, List<String>> dimensions(Indicator indicator, Map<String, List<String>> query, List<Problem.InvalidParam> faults) {
        Map<String, List<String>> dimensions = new LinkedHashMap<>();
        Map<String, List<String>> filters = dimensionFilters(query, RESERVED, faults);
        for (Map.Entry<String, List<String>> entry : filters.entrySet()) {
            String key = entry.getKey();
            if (RESERVED.contains(key)) {
                continue;
            }
            Dimension dimension = indicator.dimension(key).orElse(null);
            if (dimension == null) {
                String known = indicator.dimensions.isEmpty()
                        ? "deze indicator heeft geen dimensies"
                        : "de dimensies van deze indicator zijn " + indicator.dimensions.stream().map(Dimension::id).collect(Collectors.joining(", "));
                faults.add(new Problem.InvalidParam(key, "onbekende parameter of dimensie; " + known
                        + "; de overige parameters zijn " + String.join(", ", RESERVED.stream().sorted().toList())));
                continue;
            }
            List<String> codes = new ArrayList<>();
            for (String value : entry.getValue()) {
                for (String code : value.split(",", -1)) {
                    String c = code.trim();
                    if (dimension.hasCode(c)) {
                        codes.add(c);
                    } else {
                        faults.add(new Problem.InvalidParam(key, "'" + code + "' is geen code van dimensie '" + key + "'; kies uit "
                                + dimension.codes().stream().map(Dimension.Code::code).collect(Collectors.joining(", "))));
                    }
                }
            }
            dimensions.put(key, codes);
        }
        return dimensions;
    }
}
