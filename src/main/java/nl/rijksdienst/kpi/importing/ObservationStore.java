package nl.rijksdienst.kpi.importing;

import nl.rijksdienst.kpi.common.Problem.InvalidRow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.rijksdienst.kpi.observation.ObservationValidator.Valid;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes observations set-wise: rows go into a temporary staging table (by COPY for imports), are
 * matched with the current versions by their natural key (indicator, period, base period, dimension
 * codes), and then each is new (inserted as version 1), the same (left alone) or changed (the
 * current version is superseded and the row inserted as the next version). Nothing is overwritten.
 */
final class ObservationStore {

    private static final String COLUMNS = "indicator_id, period_code, frequency, period_start, period_end, base_period_code, "
            + "base_period_start, base_period_end, dimensions, dimension_key, qualifier, value, value_low, value_high, value_text, status, "
            + "series_break, note_nl, note_en, source_id, section, question, quote, origin_source_id, stated_by, stated_by_name, response_stance, response_section, "
            + "response_quote, reason";
    /** What makes a row a new version: its period code too, so that 2027 in place of 2027-Q1/2027-Q4 is recorded. */
    private static final String CONTENT = "period_code, frequency, base_period_code, qualifier, value, value_low, value_high, value_text, status, series_break, note_nl, note_en, "
            + "source_id, section, question, quote, origin_source_id, stated_by, stated_by_name, response_stance, response_section, response_quote, "
            + "publication_basis";
    /**
     * The day a version became public is part of its content too (a source's date that is corrected
     * makes a new version), except where it is only the day it was recorded: that is not a change.
     */
    private static String content(String alias) {
        return java.util.Arrays.stream(CONTENT.split(", ")).map(col -> alias + "." + col).collect(java.util.stream.Collectors.joining(", "))
                + ", case when " + alias + ".publication_basis = 'recorded' then null else " + alias + ".published_on end";
    }
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat COPY_FORMAT = CSVFormat.POSTGRESQL_CSV;

    /** The outcome of a merge. {@code outcomes} holds, for a single-row write, what happened and to which observation. */
    record Counts(long inserted, long revised, long unchanged, List<Outcome> outcomes) {
    }

    record Outcome(long line, String outcome, Long observationId, Integer version) {
    }

    private ObservationStore() {
    }

