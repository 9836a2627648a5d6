package nl.rijksdienst.kpi.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.rijksdienst.kpi.audit.AuditLog;
import nl.rijksdienst.kpi.event.EventLog;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.Hashes;
import nl.rijksdienst.kpi.common.Problem.InvalidRow;
import nl.rijksdienst.kpi.common.StorableText;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.IndicatorRepository;
import nl.rijksdienst.kpi.observation.ObservationValidator;
import nl.rijksdienst.kpi.source.SourceRepository;
import org.hibernate.jpa.HibernateHints;
import org.postgresql.copy.CopyIn;

/**
 * Bulk import of observations, all or nothing. The body is streamed row by row into PostgreSQL
 * (COPY into a staging table), so its size is not bounded by memory; every bad row is reported (up
 * to 1000, then counted) and then nothing is written. Importing the same rows again changes
 * nothing; an {@code Idempotency-Key} makes a retried request return the first answer.
 */
@ApplicationScoped
public class ImportService {

    static final int MAX_REPORTED = 1000;

    public enum BodyType {
        csv("text/csv"), json("application/json");

        final String mediaType;

        BodyType(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /** The report, and whether it is the stored answer to an earlier request with the same key. */
    public record Result(ImportReport report, boolean replayed) {
    }

    private final DataSource dataSource;
    private final IndicatorRepository indicators;
    private final SourceRepository sources;
    private final AuditLog audit;
    private final WritersLock writersLock;
    private final ObjectMapper mapper;
    private final EventLog events;

    public ImportService(DataSource dataSource, IndicatorRepository indicators, SourceRepository sources, AuditLog audit, ObjectMapper mapper,
            WritersLock writersLock, EventLog events) {
        this.events = events;
        this.dataSource = dataSource;
        this.indicators = indicators;
        this.sources = sources;
        this.audit = audit;
        this.mapper = mapper;
        this.writersLock = writersLock;
    }

    /** An import within the caller's transaction (the data files at start). */
    @Transactional
    public Result importObservations(InputStream body, BodyType type, String actor, String reason, String idempotencyKey) {
        return run(body, type, actor, reason, idempotencyKey, "POST /api/v1/observation-imports", false);
    }

    /**
     * @param requestTarget method, path and query of the request: with the body, what makes a retry
     *                      the same request (an {@code Idempotency-Key} is replayed only for that)
     */
    @Transactional
    // an editor's import has a transaction of its own, which may run long (a large file is validated and merged in one go):
    // 30 minutes (kpi.import.transaction-timeout, in seconds), not the default minute
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeoutFromConfigProperty = "kpi.import.transaction-timeout", timeout = 1800)
    public Result importUpload(InputStream body, BodyType type, String actor, String reason, String idempotencyKey, String requestTarget) {
        return run(body, type, actor, reason, idempotencyKey, requestTarget, true);
    }

