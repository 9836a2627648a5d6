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

    public static final Set<String> RESERVED = Set.of("from", "to", "status", "page", "pageSize", "format", "asOf");
    public static final String PERIOD_HINT = "gebruik een periodecode zoals 2024, 2025-S1, 2025-Q3, 2025-01, 2025-06-30 of 2025-Q1/2025-Q3";

    public enum Format { json, csv }

    public record Parsed(ObservationFilter filter, PageRequest page, Format format) {
    }

    private ObservationQuery() {
    }

    public static Parsed parse(Indicator indicator, Map<String, List<String>> query) {
        List<Problem.InvalidParam> faults = new ArrayList<>();
        Period from = period("from", first(query, "from"), faults);
        Period to = period("to", first(query, "to"), faults);
        if (from != null && to != null && from.start().isAfter(to.end())) {
            faults.add(new Problem.InvalidParam("from", "'" + from.code() + "' begint na het einde van 'to' ('" + to.code() + "')"));
        }
        Set<ObservationStatus> statuses = statuses(first(query, "status"), faults);
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
        return new Parsed(new ObservationFilter(indicator.id, from, to, statuses, dimensions, asOf), page, format);
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
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
        try {
            return Format.valueOf(raw.trim());
        } catch (IllegalArgumentException e) {
            faults.add(new Problem.InvalidParam("format", "'" + raw + "' is geen formaat; kies uit json, csv"));
            return null;
        }
    }

    private static Map<String, List<String>> dimensions(Indicator indicator, Map<String, List<String>> query, List<Problem.InvalidParam> faults) {
        Map<String, List<String>> dimensions = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
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
