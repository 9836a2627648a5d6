package nl.rijksdienst.kpi.observation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.IndicatorService;
import nl.rijksdienst.kpi.sentence.ObservationSentences;
import nl.rijksdienst.kpi.sentence.Sentence;
import nl.rijksdienst.kpi.source.SourceRepository;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ObservationService {

    private final ObservationRepository observations;
    private final IndicatorService indicators;
    private final nl.rijksdienst.kpi.theme.ThemeService themes;
    private final SourceRepository sources;
    private final RenderedRows rendered;

    public ObservationService(ObservationRepository observations, IndicatorService indicators, nl.rijksdienst.kpi.theme.ThemeService themes,
            SourceRepository sources, RenderedRows rendered) {
        this.sources = sources;
        this.rendered = rendered;
        this.observations = observations;
        this.indicators = indicators;
        this.themes = themes;
    }

    /**
     * A page of one indicator's observations, with the indicator and the parsed request: as JSON
     * ({@code json}, the {@code ObservationCollection}; {@code items} null) or, paged in another
     * representation, as {@code items}; for a whole download both are null and {@link #stream}
     * writes the selection as it is read.
     */
    public record Result(Indicator indicator, ObservationQuery.Parsed query, List<Observation> items, byte[] json, Page paging) {

        public boolean streamed() {
            return items == null && json == null;
        }
    }

    /**
     * The changes within one indicator's series: one page, or for a whole CSV download (no
     * {@code page} or {@code pageSize}) none yet ({@code items} null) and {@link #streamChanges}
     * writes them as they are read.
     */
    public record Changes(Indicator indicator, ObservationFilter filter, ChangeCalculator.Basis basis, List<ChangeDto> items, Page paging) {

        public boolean streamed() {
            return items == null;
        }
    }

    public Changes changes(String indicatorId, Map<String, List<String>> query, ChangeCalculator.Basis basis) {
        Indicator indicator = indicators.requireForReading(indicatorId);
        Map<String, List<String>> filters = new java.util.LinkedHashMap<>(query);
        filters.remove("basis");
        ObservationQuery.Parsed parsed = ObservationQuery.parse(indicator, filters);
        if (parsed.format() == ObservationQuery.Format.sdmx_csv || parsed.format() == ObservationQuery.Format.sdmx_json) {
            throw nl.rijksdienst.kpi.common.ApiException.badParameter("format", "veranderingen zijn er als json of csv");
        }
        if (parsed.filter().lastN() != null) {
            throw nl.rijksdienst.kpi.common.ApiException.badParameter("lastNObservations", "veranderingen zijn er voor de perioden from tot en met to, niet voor de laatste N");
        }
        boolean wholeDownload = parsed.format() != null && parsed.format().dialect() != null && !query.containsKey("page") && !query.containsKey("pageSize");
        if (wholeDownload) {
            return new Changes(indicator, parsed.filter(), basis, null, null);
        }
        PageRequest page = parsed.page();
        List<ChangeDto> items;
        try (java.util.stream.Stream<Observation[]> pairs = observations.changePairs(parsed.filter(), basis, page)) {
            items = pairs.map(p -> ChangeCalculator.change(p[0], p[1], indicator.unit)).toList();
        }
        long total = items.size() < page.pageSize() && page.page() == 1 ? items.size() : observations.countChangePairs(parsed.filter(), basis);
        return new Changes(indicator, parsed.filter(), basis, items, Page.of(page, total));
    }

    /** Hands every change of a streamed result to {@code writer} as it is read, in a read-only transaction of its own. */
    public void streamChanges(Changes changes, java.util.function.Consumer<Iterable<ChangeDto>> writer) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            try (java.util.stream.Stream<ChangeDto> rows = observations.changePairs(changes.filter(), changes.basis(), null)
                    .map(p -> ChangeCalculator.change(p[0], p[1], changes.indicator().unit))) {
                writer.accept(rows::iterator);
            }
        });
    }

    /** Hands the whole selection of a streamed result to {@code writer}, row by row, in a read-only transaction of its own. */
    public void stream(Result result, java.util.function.Consumer<Iterable<Observation>> writer) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            try (java.util.stream.Stream<Observation> rows = observations.streamAll(result.query().filter())) {
                writer.accept(rows::iterator);
            }
        });
    }

    /**
     * Hands an SDMX-JSON writer the periods of a result and its observations a series at a time
     * ({@link Sdmx#SERIES_ORDER}): for a streamed result read as they are written, in a read-only
     * transaction of its own, else the page's.
     */
    public void streamBySeries(Result result, java.util.function.BiConsumer<List<Observation>, Iterable<Observation>> writer) {
        if (!result.streamed()) {
            List<Observation> bySeries = result.items().stream().sorted(java.util.Comparator.<Observation, String>comparing(o -> o.frequency.name())
                    .thenComparing(o -> o.dimensionKey)
                    .thenComparing(o -> o.periodStart, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                    .thenComparing(o -> o.periodEnd, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                    .thenComparing(o -> o.periodCode)
                    .thenComparing(o -> o.basePeriodCode == null ? "" : o.basePeriodCode, java.util.Comparator.reverseOrder())).toList();
            writer.accept(result.items(), bySeries);
            return;
        }
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            List<Observation> periods = observations.periods(result.query().filter());
            try (java.util.stream.Stream<Observation> rows = observations.streamAll(result.query().filter(), Sdmx.SERIES_ORDER)) {
                writer.accept(periods, rows::iterator);
            }
        });
    }

    /** One observation as known at {@code asOf} (null: now); 404 when the indicator or observation does not exist (then). */
    public ObservationDto find(String indicatorId, String observationId, java.time.OffsetDateTime asOf) {
        Quoted quoted = quoted(indicatorId, observationId, asOf);
        return quoted.observation();
    }

    /** One observation as known at {@code asOf} with its sentence; 404 as {@link #find}. */
    public Quoted quoted(String indicatorId, String observationId, java.time.OffsetDateTime asOf) {
        Indicator indicator = indicators.require(indicatorId);
        long id = parseId(observationId);
        ObservationDto observation = observations.findVersion(indicator.id, id, asOf).map(o -> ObservationDto.of(o, indicator.unit))
                .orElseThrow(() -> nl.rijksdienst.kpi.common.ApiException.notFound("Er is geen waarneming " + observationId + " van indicator '"
                        + indicator.id + "'" + (asOf == null ? "" : " bekend op " + asOf) + "."));
        Sentence sentence = ObservationSentences.of(indicator, observation, sources.byId()::get);
        return new Quoted(observation.withSentence(sentence.text()), sentence);
    }

    /** An observation and its sentence. */
    public record Quoted(ObservationDto observation, Sentence sentence) {
    }

    /** Every version of one observation, oldest first; 404 when there is none. */
    public List<ObservationVersionDto> versions(String indicatorId, String observationId) {
        Indicator indicator = indicators.require(indicatorId);
        List<Observation> versions = observations.versions(indicator.id, parseId(observationId));
        if (versions.isEmpty()) {
            throw nl.rijksdienst.kpi.common.ApiException.notFound("Er is geen waarneming " + observationId + " van indicator '" + indicator.id + "'.");
        }
        return versions.stream().map(o -> ObservationVersionDto.of(o, indicator.unit)).toList();
    }

    private static long parseId(String observationId) {
        try {
            return Long.parseLong(observationId);
        } catch (NumberFormatException e) {
            throw nl.rijksdienst.kpi.common.ApiException.notFound("Er is geen waarneming met id '" + observationId + "'.");
        }
    }

    /**
     * A listing across indicators: one page, or for a whole CSV download (no {@code page} or
     * {@code pageSize}) none yet ({@code items} null) and {@link #streamAcross} writes the selection
     * as it is read. {@code indicators} are those listed, by id, in listing order.
     */
    public record Across(ObservationQuery.Across query, Map<String, Indicator> indicators, List<Observation> items, Page paging) {

        public boolean streamed() {
            return items == null;
        }


        public List<ObservationDto> dtos() {
            return items.stream().map(o -> ObservationDto.labelled(o, indicators.get(o.indicatorId))).toList();
        }
    }

    /** The ids to select by, or null when every indicator is listed. */
    private static List<String> selection(ObservationQuery.Across query, Map<String, Indicator> listed) {
        return query.indicators().size() == query.all() ? null : List.copyOf(listed.keySet());
    }

    /** Reads the observations of several indicators; 400 for a bad query. */
    public Across searchAcross(Map<String, List<String>> query, ObservationQuery.Format negotiated) {
        List<Indicator> all = indicators.allForReading();
        ObservationQuery.Across parsed = ObservationQuery.parseAcross(all, themes.ids(), query);
        if (parsed.format() == null && negotiated != null) {
            parsed = new ObservationQuery.Across(parsed.indicators(), parsed.all(), parsed.filter(), parsed.page(), negotiated);
        }
        Map<String, Indicator> byId = new java.util.LinkedHashMap<>();
        parsed.indicators().forEach(i -> byId.put(i.id, i));
        boolean whole = parsed.format() != null && parsed.format() != ObservationQuery.Format.json && !query.containsKey("page") && !query.containsKey("pageSize");
        if (whole) {
            return new Across(parsed, byId, null, null);
        }
        List<String> selection = selection(parsed, byId);
        PageRequest page = parsed.page();
        List<Observation> items = observations.searchAcross(selection, parsed.filter(), page);
        long total = items.size() < page.pageSize() && page.page() == 1 ? items.size() : observations.countAcross(selection, parsed.filter());
        return new Across(parsed, byId, items, Page.of(page, total));
    }

    /** Hands the whole selection of a streamed listing across indicators to {@code writer}, row by row, in a read-only transaction of its own. */
    public void streamAcross(Across across, java.util.function.Consumer<Iterable<Observation>> writer) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            try (java.util.stream.Stream<Observation> rows = observations.streamAcross(selection(across.query(), across.indicators()), across.query().filter())) {
                writer.accept(rows::iterator);
            }
        });
    }

    /** Reads one indicator's observations; 404 for an unknown indicator, 400 for a bad query. */
    /**
     * Reads one indicator's observations in a representation chosen by the Accept header when the
     * query has no {@code format}: a download (CSV, SDMX) is the whole selection unless paged.
     */
    public Result search(String indicatorId, Map<String, List<String>> query, ObservationQuery.Format negotiated) {
        Indicator indicator = indicators.requireForReading(indicatorId);
        ObservationQuery.Parsed parsed = ObservationQuery.parse(indicator, query);
        if (parsed.format() == null && negotiated != null) {
            parsed = new ObservationQuery.Parsed(parsed.filter(), parsed.page(), negotiated);
        }
        boolean wholeSeries = parsed.format() != null && parsed.format() != ObservationQuery.Format.json
                && !query.containsKey("page") && !query.containsKey("pageSize");
        // A CSV download is the whole selection unless a page is asked for explicitly; it is streamed
        // from the database, so its size is not bounded by memory.
        PageRequest page = wholeSeries ? PageRequest.ALL : parsed.page();
        if (wholeSeries) {
            return new Result(indicator, parsed, null, null, null);
        }
        if (parsed.format() == null || parsed.format() == ObservationQuery.Format.json) {
            // each row's JSON rendered once (RenderedRows): after a change, only the rows that changed are rendered again
            List<byte[]> rows = observations.searchRendered(parsed.filter(), page, rendered, indicator.unit);
            Page paging = paging(rows.size(), page, parsed.filter());
            return new Result(indicator, parsed, null, rendered.collection(rows, paging), paging);
        }
        List<Observation> items = observations.search(parsed.filter(), page);
        return new Result(indicator, parsed, items, null, paging(items.size(), page, parsed.filter()));
    }

    /** The paging of a page that read {@code read} rows: counted only when it may not hold them all. */
    private Page paging(int read, PageRequest page, ObservationFilter filter) {
        return Page.of(page, read < page.pageSize() && page.page() == 1 ? read : observations.count(filter));
    }
}