    static void createStaging(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create temp table import_staging (line bigint not null, indicator_id text, period_code text, frequency text, "
                    + "period_start date, period_end date, base_period_code text, base_period_start date, base_period_end date, "
                    + "dimensions jsonb, dimension_key text, qualifier text, value numeric, value_low numeric, value_high numeric, "
                    + "value_text text, status text, series_break boolean, note_nl text, note_en text, source_id text, section text, "
                    + "question text, quote text, origin_source_id text, stated_by text, stated_by_name text, response_stance text, response_section text, response_quote text, reason text) "
                    + "on commit drop");
        }
    }

    static CopyIn startCopy(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy import_staging (line, " + COLUMNS + ") from stdin with (format csv)");
    }

    static byte[] copyLine(long line, Valid v) {
        StringWriter out = new StringWriter(256);
        try (CSVPrinter printer = new CSVPrinter(out, COPY_FORMAT)) {
            printer.printRecord(line, v.indicator().id, v.period().code(), v.period().frequency().name(), v.period().start(), v.period().end(),
                    v.basePeriod() == null ? null : v.basePeriod().code(), v.basePeriod() == null ? null : v.basePeriod().start(),
                    v.basePeriod() == null ? null : v.basePeriod().end(), json(v), v.dimensionKey(), v.qualifier().name(),
                    plain(v.value()), plain(v.valueLow()), plain(v.valueHigh()), v.valueText(), v.status().code(), v.seriesBreak(),
                    v.noteNl(), v.noteEn(), v.citation().sourceId(), v.citation().section(), v.citation().question(), v.citation().quote(),
                    v.citation().originSourceId(), v.citation().statedBy() == null ? null : v.citation().statedBy().name(),
                    v.citation().statedByName(), v.citation().response() == null ? null : v.citation().response().stance().name(),
                    v.citation().response() == null ? null : v.citation().response().section(),
                    v.citation().response() == null ? null : v.citation().response().quote(), v.reason());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Stages one row, for a single write: the same COPY as an import, one line long. */
    static void stageOne(Connection c, Valid v) throws SQLException {
        CopyIn copy = startCopy(c);
        byte[] line = copyLine(1, v);
        copy.writeToCopy(line, 0, line.length);
        copy.endCopy();
    }

    /** Rows of the import that name the same observation twice: the line numbers of each group. */
    static List<List<Long>> duplicates(Connection c, int limit) throws SQLException {
        List<List<Long>> groups = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select array_agg(line order by line) from import_staging "
                + "group by indicator_id, period_start, period_end, base_period_start, base_period_end, dimension_key having count(*) > 1 "
                + "order by min(line) limit ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long[] lines = (Long[]) rs.getArray(1).getArray();
                    groups.add(List.of(lines));
                }
            }
        }
        return groups;
    }

    /**
     * Merges the staging table into the observations.
     *
     * @param reason       the import's reason, for rows that give none
     * @param keepOutcomes whether to return the outcome of each row (single-row writes)
     */
    static Counts merge(Connection c, OffsetDateTime now, String actor, String reason, UUID importId, boolean keepOutcomes) throws SQLException {
        LocalDate today = now.atZoneSameInstant(nl.rijksdienst.kpi.common.ClockProducer.NETHERLANDS).toLocalDate();
        try (PreparedStatement ps = c.prepareStatement("analyze import_staging")) {
            ps.execute();
        }
        // Each row with the day it became public: the date of the document it comes from (the origin
        // the source quotes), else of its source, else the source's earliest possible date, else today;
        // then matched with the current version of its observation.
        try (PreparedStatement ps = c.prepareStatement("create temp table import_merge on commit drop as "
                + "select s.line, s.published_on, s.publication_basis, o.id as current_row, o.observation_id, o.version, "
                + "case when o.id is null then 'new' "
                + "when (" + content("o") + ") is not distinct from (" + content("s") + ") then 'same' "
                + "else 'changed' end as outcome "
                + "from (select st.*, coalesce(os.publication_date, so.publication_date, so.earliest_publication_date, ?) as published_on, "
                + "case when os.publication_date is not null then 'origin_source_date' when so.publication_date is not null then 'source_date' "
                + "when so.earliest_publication_date is not null then 'earliest_possible' else 'recorded' end as publication_basis "
                + "from import_staging st left join source so on so.id = st.source_id left join source os on os.id = st.origin_source_id) s "
                + "left join observation o on o.superseded_at is null and " + sameCurrentRow("o", "s"))) {
            ps.setObject(1, today);
            ps.execute();
        }
        if (reason == null) {
            List<InvalidRow> missing = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select m.line from import_merge m join import_staging s using (line) "
                            + "where m.outcome = 'changed' and s.reason is null order by m.line limit 1000")) {
                while (rs.next()) {
                    missing.add(new InvalidRow(rs.getLong(1), "reason", "de rij corrigeert een bestaande waarde en noemt geen reden; "
                            + "geef een kolom reason of de parameter reason"));
                }
            }
            if (!missing.isEmpty()) {
                throw new ImportRejectedException(missing);
            }
        }
        Timestamp at = Timestamp.from(now.toInstant());
        try (PreparedStatement ps = c.prepareStatement("update observation o set superseded_at = ?, superseded_on = m.published_on "
                + "from import_merge m where m.outcome = 'changed' and o.id = m.current_row")) {
            ps.setTimestamp(1, at);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into observation (observation_id, version, " + COLUMNS
                + ", published_on, publication_basis, recorded_at, recorded_by, import_id) "
                + "select coalesce(m.observation_id, nextval('observation_identity_seq')), coalesce(m.version, 0) + 1, "
                + java.util.Arrays.stream(COLUMNS.split(", ")).map(col -> col.equals("reason") ? "coalesce(s.reason, ?)" : "s." + col)
                        .collect(java.util.stream.Collectors.joining(", "))
                + ", m.published_on, m.publication_basis, ?, ?, ? from import_staging s join import_merge m using (line) where m.outcome <> 'same'")) {
            ps.setString(1, reason);
            ps.setTimestamp(2, at);
            ps.setString(3, actor);
            if (importId == null) {
                ps.setNull(4, Types.OTHER);
            } else {
                ps.setObject(4, importId);
            }
            ps.executeUpdate();
        }
        long inserted = 0;
        long revised = 0;
        long unchanged = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select outcome, count(*) from import_merge group by outcome")) {
            while (rs.next()) {
                switch (rs.getString(1)) {
                    case "new" -> inserted = rs.getLong(2);
                    case "changed" -> revised = rs.getLong(2);
                    default -> unchanged = rs.getLong(2);
                }
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        if (keepOutcomes) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select m.line, m.outcome, o.observation_id, o.version from import_merge m "
                            + "join import_staging st using (line) join observation o on o.superseded_at is null and " + sameCurrentRow("o", "st")
                            + " order by m.line")) {
                while (rs.next()) {
                    outcomes.add(new Outcome(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4)));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("drop table import_merge");
            s.execute("drop table import_staging");
        }
        return new Counts(inserted, revised, unchanged, outcomes);
    }

    /**
     * The row of {@code staged} and the current observation {@code current} are the same observation:
     * one series, one time span (2027 and 2027-Q1/2027-Q4 name the same one; a year the source does not
     * name has no first or last day). Written as the expressions of the unique index
     * {@code observation_current_span} (V13), equalities the planner can hash or look up in that index;
     * {@code is not distinct from} on the days could only be checked pair by pair, which made an import
     * into a series of many periods quadratic in them.
     */
    static String sameCurrentRow(String current, String staged) {
        StringBuilder sql = new StringBuilder(current + ".indicator_id = " + staged + ".indicator_id and " + current + ".dimension_key = " + staged + ".dimension_key");
        for (String day : new String[] {"period_start", "period_end", "base_period_start", "base_period_end"}) {
            sql.append(" and coalesce(").append(current).append('.').append(day).append(", date '0001-01-01') = coalesce(")
                    .append(staged).append('.').append(day).append(", date '0001-01-01')");
        }
        return sql.toString();
    }

    private static String json(Valid v) {
        try {
            return JSON.writeValueAsString(v.dimensions());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
