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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.rijksdienst.kpi.commitment.CommitmentInput;
import nl.rijksdienst.kpi.commitment.CommitmentWriteService;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.IndicatorInput;
import nl.rijksdienst.kpi.norm.NormInput;
import nl.rijksdienst.kpi.norm.NormVersions;
import nl.rijksdienst.kpi.norm.NormWriteService;
import nl.rijksdienst.kpi.common.Hashes;
import nl.rijksdienst.kpi.importing.ImportReport;
import nl.rijksdienst.kpi.importing.ImportService;
import nl.rijksdienst.kpi.source.Source;
import nl.rijksdienst.kpi.source.SourceInput;
import nl.rijksdienst.kpi.theme.Theme;

/**
 * Loads the reviewable data files ({@code data/catalogue.yaml}, {@code data/observations.csv}) at
 * start, when their checksums have not been loaded before. The catalogue is written as the file has
 * it; the figures are imported like an editor's CSV (the same format as the CSV export), so a
 * changed figure becomes a new version and the earlier one stays. Replicas starting together take a
 * PostgreSQL advisory lock, so one of them loads and the others find the work done.
 */
@ApplicationScoped
public class DataLoader {

    static final String CATALOGUE = "data/catalogue.yaml";
    static final String OBSERVATIONS = "data/observations.csv";
    private static final long LOCK_KEY = 0x4b5049L;

    /** The actor the data files are loaded as. */
    static final String SYSTEM = "system";

    private final EntityManager em;
    private final ImportService imports;
    private final CommitmentWriteService commitments;
    private final NormWriteService norms;
    private final NormVersions normVersions;

    public DataLoader(EntityManager em, ImportService imports, CommitmentWriteService commitments, NormWriteService norms, NormVersions normVersions) {
        this.norms = norms;
        this.normVersions = normVersions;
        this.em = em;
        this.imports = imports;
        this.commitments = commitments;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        em.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
        // norms written before norms had versions get their first
        normVersions.recordMissing(SYSTEM);
        byte[] catalogueBytes = read(CATALOGUE);
        byte[] observationBytes = read(OBSERVATIONS);
        String catalogueSum = Hashes.sha256Hex(catalogueBytes);
        String observationSum = Hashes.sha256Hex(observationBytes);
        if (loaded(CATALOGUE, catalogueSum) && loaded(OBSERVATIONS, observationSum)) {
            Log.debugf("Data files already loaded");
            return;
        }
        Catalogue catalogue = parseCatalogue(catalogueBytes);
        loadCatalogue(catalogue, "Geladen uit " + CATALOGUE + " (sha256 " + catalogueSum.substring(0, 12) + ")");
        // The figures go through the import, as an editor's file would: new ones are added, changed
        // ones become a new version, unchanged ones stay as they are.
        ImportReport report = imports.importObservations(new ByteArrayInputStream(observationBytes), ImportService.BodyType.csv,
                SYSTEM, "Geladen uit " + OBSERVATIONS + " (sha256 " + observationSum.substring(0, 12) + ")", null).report();
        record(CATALOGUE, catalogueSum);
        record(OBSERVATIONS, observationSum);
        Log.infof("Loaded %d themes, %d sources, %d indicators, %d norms, %d commitments; figures: %d read, %d new, %d revised, %d unchanged",
                catalogue.themes().size(), catalogue.sources().size(), catalogue.indicators().size(), catalogue.norms().size(),
                catalogue.commitments() == null ? 0 : catalogue.commitments().size(),
                report.rowsRead(), report.inserted(), report.revised(), report.unchanged());
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

    private void loadCatalogue(Catalogue catalogue, String reason) {
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
        for (SourceInput input : catalogue.sources()) {
            Source source = new Source();
            source.id = input.id();
            source.apply(input);
            em.merge(source);
        }
        em.flush();
        for (IndicatorInput input : catalogue.indicators()) {
            Indicator indicator = new Indicator();
            indicator.id = input.id();
            indicator.apply(input);
            em.merge(indicator);
        }
        em.flush();
        // norms are versioned: a changed one becomes a new version, the earlier one stays
        for (NormInput input : catalogue.norms()) {
            norms.load(input, SYSTEM, reason);
        }
        em.flush();
        // commitments are versioned: a changed one becomes a new version, the earlier one stays
        for (CommitmentInput input : catalogue.commitments() == null ? java.util.List.<CommitmentInput>of() : catalogue.commitments()) {
            commitments.load(input, SYSTEM, reason);
        }
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
}
