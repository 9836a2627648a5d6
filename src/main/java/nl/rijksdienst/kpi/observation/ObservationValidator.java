package nl.rijksdienst.kpi.observation;

import java.math.BigDecimal;
import nl.rijksdienst.kpi.common.StorableText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import nl.rijksdienst.kpi.indicator.Dimension;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.period.Frequency;
import nl.rijksdienst.kpi.period.Period;

/**
 * Checks an observation an editor sends against the catalogue: the indicator, the period and its
 * frequency, the dimension codes, the shape of the value for its qualifier, the status and the
 * citation. Every fault is reported with the field it concerns; nothing is written unless there are
 * none.
 */
public final class ObservationValidator {

    static final int MAX_TEXT = 10_000;
    public static final int MAX_INTEGER_DIGITS = 18;
    public static final int MAX_SCALE = 6;

    /** A field at fault and why. */
    public record Fault(String field, String reason) {
    }

    /** A checked observation, ready to be written. */
    public record Valid(Indicator indicator, Period period, Period basePeriod, Map<String, String> dimensions, String dimensionKey,
            Qualifier qualifier, BigDecimal value, BigDecimal valueLow, BigDecimal valueHigh, String valueText,
            ObservationStatus status, boolean seriesBreak, String noteNl, String noteEn, CitationDto citation, String reason) {

        /**
         * Indicator, time span, base span and dimension codes: what a correction may not change. A
         * span is one observation whatever code names it (2027, 2027-01/2027-12, 2027-Q1/2027-Q4).
         */
        public String naturalKey() {
            return indicator.id + "|" + period.start() + "/" + period.end() + "|" + (basePeriod == null ? "" : basePeriod.start() + "/" + basePeriod.end())
                    + "|" + dimensionKey;
        }
    }

    public record Result(Valid valid, List<Fault> faults) {
        public boolean ok() {
            return faults.isEmpty();
        }
    }

    private final Function<String, Indicator> indicators;
    private final Set<String> sourceIds;

    /**
     * @param indicators looks up an indicator by id (null when unknown)
     * @param sourceIds  the ids of the known sources
     */
    public ObservationValidator(Function<String, Indicator> indicators, Set<String> sourceIds) {
        this.indicators = indicators;
        this.sourceIds = sourceIds;
    }

