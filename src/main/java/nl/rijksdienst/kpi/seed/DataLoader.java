package nl.rijksdienst.kpi.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.rijksdienst.kpi.indicator.Dimension;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.IndicatorKind;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.norm.Norm;
import nl.rijksdienst.kpi.norm.Operator;
import nl.rijksdienst.kpi.observation.Observation;
import nl.rijksdienst.kpi.observation.ObservationStatus;
import nl.rijksdienst.kpi.observation.Qualifier;
import nl.rijksdienst.kpi.period.Period;
import nl.rijksdienst.kpi.source.Source;
import nl.rijksdienst.kpi.theme.Theme;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads the reviewable data files ({@code data/catalogue.yaml}, {@code data/observations.csv}) at
 * start. Each file is loaded when its checksum has not been loaded before; a changed file updates
 * the catalogue and the figures it holds (by their natural key). Replicas starting together take a
 * PostgreSQL advisory lock, so one of them loads and the others find the work done.
 */
@ApplicationScoped
public class DataLoader {

    static final String CATALOGUE = "data/catalogue.yaml";
    static final String OBSERVATIONS = "data/observations.csv";
    private static final long LOCK_KEY = 0x4b5049L;

    private final EntityManager em;

    public DataLoader(EntityManager em) {
        this.em = em;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        em.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
        byte[] catalogueBytes = read(CATALOGUE);
        byte[] observationBytes = read(OBSERVATIONS);
        String catalogueSum = sha256(catalogueBytes);
        String observationSum = sha256(observationBytes);
        if (loaded(CATALOGUE, catalogueSum) && loaded(OBSERVATIONS, observationSum)) {
            Log.debugf("Data files already loaded");
            return;
        }
        Catalogue catalogue = parseCatalogue(catalogueBytes);
        loadCatalogue(catalogue);
        int figures = loadObservations(observationBytes);
        record(CATALOGUE, catalogueSum);
        record(OBSERVATIONS, observationSum);
        Log.infof("Loaded %d themes, %d sources, %d indicators, %d norms and %d observations",
                catalogue.themes().size(), catalogue.sources().size(), catalogue.indicators().size(), catalogue.norms().size(), figures);
    }

    private boolean loaded(String file, String checksum) {
        return !em.createNativeQuery("select 1 from data_load where file = ?1 and checksum = ?2")
                .setParameter(1, file).setParameter(2, checksum).getResultList().isEmpty();
    }

    private void record(String file, String checksum) {
        em.createNativeQuery("insert into data_load (file, checksum) values (?1, ?2) "
                        + "on conflict (file) do update set checksum = excluded.checksum, loaded_at = now()")
                .setParameter(1, file).setParameter(2, checksum).executeUpdate();
    }