    /** @param announce whether the import is told as events (an editor's import; not the data files loaded at start) */
    private Result run(InputStream body, BodyType type, String actor, String reason, String idempotencyKey, String requestTarget, boolean announce) {
        MessageDigest digest = Hashes.sha256();
        digest.update((requestTarget + "\n").getBytes(StandardCharsets.UTF_8));
        InputStream in = new DigestInputStream(body, digest);
        try (Connection c = dataSource.getConnection()) {
            if (idempotencyKey != null) {
                Optional<StoredImport> earlier = findByKey(c, actor, idempotencyKey);
                if (earlier.isPresent()) {
                    drain(in);
                    if (!earlier.get().sha256().equals(HexFormat.of().formatHex(digest.digest()))) {
                        throw new ApiException(422, "Onverwerkbare invoer", "De Idempotency-Key '" + idempotencyKey
                                + "' is al gebruikt voor een ander verzoek (andere inhoud of reden); gebruik een nieuwe sleutel.", List.of());
                    }
                    return new Result(earlier.get().report(), true);
                }
            }
            // Read only: the import never changes an indicator or a source, and Hibernate checks every
            // entity it manages for changes before each statement of the transaction (an event per
            // indicator the import wrote to): with a thousand indicators that check was 5 s of an import.
            Map<String, Indicator> byId = indicators.findAll().withHint(HibernateHints.HINT_READ_ONLY, true).list().stream()
                    .collect(Collectors.toMap(i -> i.id, i -> i));
            ObservationValidator validator = new ObservationValidator(byId::get,
                    sources.findAll().withHint(HibernateHints.HINT_READ_ONLY, true).list().stream().map(s -> s.id).collect(Collectors.toSet()));
            UUID importId = UUID.randomUUID();
            writersLock.acquire(c);
            OffsetDateTime now = now(c);
            ObservationStore.createStaging(c);
            ObservationStore.bulkMemory(c);
            long rows = stage(c, in, type, validator, byId);
            EventLog.Snapshot verdicts = announce ? events.verdicts(stagedIndicators(c)) : null;
            ObservationStore.Counts counts = ObservationStore.merge(c, now, actor, reason, importId, false);
            if (announce && counts.inserted() + counts.revised() > 0) {
                announce(c, importId, byId);
                events.verdictsMoved(verdicts, byId.values().stream().collect(Collectors.toMap(i -> i.id, i -> i.themeId)));
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            ImportReport report = new ImportReport(importId, counts.inserted() + counts.revised() == 0 ? "no_change" : "applied", rows,
                    counts.inserted(), counts.revised(), counts.unchanged(), now, actor, reason, type.mediaType, idempotencyKey);
            store(c, report, sha);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("rowsRead", rows);
            details.put("inserted", counts.inserted());
            details.put("revised", counts.revised());
            details.put("unchanged", counts.unchanged());
            details.put("mediaType", type.mediaType);
            // The figures the import wrote: each new version with its observation (its versions show
            // before and after), the first thousand listed; the audit log finds the import by figure.
            List<Map<String, Object>> figures = ObservationStore.written(c, MAX_LISTED_FIGURES + 1);
            ObservationStore.dropStaging(c);
            details.put("figures", figures.subList(0, Math.min(figures.size(), MAX_LISTED_FIGURES)));
            if (counts.inserted() + counts.revised() > MAX_LISTED_FIGURES) {
                details.put("moreFigures", counts.inserted() + counts.revised() - MAX_LISTED_FIGURES);
            }
            audit.record(actor, "import", "observation-import", importId.toString(), reason,
                    rows + " rijen: " + counts.inserted() + " nieuw, " + counts.revised() + " gecorrigeerd, " + counts.unchanged() + " ongewijzigd",
                    details);
            Log.infof("Import %s by %s: %d rows, %d inserted, %d revised, %d unchanged", importId, actor, rows, counts.inserted(),
                    counts.revised(), counts.unchanged());
            return new Result(report, false);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) && idempotencyKey != null) {
                throw new ApiException(409, "Conflict", "Een andere import met de Idempotency-Key '" + idempotencyKey
                        + "' werd tegelijk verwerkt; probeer het opnieuw.", List.of());
            }
            throw new IllegalStateException("Import failed", e);
        }
    }

