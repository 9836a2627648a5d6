package nl.rijksdienst.kpi.importing;

import nl.rijksdienst.kpi.common.Problem.InvalidRow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Memory for the sorts and hashes of a bulk merge, for the rest of the transaction: with the
     * default 4 MB a merge of 40,000 rows wrote its hash tables to disk in batches. One import merges
     * at a time (the writers' lock), so this is taken once, not per connection.
     */
    static void bulkMemory(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local work_mem = '64MB'");
        }
    }

    static CopyIn startCopy(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy import_staging (line, " + COLUMNS + ") from stdin with (format csv)");
    }

    /**
     * Writes rows as lines of PostgreSQL's CSV format for COPY, one printer and one buffer for all the
     * rows of an import (a printer per row, writing into a {@code StringWriter}, was most of the time
     * an import spent in Java).
     */
    static final class CopyLines {
        private final StringBuilder buffer = new StringBuilder(512);
        private final CSVPrinter printer;

        CopyLines() {
            try {
                printer = new CSVPrinter(buffer, COPY_FORMAT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] line(long line, Valid v) {
            buffer.setLength(0);
            try {
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
            return buffer.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Stages one row, for a single write: the same COPY as an import, one line long. */
    static void stageOne(Connection c, Valid v) throws SQLException {
        CopyIn copy = startCopy(c);
        byte[] line = new CopyLines().line(1, v);
        copy.writeToCopy(line, 0, line.length);
        copy.endCopy();
    }

    private static final String NATURAL_KEY = "indicator_id, period_start, period_end, base_period_start, base_period_end, dimension_key";

    /** Rows of the import that name the same observation twice: the line numbers of each group. */
    static List<List<Long>> duplicates(Connection c, int limit) throws SQLException {
        // First only whether there are any, which a hashed count answers; the groups' lines in order
        // (a sorted aggregate, three times as slow) only for an import that has them.
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1 from import_staging group by " + NATURAL_KEY + " having count(*) > 1 limit 1")) {
            if (!rs.next()) {
                return List.of();
            }
        }
        List<List<Long>> groups = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select array_agg(line order by line) from import_staging "
                + "group by " + NATURAL_KEY + " having count(*) > 1 order by min(line) limit ?")) {
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
        // Statistics for the planner of the columns the merge joins on: all 31 columns took four times as long.
        try (PreparedStatement ps = c.prepareStatement("analyze import_staging (line, " + NATURAL_KEY + ", source_id, origin_source_id)")) {
            ps.execute();
        }
        // Each row with the day it became public: the date of the document it comes from (the origin
        // the source quotes), else of its source, else the source's earliest possible date, else today;
        // then matched with the current version of its observation, among the current rows of the
        // indicators the import names only (not a scan of every observation); then the observation
        // and version it is written as: a new observation gets its number here, in the order of the lines.
        try (PreparedStatement ps = c.prepareStatement("create temp table import_merge on commit drop as "
                + "select line, indicator_id, period_code, published_on, publication_basis, current_row, outcome, "
                + "case when outcome = 'new' then nextval('observation_identity_seq') else observation_id end as observation_id, "
                + "case when outcome = 'same' then version else coalesce(version, 0) + 1 end as version from ("
                + "select s.line, s.indicator_id, s.period_code, s.published_on, s.publication_basis, o.id as current_row, o.observation_id, o.version, "
                + "case when o.id is null then 'new' "
                + "when (" + content("o") + ") is not distinct from (" + content("s") + ") then 'same' "
                + "else 'changed' end as outcome "
                + "from (select st.*, coalesce(os.publication_date, so.publication_date, so.earliest_publication_date, ?) as published_on, "
                + "case when os.publication_date is not null then 'origin_source_date' when so.publication_date is not null then 'source_date' "
                + "when so.earliest_publication_date is not null then 'earliest_possible' else 'recorded' end as publication_basis "
                + "from import_staging st left join source so on so.id = st.source_id left join source os on os.id = st.origin_source_id) s "
                + "left join observation o on o.superseded_at is null "
                + "and o.indicator_id = any (array(select distinct indicator_id from import_staging)) and " + sameCurrentRow("o", "s")
                + ") matched order by line")) {
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
                + "select m.observation_id, m.version, "
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
                    ResultSet rs = s.executeQuery("select line, outcome, observation_id, version from import_merge order by line")) {
                while (rs.next()) {
                    outcomes.add(new Outcome(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4)));
                }
            }
        }
        return new Counts(inserted, revised, unchanged, outcomes);
    }

    /** What the last merge wrote to each indicator: its new observations and its corrections (indicator, new, corrected), by indicator. */
    static java.util.SortedMap<String, long[]> writtenPerIndicator(Connection c) throws SQLException {
        java.util.SortedMap<String, long[]> counts = new java.util.TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select indicator_id, count(*) filter (where outcome = 'new'), count(*) filter (where outcome = 'changed') "
                        + "from import_merge where outcome <> 'same' group by indicator_id")) {
            while (rs.next()) {
                counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return counts;
    }

    /** The first {@code limit} figures the last merge wrote, by observation number: observation, indicator, period and the version written. */
    static List<Map<String, Object>> written(Connection c, int limit) throws SQLException {
        List<Map<String, Object>> figures = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select observation_id, indicator_id, period_code, version from import_merge "
                + "where outcome <> 'same' order by observation_id limit ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> figure = new LinkedHashMap<>();
                    figure.put("observationId", rs.getLong(1));
                    figure.put("indicatorId", rs.getString(2));
                    figure.put("period", rs.getString(3));
                    figure.put("version", rs.getInt(4));
                    figures.add(figure);
                }
            }
        }
        return figures;
    }

    /** The first {@code limit} corrections the last merge made to an indicator's figures, with the value before and after. */
    static List<Map<String, Object>> corrections(Connection c, String indicatorId, int limit) throws SQLException {
        List<Map<String, Object>> corrections = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select m.observation_id, m.period_code, m.version, o.qualifier, o.value, o.value_low, o.value_high, "
                + "o.value_text, s.qualifier, s.value, s.value_low, s.value_high, s.value_text from import_merge m "
                + "join observation o on o.id = m.current_row join import_staging s using (line) "
                + "where m.outcome = 'changed' and m.indicator_id = ? order by m.observation_id limit ?")) {
            ps.setString(1, indicatorId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> correction = new LinkedHashMap<>();
                    correction.put("observationId", rs.getLong(1));
                    correction.put("period", rs.getString(2));
                    correction.put("version", rs.getInt(3));
                    correction.put("before", value(rs, 4));
                    correction.put("after", value(rs, 9));
                    corrections.add(correction);
                }
            }
        }
        return corrections;
    }

    private static Map<String, Object> value(ResultSet rs, int first) throws SQLException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("qualifier", rs.getString(first));
        value.put("value", rs.getBigDecimal(first + 1));
        value.put("valueLow", rs.getBigDecimal(first + 2));
        value.put("valueHigh", rs.getBigDecimal(first + 3));
        value.put("valueText", rs.getString(first + 4));
        return value;
    }

    /** Drops the staging and merge tables (they would go at commit; a transaction may stage again before that). */
    static void dropStaging(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("drop table if exists import_merge");
            s.execute("drop table import_staging");
        }
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