    public Result validate(ObservationInput in) {
        List<Fault> faults = new ArrayList<>();
        Indicator indicator = null;
        if (blank(in.indicatorId())) {
            faults.add(new Fault("indicatorId", "ontbreekt"));
        } else {
            indicator = indicators.apply(in.indicatorId());
            if (indicator == null) {
                faults.add(new Fault("indicatorId", "er is geen indicator '" + in.indicatorId() + "'"));
            }
        }

        Period period = null;
        if (blank(in.period())) {
            faults.add(new Fault("period", "ontbreekt"));
        } else {
            period = Period.parse(in.period()).orElse(null);
            if (period == null) {
                faults.add(new Fault("period", "'" + in.period() + "' is geen geldige periode; " + ObservationQuery.PERIOD_HINT));
            } else if (indicator != null && !indicator.frequencies.isEmpty() && !indicator.frequencies.contains(period.frequency())) {
                faults.add(new Fault("period", "'" + in.period() + "' is een periode van soort " + period.frequency()
                        + "; indicator '" + indicator.id + "' heeft periodes van soort " + joined(indicator.frequencies)));
            }
        }
        Period base = null;
        if (!blank(in.basePeriod())) {
            base = Period.parse(in.basePeriod()).orElse(null);
            if (base == null) {
                faults.add(new Fault("basePeriod", "'" + in.basePeriod() + "' is geen geldige periode; " + ObservationQuery.PERIOD_HINT));
            } else if (!base.dated() || (period != null && !period.dated())) {
                faults.add(new Fault("basePeriod", "een verandering tussen twee periodes noemt beide; " + Period.UNSTATED_YEAR
                        + " (een jaar dat de bron niet noemt) kan geen periode of basisperiode van een verandering zijn"));
                base = null;
            } else if (period != null && !base.start().isBefore(period.start())) {
                faults.add(new Fault("basePeriod", "'" + in.basePeriod() + "' begint niet vóór de periode '" + period.code() + "'"));
            }
        }

        Map<String, String> dimensions = new TreeMap<>();
        if (in.dimensions() != null && indicator != null) {
            for (Map.Entry<String, String> entry : in.dimensions().entrySet()) {
                String field = "dimensions." + entry.getKey();
                Dimension dimension = indicator.dimension(entry.getKey()).orElse(null);
                if (dimension == null) {
                    faults.add(new Fault(field, indicator.dimensions.isEmpty()
                            ? "indicator '" + indicator.id + "' heeft geen dimensies"
                            : "'" + entry.getKey() + "' is geen dimensie van indicator '" + indicator.id + "'; de dimensies zijn "
                                    + String.join(", ", indicator.dimensions.stream().map(Dimension::id).toList())));
                } else if (entry.getValue() == null || !dimension.hasCode(entry.getValue())) {
                    faults.add(new Fault(field, "'" + entry.getValue() + "' is geen code van dimensie '" + entry.getKey() + "'; kies uit "
                            + String.join(", ", dimension.codes().stream().map(Dimension.Code::code).toList())));
                } else {
                    dimensions.put(entry.getKey(), entry.getValue());
                }
            }
        }

        if (in.qualifier() == null) {
            faults.add(new Fault("qualifier", "ontbreekt; kies uit exact, approximate, lower_bound, upper_bound, range, qualitative"));
        } else {
            checkValueShape(in, faults);
        }
        number("value", in.value(), faults);
        number("valueLow", in.valueLow(), faults);
        number("valueHigh", in.valueHigh(), faults);

        ObservationStatus status = null;
        if (blank(in.status())) {
            faults.add(new Fault("status", "ontbreekt; kies uit final, provisional, estimate, forecast, target"));
        } else {
            status = ObservationStatus.fromCode(in.status()).orElse(null);
            if (status == null) {
                faults.add(new Fault("status", "'" + in.status() + "' is geen status; kies uit final, provisional, estimate, forecast, target"));
            }
        }

        CitationDto citation = in.citation();
        if (citation == null) {
            faults.add(new Fault("citation", "ontbreekt: elke waarde noemt haar bron (sourceId) en de letterlijke zin (quote)"));
        } else {
            if (blank(citation.sourceId())) {
                faults.add(new Fault("citation.sourceId", "ontbreekt"));
            } else if (!sourceIds.contains(citation.sourceId())) {
                faults.add(new Fault("citation.sourceId", "er is geen bron '" + citation.sourceId() + "'; voeg haar eerst toe via /sources"));
            }
            if (blank(citation.quote())) {
                faults.add(new Fault("citation.quote", "ontbreekt: de letterlijke zin uit de bron"));
            }
            if (!blank(citation.originSourceId()) && !sourceIds.contains(citation.originSourceId())) {
                faults.add(new Fault("citation.originSourceId", "er is geen bron '" + citation.originSourceId() + "'"));
            }
            text("citation.quote", citation.quote(), faults);
            text("citation.section", citation.section(), faults);
            text("citation.question", citation.question(), faults);
            speaker(citation, faults);
        }
        text("valueText", in.valueText(), faults);
        text("reason", in.reason(), faults);
        if (in.note() != null) {
            text("note.nl", in.note().nl(), faults);
            text("note.en", in.note().en(), faults);
        }

        if (!faults.isEmpty()) {
            return new Result(null, List.copyOf(faults));
        }
        return new Result(new Valid(indicator, period, base, dimensions, Observation.dimensionKey(dimensions), in.qualifier(), in.value(),
                in.valueLow(), in.valueHigh(), emptyToNull(in.valueText()), status, Boolean.TRUE.equals(in.seriesBreak()),
                in.note() == null ? null : emptyToNull(in.note().nl()), in.note() == null ? null : emptyToNull(in.note().en()),
                new CitationDto(citation.sourceId(), emptyToNull(citation.section()), emptyToNull(citation.question()), citation.quote(),
                        emptyToNull(citation.originSourceId()), citation.statedBy(), emptyToNull(citation.statedByName()),
                        citation.response() == null ? null
                                : new ResponseDto(citation.response().stance(), emptyToNull(citation.response().section()), citation.response().quote())),
                emptyToNull(in.reason())), List.of());
    }

