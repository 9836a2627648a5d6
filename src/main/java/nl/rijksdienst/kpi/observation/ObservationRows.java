package nl.rijksdienst.kpi.observation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.rijksdienst.kpi.period.Frequency;
import nl.rijksdienst.kpi.source.PublicationBasis;

/**
 * Observations read for an answer, straight from JDBC: detached, read-only {@link Observation}s
 * without the persistence context's bookkeeping (hydration, snapshots for dirty checking, a copy
 * of each row's jsonb), which is most of the cost of a page at volume. The columns are those of
 * the entity's mapping; {@code ObservationRowsTest} checks both read the same.
 */
final class ObservationRows {

    static final String COLUMNS = "id, indicator_id, period_code, frequency, period_start, period_end, base_period_code, base_period_start, "
            + "base_period_end, dimension_key, qualifier, value, value_low, value_high, value_text, status, series_break, note_nl, note_en, "
            + "source_id, section, question, quote, origin_source_id, stated_by, stated_by_name, response_stance, response_section, "
            + "response_quote, observation_id, version, recorded_at, recorded_by, reason, import_id, superseded_at, published_on, "
            + "publication_basis, superseded_on";

    private ObservationRows() {
    }

    static final int COLUMN_COUNT = 39;

    /** The observation in the first {@value #COLUMN_COUNT} columns ({@link #COLUMNS}). */
    static Observation read(ResultSet rs) throws SQLException {
        Observation o = detached();
        o.id = rs.getLong(1);
        o.indicatorId = rs.getString(2);
        o.periodCode = rs.getString(3);
        o.frequency = enumOf(FREQUENCIES, rs.getString(4));
        o.periodStart = rs.getObject(5, LocalDate.class);
        o.periodEnd = rs.getObject(6, LocalDate.class);
        o.basePeriodCode = rs.getString(7);
        o.basePeriodStart = rs.getObject(8, LocalDate.class);
        o.basePeriodEnd = rs.getObject(9, LocalDate.class);
        o.dimensionKey = rs.getString(10);
        o.dimensions = dimensions(o.dimensionKey);
        o.qualifier = enumOf(QUALIFIERS, rs.getString(11));
        o.value = rs.getBigDecimal(12);
        o.valueLow = rs.getBigDecimal(13);
        o.valueHigh = rs.getBigDecimal(14);
        o.valueText = rs.getString(15);
        String status = rs.getString(16);
        o.status = status == null ? null : ObservationStatus.fromCode(status).orElseThrow(() -> new IllegalStateException("status " + status));
        o.seriesBreak = rs.getBoolean(17);
        o.noteNl = rs.getString(18);
        o.noteEn = rs.getString(19);
        o.sourceId = rs.getString(20);
        o.section = rs.getString(21);
        o.question = rs.getString(22);
        o.quote = rs.getString(23);
        o.originSourceId = rs.getString(24);
        o.statedBy = enumOf(SPEAKERS, rs.getString(25));
        o.statedByName = rs.getString(26);
        o.responseStance = enumOf(STANCES, rs.getString(27));
        o.responseSection = rs.getString(28);
        o.responseQuote = rs.getString(29);
        o.observationId = rs.getLong(30);
        o.version = rs.getInt(31);
        o.recordedAt = rs.getObject(32, OffsetDateTime.class);
        o.recordedBy = rs.getString(33);
        o.reason = rs.getString(34);
        o.importId = rs.getObject(35, java.util.UUID.class);
        o.supersededAt = rs.getObject(36, OffsetDateTime.class);
        o.publishedOn = rs.getObject(37, LocalDate.class);
        o.publicationBasis = enumOf(PUBLICATION_BASES, rs.getString(38));
        o.supersededOn = rs.getObject(39, LocalDate.class);
        return o;
    }

    /**
     * A new observation that records no changes: the entity's enhanced fields would otherwise note
     * every field set here as dirty, which no one will ever ask, at a cost on every row.
     */
    private static Observation detached() {
        Observation o = new Observation();
        if ((Object) o instanceof org.hibernate.engine.spi.SelfDirtinessTracker tracker) {
            tracker.$$_hibernate_suspendDirtyTracking(true);
        }
        return o;
    }

    /**
     * The dimension codes, from the dimension key ({@link Observation#dimensionKey}): {@code a=x;b=y}
     * holds the same pairs as the jsonb column, and a dimension id (lowerCamelCase) or code
     * (kebab-case) has neither {@code =} nor {@code ;}.
     */
    static Map<String, String> dimensions(String key) {
        Map<String, String> dimensions = new TreeMap<>();
        if (key == null || key.isEmpty()) {
            return dimensions;
        }
        int start = 0;
        while (start < key.length()) {
            int end = key.indexOf(';', start);
            if (end < 0) {
                end = key.length();
            }
            int eq = key.indexOf('=', start);
            dimensions.put(key.substring(start, eq), key.substring(eq + 1, end));
            start = end + 1;
        }
        return dimensions;
    }

    private static final Frequency[] FREQUENCIES = Frequency.values();
    private static final Qualifier[] QUALIFIERS = Qualifier.values();
    private static final Speaker[] SPEAKERS = Speaker.values();
    private static final Stance[] STANCES = Stance.values();
    private static final PublicationBasis[] PUBLICATION_BASES = PublicationBasis.values();

    /**
     * The constant of that name, as {@link Enum#valueOf}: found by comparing with the few names there
     * are, which costs less than hashing each row's newly read text to look it up.
     */
    static <E extends Enum<E>> E enumOf(E[] constants, String name) {
        if (name == null) {
            return null;
        }
        for (E constant : constants) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("No constant " + name + " of " + constants.getClass().getComponentType().getSimpleName());
    }

    /**
     * A change's pair: the row's observation ({@link #COLUMNS}), then its base's period code, start
     * and end, value and qualifier (the base has only these).
     */
    static Observation[] readPair(ResultSet rs) throws SQLException {
        Observation base = detached();
        base.periodCode = rs.getString(COLUMN_COUNT + 1);
        base.periodStart = rs.getObject(COLUMN_COUNT + 2, LocalDate.class);
        base.periodEnd = rs.getObject(COLUMN_COUNT + 3, LocalDate.class);
        base.value = rs.getBigDecimal(COLUMN_COUNT + 4);
        base.qualifier = enumOf(QUALIFIERS, rs.getString(COLUMN_COUNT + 5));
        return new Observation[] {read(rs), base};
    }

    /** Reads one row of a result. */
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of an executed statement as a stream that closes the statement when it is closed. */
    static <T> Stream<T> rows(PreparedStatement statement, RowReader<T> reader) throws SQLException {
        ResultSet rs = statement.executeQuery();
        Spliterator<T> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                try {
                    if (!rs.next()) {
                        return false;
                    }
                    action.accept(reader.read(rs));
                    return true;
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot read the observations", e);
                }
            }
        };
        return StreamSupport.stream(rows, false).onClose(() -> {
            try {
                statement.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
