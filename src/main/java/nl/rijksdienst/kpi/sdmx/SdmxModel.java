package nl.rijksdienst.kpi.sdmx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.rijksdienst.kpi.indicator.Dimension;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.observation.Observation;
import nl.rijksdienst.kpi.observation.ObservationStatus;
import nl.rijksdienst.kpi.observation.Qualifier;
import nl.rijksdienst.kpi.observation.Sdmx;
import nl.rijksdienst.kpi.observation.Speaker;
import nl.rijksdienst.kpi.observation.Stance;
import nl.rijksdienst.kpi.period.Frequency;
import nl.rijksdienst.kpi.source.PublicationBasis;

/**
 * The SDMX information model of the catalogue: per indicator a dataflow and a data structure
 * definition (both with the indicator's id, agency {@value Sdmx#AGENCY}, version {@value #VERSION}),
 * code lists for every coded component, and one concept scheme. The series key is FREQ followed by
 * the indicator's dimensions; TIME_PERIOD is the time dimension, OBS_VALUE the primary measure.
 * Every observation attribute says what a bare number would hide: the status, the unit, the
 * qualifier (exact, approximate, a bound, a range or words only) with the range's ends, the source's
 * own words, the base period, a break in series, who states the figure, and when it became public.
 */
public final class SdmxModel {

    public static final String VERSION = "1.0";
    public static final String CONCEPT_SCHEME = "CS_RIJKSDIENST";

    private SdmxModel() {
    }

    public record Code(String id, String nl, String en) {
    }

    public record Codelist(String id, String nl, String en, List<Code> codes) {
    }

    /** A dimension or attribute: its concept (by id, in {@link #CONCEPT_SCHEME}), its code list or its text type. */
    public record Component(String id, String nl, String en, String codelist, String textType, boolean mandatory,
            Function<Observation, String> value) {
    }

    public record Concept(String id, String nl, String en) {
    }

    /** FREQ, SDMX's frequency; an interval (a span of days the source names) has no frequency of its own. */
    public static final Codelist FREQ = new Codelist("CL_FREQ", "Frequentie", "Frequency", List.of(
            new Code("A", "Jaar", "Annual"), new Code("S", "Halfjaar", "Half-yearly"), new Code("Q", "Kwartaal", "Quarterly"),
            new Code("M", "Maand", "Monthly"), new Code("D", "Dag", "Daily"), new Code("_Z", "Periode van eigen lengte", "Not applicable (a span of its own)")));

    public static final Codelist OBS_STATUS = new Codelist("CL_OBS_STATUS", "Status van de waarneming (SDMX)", "Observation status (SDMX)", List.of(
            new Code("A", "Definitief", "Normal value"), new Code("P", "Voorlopig (tussenstand)", "Provisional value"),
            new Code("E", "Schatting", "Estimated value"), new Code("F", "Prognose of streefwaarde", "Forecast value")));

    /** Our own status beside SDMX's: SDMX has no code for a target, which OBS_STATUS can only call a forecast. */
    public static final Codelist STATUS = new Codelist("CL_STATUS", "Status van de waarneming", "Status of the observation", List.of(
            new Code("final", "Definitief", "Final"), new Code("provisional", "Voorlopig (tussenstand)", "Provisional (interim)"),
            new Code("estimate", "Schatting", "Estimate"), new Code("forecast", "Prognose", "Forecast"), new Code("target", "Streefwaarde", "Target")));

    public static final Codelist UNIT_MEASURE = new Codelist("CL_UNIT_MEASURE", "Eenheid", "Unit of measure", List.of(
            new Code("PC", "Procent", "Percent"), new Code("EUR", "Euro", "Euro"), new Code("FTE", "Fte (voltijdbanen)", "Full-time equivalents"),
            new Code("NUM", "Aantal", "Number"), new Code("YR", "Jaar", "Years"), new Code("MTH", "Maand", "Months")));

    public static final Codelist OBS_QUALIFIER = new Codelist("CL_OBS_QUALIFIER", "Hoe de bron het getal noemt", "How the source states the figure", List.of(
            new Code("exact", "Precies", "Exact"), new Code("approximate", "Ongeveer (ca.)", "Approximate"),
            new Code("lower_bound", "Ondergrens (ruim, meer dan)", "Lower bound (more than)"), new Code("upper_bound", "Bovengrens (hoogstens, minder dan)", "Upper bound (less than)"),
            new Code("range", "Bandbreedte (tussen … en …)", "Range (between … and …)"), new Code("qualitative", "Alleen in woorden, zonder getal", "In words only, no number")));