    /** Members and third parties are named; a name without who it is, is not an attribution. */
    static void speaker(CitationDto citation, List<Fault> faults) {
        citation.attributionFaults().forEach(f -> faults.add(new Fault(f.name(), f.reason())));
        text("citation.statedByName", citation.statedByName(), faults);
        if (citation.response() != null) {
            text("citation.response.quote", citation.response().quote(), faults);
            text("citation.response.section", citation.response().section(), faults);
        }
    }

    private static void checkValueShape(ObservationInput in, List<Fault> faults) {
        switch (in.qualifier()) {
            case exact, approximate, lower_bound, upper_bound -> {
                if (in.value() == null) {
                    faults.add(new Fault("value", "ontbreekt: bij kwalificatie " + in.qualifier() + " hoort een waarde"));
                }
                if (in.valueLow() != null) {
                    faults.add(new Fault("valueLow", "hoort alleen bij een bandbreedte (range)"));
                }
                if (in.valueHigh() != null) {
                    faults.add(new Fault("valueHigh", "hoort alleen bij een bandbreedte (range)"));
                }
            }
            case range -> {
                if (in.value() != null) {
                    faults.add(new Fault("value", "een bandbreedte heeft geen enkele waarde; geef valueLow en valueHigh"));
                }
                if (in.valueLow() == null) {
                    faults.add(new Fault("valueLow", "ontbreekt: een bandbreedte heeft een ondergrens"));
                }
                if (in.valueHigh() == null) {
                    faults.add(new Fault("valueHigh", "ontbreekt: een bandbreedte heeft een bovengrens"));
                }
                if (in.valueLow() != null && in.valueHigh() != null && in.valueLow().compareTo(in.valueHigh()) > 0) {
                    faults.add(new Fault("valueLow", "de ondergrens " + in.valueLow().toPlainString() + " ligt boven de bovengrens "
                            + in.valueHigh().toPlainString()));
                }
            }
            case qualitative -> {
                if (in.value() != null || in.valueLow() != null || in.valueHigh() != null) {
                    faults.add(new Fault(in.value() != null ? "value" : in.valueLow() != null ? "valueLow" : "valueHigh",
                            "een kwalitatieve waarde heeft geen getal; geef alleen valueText"));
                }
                if (blank(in.valueText())) {
                    faults.add(new Fault("valueText", "ontbreekt: een kwalitatieve waarde staat in de woorden van de bron"));
                }
            }
        }
    }

    private static void number(String field, BigDecimal value, List<Fault> faults) {
        if (value != null && (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_SCALE)) {
            faults.add(new Fault(field, "getal buiten bereik: hooguit " + MAX_INTEGER_DIGITS + " cijfers voor en " + MAX_SCALE + " na de komma"));
        }
    }

    private static void text(String field, String value, List<Fault> faults) {
        if (value != null && value.length() > MAX_TEXT) {
            faults.add(new Fault(field, "te lang: hooguit " + MAX_TEXT + " tekens"));
        }
        String unstorable = StorableText.fault(value);
        if (unstorable != null) {
            faults.add(new Fault(field, unstorable));
        }
    }

    private static String joined(List<Frequency> frequencies) {
        return String.join(", ", frequencies.stream().map(Frequency::name).toList());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