    static Catalogue parseCatalogue(byte[] bytes) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            return yaml.readValue(bytes, Catalogue.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + CATALOGUE + ": " + e.getMessage(), e);
        }
    }

    private void loadCatalogue(Catalogue catalogue) {
        for (Catalogue.ThemeSpec t : catalogue.themes()) {
            Theme theme = new Theme();
            theme.id = t.id();
            theme.code = t.code();
            theme.labelNl = t.label().nl();
            theme.labelEn = t.label().en();
            theme.descriptionNl = t.description() == null ? null : t.description().nl();
            theme.descriptionEn = t.description() == null ? null : t.description().en();
            em.merge(theme);
        }
        for (Catalogue.SourceSpec s : catalogue.sources()) {
            Source source = new Source();
            source.id = s.id();
            source.type = s.type();
            source.title = s.title();
            source.publisher = s.publisher();
            source.kamerstuk = s.kamerstuk();
            source.publicationDate = s.publicationDate();
            source.dateNote = s.dateNote();
            source.url = s.url();
            em.merge(source);
        }
        em.flush();
        for (Catalogue.IndicatorSpec i : catalogue.indicators()) {
            Indicator indicator = new Indicator();
            indicator.id = i.id();
            indicator.themeId = i.theme();
            indicator.unit = Unit.valueOf(i.unit());
            indicator.kind = IndicatorKind.valueOf(i.kind());
            indicator.labelNl = i.label().nl();
            indicator.labelEn = i.label().en();
            indicator.descriptionNl = i.description() == null ? null : i.description().nl();
            indicator.descriptionEn = i.description() == null ? null : i.description().en();
            indicator.dimensions = i.dimensions() == null ? List.of() : i.dimensions();
            em.merge(indicator);
        }
        em.flush();
        for (Catalogue.NormSpec n : catalogue.norms()) {
            Norm norm = new Norm();
            norm.id = n.id();
            norm.indicatorId = n.indicator();
            norm.dimensions = n.dimensions() == null ? new TreeMap<>() : new TreeMap<>(n.dimensions());
            norm.operator = Operator.valueOf(n.operator());
            norm.threshold = n.threshold();
            norm.referenceIndicatorId = n.referenceIndicator();
            norm.deadline = n.deadline();
            norm.validFrom = n.validFrom();
            norm.labelNl = n.label().nl();
            norm.labelEn = n.label().en();
            norm.descriptionNl = n.description() == null ? null : n.description().nl();
            norm.descriptionEn = n.description() == null ? null : n.description().en();
            norm.wording = n.wording();
            norm.interpretation = n.interpretation();
            norm.sourceId = n.citation().source();
            norm.section = n.citation().section();
            norm.question = n.citation().question();
            norm.quote = n.citation().quote();
            em.merge(norm);
        }
        em.flush();
    }

    private int loadObservations(byte[] bytes) {
        Map<String, Indicator> indicators = new HashMap<>();
        em.createQuery("from Indicator", Indicator.class).getResultList().forEach(i -> indicators.put(i.id, i));
        Map<String, Observation> existing = new HashMap<>();
        em.createQuery("from Observation", Observation.class).getResultList().forEach(o -> existing.put(naturalKey(o), o));
        int count = 0;
        try (Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                Observation parsed = parseRow(row, indicators);
                Observation target = existing.getOrDefault(naturalKey(parsed), parsed);
                if (target != parsed) {
                    copy(parsed, target);
                } else {
                    em.persist(parsed);
                }
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        em.flush();
        return count;
    }

    private static String naturalKey(Observation o) {
        return o.indicatorId + "|" + o.periodCode + "|" + (o.basePeriodCode == null ? "" : o.basePeriodCode) + "|" + o.dimensionKey;
    }

    private static Observation parseRow(CSVRecord row, Map<String, Indicator> indicators) {
        String where = OBSERVATIONS + " line " + row.getParser().getCurrentLineNumber();
        Indicator indicator = indicators.get(row.get("indicator"));
        if (indicator == null) {
            throw new IllegalStateException(where + ": unknown indicator " + row.get("indicator"));
        }
        Observation o = new Observation();
        o.indicatorId = indicator.id;
        Period period = Period.parse(row.get("period")).orElseThrow(() -> new IllegalStateException(where + ": bad period"));
        o.periodCode = period.code();
        o.frequency = period.frequency();
        o.periodStart = period.start();
        o.periodEnd = period.end();
        if (!row.get("base_period").isEmpty()) {
            Period base = Period.parse(row.get("base_period")).orElseThrow(() -> new IllegalStateException(where + ": bad base period"));
            o.basePeriodCode = base.code();
            o.basePeriodStart = base.start();
            o.basePeriodEnd = base.end();
        }
        Map<String, String> dimensions = new TreeMap<>();
        if (!row.get("dimensions").isEmpty()) {
            for (String pair : row.get("dimensions").split(";")) {
                String[] kv = pair.split("=", 2);
                Dimension dimension = indicator.dimension(kv[0]).orElseThrow(() -> new IllegalStateException(where + ": unknown dimension " + kv[0]));
                if (kv.length < 2 || !dimension.hasCode(kv[1])) {
                    throw new IllegalStateException(where + ": bad code in " + pair);
                }
                dimensions.put(kv[0], kv[1]);
            }
        }
        o.dimensions = dimensions;
        o.dimensionKey = Observation.dimensionKey(dimensions);
        o.qualifier = Qualifier.valueOf(row.get("qualifier"));
        o.value = decimal(row.get("value"));
        o.valueLow = decimal(row.get("value_low"));
        o.valueHigh = decimal(row.get("value_high"));
        o.valueText = emptyToNull(row.get("value_text"));
        o.status = ObservationStatus.fromCode(row.get("status")).orElseThrow(() -> new IllegalStateException(where + ": bad status"));
        o.seriesBreak = Boolean.parseBoolean(row.get("series_break"));
        o.noteNl = emptyToNull(row.get("note_nl"));
        o.noteEn = emptyToNull(row.get("note_en"));
        o.sourceId = row.get("source");
        o.section = emptyToNull(row.get("section"));
        o.question = emptyToNull(row.get("question"));
        o.quote = row.get("quote");
        o.originSourceId = emptyToNull(row.get("origin_source"));
        return o;
    }

    private static void copy(Observation from, Observation to) {
        to.frequency = from.frequency;
        to.periodStart = from.periodStart;
        to.periodEnd = from.periodEnd;
        to.basePeriodStart = from.basePeriodStart;
        to.basePeriodEnd = from.basePeriodEnd;
        to.dimensions = from.dimensions;
        to.qualifier = from.qualifier;
        to.value = from.value;
        to.valueLow = from.valueLow;
        to.valueHigh = from.valueHigh;
        to.valueText = from.valueText;
        to.status = from.status;
        to.seriesBreak = from.seriesBreak;
        to.noteNl = from.noteNl;
        to.noteEn = from.noteEn;
        to.sourceId = from.sourceId;
        to.section = from.section;
        to.question = from.question;
        to.quote = from.quote;
        to.originSourceId = from.originSourceId;
    }

    private static BigDecimal decimal(String raw) {
        return raw == null || raw.isEmpty() ? null : new BigDecimal(raw);
    }

    private static String emptyToNull(String raw) {
        return raw == null || raw.isEmpty() ? null : raw;
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing data file " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