    public static final Codelist STATED_BY = new Codelist("CL_STATED_BY", "Wie het cijfer noemt", "Who states the figure", List.of(
            new Code("minister", "De minister (het antwoord)", "The minister (the answer)"),
            new Code("members", "Kamerleden (in hun vraag); geen cijfer van de regering", "Members of parliament (in their question); not a government figure"),
            new Code("third_party", "Een derde die de bron aanhaalt", "A third party the source cites")));

    public static final Codelist RESPONSE_STANCE = new Codelist("CL_RESPONSE_STANCE", "Wat het antwoord met het cijfer van Kamerleden doet",
            "What the answer does with the members' figure", List.of(
            new Code("confirms", "Bevestigt", "Confirms"), new Code("qualifies", "Nuanceert", "Qualifies"), new Code("rejects", "Weerspreekt", "Rejects")));

    public static final Codelist PUBLICATION_BASIS = new Codelist("CL_PUBLICATION_BASIS", "Waarop de publicatiedatum berust", "What the publication date rests on", List.of(
            new Code("source_date", "De datum van de bron", "The source's date"),
            new Code("origin_source_date", "De datum van de oorspronkelijke bron", "The date of the original source"),
            new Code("earliest_possible", "De vroegst mogelijke dag (de bron heeft geen datum)", "The earliest possible day (the source is undated)"),
            new Code("recorded", "Het moment van vastleggen hier", "When it was recorded here")));

    private static final List<Codelist> COMMON = List.of(FREQ, OBS_STATUS, STATUS, UNIT_MEASURE, OBS_QUALIFIER, STATED_BY, RESPONSE_STANCE, PUBLICATION_BASIS);

    static {
        // the code lists above name every constant of the enums they stand for
        check(STATUS, Arrays.stream(ObservationStatus.values()).map(ObservationStatus::code).toList());
        check(OBS_QUALIFIER, Arrays.stream(Qualifier.values()).map(Enum::name).toList());
        check(STATED_BY, Arrays.stream(Speaker.values()).map(Enum::name).toList());
        check(RESPONSE_STANCE, Arrays.stream(Stance.values()).map(Enum::name).toList());
        check(PUBLICATION_BASIS, Arrays.stream(PublicationBasis.values()).map(Enum::name).toList());
        check(UNIT_MEASURE, Arrays.stream(Unit.values()).map(Sdmx::unitMeasure).toList());
        check(FREQ, Arrays.stream(Frequency.values()).map(Sdmx::freq).toList());
    }

    private static void check(Codelist list, List<String> codes) {
        List<String> ids = list.codes().stream().map(Code::id).toList();
        if (!ids.containsAll(codes)) {
            throw new IllegalStateException(list.id() + " lacks codes of " + codes);
        }
    }

    /** The observation attributes, in the order SDMX-CSV writes them. */
    public static final List<Component> ATTRIBUTES = List.of(
            new Component("OBS_STATUS", "Status van de waarneming (SDMX)", "Observation status", OBS_STATUS.id(), null, true, o -> Sdmx.obsStatus(o.status)),
            new Component("STATUS", "Status van de waarneming", "Status of the observation", STATUS.id(), null, true, o -> o.status.code()),
            new Component("UNIT_MEASURE", "Eenheid", "Unit of measure", UNIT_MEASURE.id(), null, true, null),
            new Component("OBS_QUALIFIER", "Hoe de bron het getal noemt", "How the source states the figure", OBS_QUALIFIER.id(), null, true, o -> o.qualifier.name()),
            new Component("OBS_VALUE_LOW", "Ondergrens van de bandbreedte", "Low end of the range", null, "Decimal", false, o -> plain(o.valueLow)),
            new Component("OBS_VALUE_HIGH", "Bovengrens van de bandbreedte", "High end of the range", null, "Decimal", false, o -> plain(o.valueHigh)),
            new Component("OBS_TEXT", "Het cijfer in de woorden van de bron", "The figure in the source's words", null, "String", false, o -> o.valueText),
            new Component("BASE_PER", "Basisperiode (groei ten opzichte van)", "Base period (change against)", null, "String", false, o -> o.basePeriodCode),
            new Component("BREAK", "Breuk in de reeks", "Break in series", null, "Boolean", true, o -> String.valueOf(o.seriesBreak)),
            new Component("STATED_BY", "Wie het cijfer noemt", "Who states the figure", STATED_BY.id(), null, false, o -> o.statedBy == null ? null : o.statedBy.name()),
            new Component("STATED_BY_NAME", "Naam van wie het cijfer noemt", "Name of who states the figure", null, "String", false, o -> o.statedByName),
            new Component("RESPONSE_STANCE", "Wat het antwoord met het cijfer doet", "What the answer does with the figure", RESPONSE_STANCE.id(), null, false,
                    o -> o.responseStance == null ? null : o.responseStance.name()),
            new Component("SOURCE", "Bron (zie /sources)", "Source (see /sources)", null, "String", false, o -> o.sourceId),
            new Component("COMMENT_OBS", "De zin uit de bron", "The quoted sentence", null, "String", false, o -> o.quote),
            new Component("PUBLICATION_DATE", "Openbaar sinds", "Public since", null, "GregorianDay", false, o -> o.publishedOn == null ? null : o.publishedOn.toString()),
            new Component("PUBLICATION_BASIS", "Waarop de publicatiedatum berust", "What the publication date rests on", PUBLICATION_BASIS.id(), null, false,
                    o -> o.publicationBasis == null ? null : o.publicationBasis.name()));