    private static java.util.Set<String> stagedIndicators(Connection c) throws SQLException {
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select distinct indicator_id from import_staging"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** An event per indicator the import wrote to: how many figures it added and corrected, the first hundred corrections with their old and new value. */
    private void announce(Connection c, UUID importId, Map<String, Indicator> byId) throws SQLException {
        for (Map.Entry<String, long[]> indicator : ObservationStore.writtenPerIndicator(c).entrySet()) {
            List<Map<String, Object>> corrections = indicator.getValue()[1] == 0 ? List.of() : ObservationStore.corrections(c, indicator.getKey(), 100);
            events.imported(byId.get(indicator.getKey()), importId.toString(), indicator.getValue()[0], indicator.getValue()[1], corrections);
        }
    }

    private long stage(Connection c, InputStream in, BodyType type, ObservationValidator validator, Map<String, Indicator> byId)
            throws SQLException {
        List<InvalidRow> errors = new ArrayList<>();
        long moreErrors = 0;
        long rows = 0;
        CopyIn copy = ObservationStore.startCopy(c);
        ObservationStore.CopyLines copyLines = new ObservationStore.CopyLines();
        // The readers close what they read at its end; the body is drained (for its checksum) after them.
        InputStream shielded = new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
        try {
            Iterator<ImportRow> reader;
            AutoCloseable closeable;
            if (type == BodyType.csv) {
                // Bytes that are not UTF-8 become U+FFFF (a noncharacter), which the cell's check refuses with
                // its line and column, instead of a silent U+FFFD.
                Reader text = new InputStreamReader(shielded, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .replaceWith(StorableText.NOT_UTF8));
                Map<String, String> units = new LinkedHashMap<>();
                byId.forEach((id, indicator) -> units.put(id, indicator.unit.name()));
                CsvImportReader csv = new CsvImportReader(text, units);
                reader = csv;
                closeable = csv;
            } else {
                JsonImportReader json = new JsonImportReader(shielded, mapper);
                reader = json;
                closeable = json;
            }
            while (reader.hasNext()) {
                ImportRow row = reader.next();
                rows++;
                List<InvalidRow> rowErrors = new ArrayList<>(row.readErrors());
                if (row.input() != null) {
                    ObservationValidator.Result result = validator.validate(row.input());
                    if (result.ok() && rowErrors.isEmpty()) {
                        byte[] line = copyLines.line(row.line(), result.valid());
                        copy.writeToCopy(line, 0, line.length);
                        continue;
                    }
                    java.util.Set<String> unreadable = rowErrors.stream().map(InvalidRow::column).collect(Collectors.toSet());
                    result.faults().stream()
                            .map(f -> new InvalidRow(row.line(), row.columnOf().apply(f.field()), f.reason()))
                            .filter(e -> !unreadable.contains(e.column()))
                            .forEach(rowErrors::add);
                }
                for (InvalidRow error : rowErrors) {
                    if (errors.size() < MAX_REPORTED) {
                        errors.add(error);
                    } else {
                        moreErrors++;
                    }
                }
            }
            if (reader instanceof JsonImportReader json) {
                json.requireEnd();
            }
            drain(in);
            closeable.close();
        } catch (ImportRejectedException e) {
            List<InvalidRow> all = new ArrayList<>(errors);
            all.addAll(e.errors());
            throw new ImportRejectedException(all, moreErrors);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (copy.isActive()) {
                copy.endCopy();
            }
        }
        // Rows naming the same observation twice are found in the staging table, among the valid rows.
        for (List<Long> lines : ObservationStore.duplicates(c, MAX_REPORTED)) {
            InvalidRow duplicate = new InvalidRow(lines.get(lines.size() - 1), null, "dezelfde waarneming (indicator, periode, basisperiode, "
                    + "dimensiecodes) staat ook op regel " + lines.subList(0, lines.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(", ")));
            if (errors.size() < MAX_REPORTED) {
                errors.add(duplicate);
            } else {
                moreErrors++;
            }
        }
        if (!errors.isEmpty() || moreErrors > 0) {
            errors.sort(java.util.Comparator.comparingLong(InvalidRow::line));
            throw new ImportRejectedException(errors, moreErrors);
        }
        if (rows == 0) {
            throw new ImportRejectedException(List.of(new InvalidRow(1, null, "de import bevat geen rijen")));
        }
        return rows;
    }

    public Optional<ImportReport> find(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT_IMPORT + " where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(report(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ImportReport> list(int offset, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT_IMPORT + " order by finished_at desc, id offset ? limit ?")) {
            ps.setInt(1, offset);
            ps.setInt(2, limit);
            List<ImportReport> reports = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reports.add(report(rs));
                }
            }
            return reports;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from observation_import");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static final int MAX_LISTED_FIGURES = 1000;

    private record StoredImport(ImportReport report, String sha256) {
    }

    private static final String SELECT_IMPORT = "select id, rows_read, inserted, revised, unchanged, finished_at, actor, reason, media_type, "
            + "idempotency_key, request_sha256 from observation_import";

    private static Optional<StoredImport> findByKey(Connection c, String actor, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_IMPORT + " where actor = ? and idempotency_key = ?")) {
            ps.setString(1, actor);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredImport(report(rs), rs.getString("request_sha256"))) : Optional.empty();
            }
        }
    }

    private static ImportReport report(ResultSet rs) throws SQLException {
        long inserted = rs.getLong("inserted");
        long revised = rs.getLong("revised");
        return new ImportReport(rs.getObject("id", UUID.class), inserted + revised == 0 ? "no_change" : "applied", rs.getLong("rows_read"),
                inserted, revised, rs.getLong("unchanged"), rs.getObject("finished_at", OffsetDateTime.class), rs.getString("actor"),
                rs.getString("reason"), rs.getString("media_type"), rs.getString("idempotency_key"));
    }

    private static void store(Connection c, ImportReport report, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into observation_import (id, idempotency_key, request_sha256, actor, reason, "
                + "media_type, started_at, finished_at, rows_read, inserted, revised, unchanged) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, report.id());
            ps.setString(2, report.idempotencyKey());
            ps.setString(3, sha);
            ps.setString(4, report.recordedBy());
            ps.setString(5, report.reason());
            ps.setString(6, report.mediaType());
            ps.setObject(7, report.recordedAt());
            ps.setObject(8, report.recordedAt());
            ps.setLong(9, report.rowsRead());
            ps.setLong(10, report.inserted());
            ps.setLong(11, report.revised());
            ps.setLong(12, report.unchanged());
            ps.executeUpdate();
        }
    }

    static OffsetDateTime now(Connection c) throws SQLException {
        // The clock, not the transaction start: a writer that waited for the write lock records the moment it writes.
        try (PreparedStatement ps = c.prepareStatement("select clock_timestamp()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