    /** The code of an observation that is not broken down by a dimension (SDMX's _T, total), in every dimension's code list. */
    public static final String TOTAL = "_T";

    /** The series dimensions of an indicator: FREQ, then its own dimensions. */
    public static List<Component> dimensions(Indicator indicator) {
        List<Component> dimensions = new ArrayList<>();
        dimensions.add(new Component("FREQ", "Frequentie", "Frequency", FREQ.id(), null, true, o -> Sdmx.freq(o.frequency)));
        for (Dimension d : indicator.dimensions) {
            dimensions.add(new Component(d.id(), d.label().nl(), d.label().en(), codelistId(indicator, d), null, true,
                    o -> o.dimensions.getOrDefault(d.id(), TOTAL)));
        }
        return dimensions;
    }

    /** The value of an attribute for an observation of this indicator (null: none). */
    public static String attribute(Component attribute, Indicator indicator, Observation o) {
        return attribute.value() == null ? Sdmx.unitMeasure(indicator.unit) : attribute.value().apply(o);
    }

    public static String codelistId(Indicator indicator, Dimension dimension) {
        return "CL_" + indicator.id + "_" + dimension.id();
    }

    /** Every code list: the common ones, then one per dimension of each indicator. */
    public static List<Codelist> codelists(List<Indicator> indicators) {
        List<Codelist> lists = new ArrayList<>(COMMON);
        for (Indicator indicator : sorted(indicators)) {
            lists.addAll(codelists(indicator));
        }
        return lists;
    }

    /** The code lists an indicator's structure uses that are its own: one per dimension. */
    public static List<Codelist> codelists(Indicator indicator) {
        return indicator.dimensions.stream().map(d -> new Codelist(codelistId(indicator, d), d.label().nl() + " (" + indicator.labelNl + ")",
                (d.label().en() == null ? d.label().nl() : d.label().en()) + " (" + (indicator.labelEn == null ? indicator.labelNl : indicator.labelEn) + ")",
                java.util.stream.Stream.concat(d.codes().stream().map(c -> new Code(c.code(), c.label().nl(), c.label().en())),
                        java.util.stream.Stream.of(new Code(TOTAL, "Totaal (niet uitgesplitst)", "Total (not broken down)"))).toList())).toList();
    }

    /** The code lists an indicator's structure refers to, common ones included. */
    public static List<Codelist> codelistsOf(Indicator indicator) {
        List<Codelist> lists = new ArrayList<>(COMMON);
        lists.addAll(codelists(indicator));
        return lists;
    }

    /** The concepts of the given structures: the common components, then each dimension id (named after its first indicator). */
    public static List<Concept> concepts(List<Indicator> indicators) {
        Map<String, Concept> concepts = new LinkedHashMap<>();
        concepts.put("FREQ", new Concept("FREQ", "Frequentie", "Frequency"));
        concepts.put("TIME_PERIOD", new Concept("TIME_PERIOD", "Periode", "Time period"));
        concepts.put("OBS_VALUE", new Concept("OBS_VALUE", "Waarde", "Observation value"));
        ATTRIBUTES.forEach(a -> concepts.put(a.id(), new Concept(a.id(), a.nl(), a.en())));
        for (Indicator indicator : sorted(indicators)) {
            for (Dimension d : indicator.dimensions) {
                concepts.putIfAbsent(d.id(), new Concept(d.id(), d.label().nl(), d.label().en()));
            }
        }
        return List.copyOf(concepts.values());
    }

    public static Optional<Codelist> codelist(List<Indicator> indicators, String id) {
        return codelists(indicators).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    static List<Indicator> sorted(List<Indicator> indicators) {
        return indicators.stream().sorted(Comparator.comparing(i -> i.id)).toList();
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
