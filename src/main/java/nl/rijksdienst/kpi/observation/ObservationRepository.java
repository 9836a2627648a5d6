package nl.rijksdienst.kpi.observation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.OffsetDateTime;
import nl.rijksdienst.kpi.common.AsOf;
import nl.rijksdienst.kpi.common.PageRequest;

@ApplicationScoped
public class ObservationRepository implements PanacheRepositoryBase<Observation, Long> {

    /** Period order; a year the source does not name comes last. */
    private static final String ORDER = " order by period_start nulls last, period_end nulls last, period_code, dimension_key, coalesce(base_period_code, '')";

    private final javax.sql.DataSource dataSource;

    public ObservationRepository(javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One page of a series, in period order. A page after the first is found by its ids first (a
     * deferred join): the rows it skips are counted off in the index of the period order, which holds
     * the ids (V16), and only the page's own rows are read from the table.
     */
    public List<Observation> search(ObservationFilter filter, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        return page(where(filter, params), ORDER, page, params, ObservationRows.COLUMNS, ObservationRows::read);
    }

    /**
     * As {@link #search}, each row as its JSON in the unit given: the page's row versions (id and
     * {@code xmin}) first, the JSON kept for them, then the rows of the others, read whole and
     * rendered. Should a row be gone between the two (deleted), the page is read whole once more.
     */
    public List<byte[]> searchRendered(ObservationFilter filter, PageRequest page, RenderedRows rendered, nl.rijksdienst.kpi.indicator.Unit unit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        if (!rendered.keeps()) {
            return page(where, ORDER, page, params, RenderedRows.COLUMNS, rendered.reader(unit));
        }
        List<long[]> versions = page(where, ORDER, page, params, "id, " + RenderedRows.XMIN, rs -> new long[] {rs.getLong(1), rs.getLong(2)});
        List<byte[]> json = new ArrayList<>(versions.size());
        List<Long> missing = new ArrayList<>();
        for (long[] version : versions) {
            byte[] kept = rendered.kept(version[0], version[1], unit);
            json.add(kept);
            if (kept == null) {
                missing.add(version[0]);
            }
        }
        if (missing.isEmpty()) {
            return json;
        }
        ObservationRows.RowReader<byte[]> reader = rendered.reader(unit);
        Map<String, Object> ids = new LinkedHashMap<>();
        ids.put("ids", missing);
        Map<Long, byte[]> read;
        try (java.util.stream.Stream<Map.Entry<Long, byte[]>> rows = query("select " + RenderedRows.COLUMNS + " from observation where id in (:ids)", ids,
                rs -> Map.entry(rs.getLong(1), reader.read(rs)))) {
            read = rows.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
        for (int i = 0; i < json.size(); i++) {
            if (json.get(i) != null) {
                continue;
            }
            byte[] row = read.get(versions.get(i)[0]);
            if (row == null) {
                Map<String, Object> again = new LinkedHashMap<>();
                return page(where(filter, again), ORDER, page, again, RenderedRows.COLUMNS, reader);
            }
            json.set(i, row);
        }
        return json;
    }

    private List<Observation> page(String where, String order, PageRequest page, Map<String, Object> params) {
        return page(where, order, page, params, ObservationRows.COLUMNS, ObservationRows::read);
    }

    /**
     * One page of the rows a where clause selects, in an order, as the reader reads the columns; after
     * the first page found by its ids first (a deferred join).
     */
    private <T> List<T> page(String where, String order, PageRequest page, Map<String, Object> params, String columns, ObservationRows.RowReader<T> reader) {
        String sql = page.offset() == 0
                ? paged("select " + columns + " from observation" + where + order, page, params)
                : "select " + columns + " from observation where id in ("
                        + paged("select id from observation" + where + order, page, params) + ")" + order;
        try (java.util.stream.Stream<T> rows = query(sql, params, reader)) {
            return rows.toList();
        }
    }

    /**
     * The whole selection, read from the database as it is written out, in batches of
     * {@value #STREAM_BATCH} rows, so a download of a million rows takes the memory of a batch. Call
     * it within a transaction (a cursor needs one), and close the stream.
     */
    public java.util.stream.Stream<Observation> streamAll(ObservationFilter filter) {
        return streamAll(filter, ORDER);
    }

    /** As {@link #streamAll(ObservationFilter)}, in the order of the given {@code order by} clause. */
    java.util.stream.Stream<Observation> streamAll(ObservationFilter filter, String order) {
        Map<String, Object> params = new LinkedHashMap<>();
        return query("select " + ObservationRows.COLUMNS + " from observation" + where(filter, params) + order, params, ObservationRows::read);
    }

    static final int STREAM_BATCH = 1_000;

    /** The order of a listing across indicators: by indicator, then as a series. */
    private static final String ORDER_ACROSS = " order by indicator_id, period_start nulls last, period_end nulls last, period_code, dimension_key, coalesce(base_period_code, '')";

    /**
     * One page of the observations of several indicators ({@code filter.indicatorId()} is null;
     * {@code indicatorIds} null: all), by indicator and then in period order; a page after the first
     * through its ids, as {@link #search}.
     */
    public List<Observation> searchAcross(Collection<String> indicatorIds, ObservationFilter filter, PageRequest page) {
        if (indicatorIds != null && indicatorIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        return page(where(filter, indicatorIds, params), ORDER_ACROSS, page, params);
    }

    /** The number of observations of several indicators the filter selects. */
    public long countAcross(Collection<String> indicatorIds, ObservationFilter filter) {
        if (indicatorIds != null && indicatorIds.isEmpty()) {
            return 0;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        return countRows("select count(*) from observation" + where(filter, indicatorIds, params), params);
    }

    /** The whole selection across indicators as a stream read in batches, as {@link #streamAll(ObservationFilter)}. */
    public java.util.stream.Stream<Observation> streamAcross(Collection<String> indicatorIds, ObservationFilter filter) {
        if (indicatorIds != null && indicatorIds.isEmpty()) {
            return java.util.stream.Stream.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        return query("select " + ObservationRows.COLUMNS + " from observation" + where(filter, indicatorIds, params) + ORDER_ACROSS, params, ObservationRows::read);
    }

    /**
     * A window of the current observations that meet an SQL condition (of columns of the
     * observation table, with {@code :name} parameters; null: all), in the order of a listing
     * across indicators. For a feed whose filter is parsed into such a condition.
     */
    public List<Observation> currentWhere(String condition, Map<String, Object> params, long offset, int limit) {
        Map<String, Object> values = new LinkedHashMap<>(params);
        values.put("limit", limit);
        values.put("offset", offset);
        String sql = "select " + ObservationRows.COLUMNS + " from observation where superseded_at is null"
                + (condition == null ? "" : " and " + condition) + ORDER_ACROSS + " limit :limit offset :offset";
        try (java.util.stream.Stream<Observation> rows = query(sql, values, ObservationRows::read)) {
            return rows.toList();
        }
    }

    /** The number of current observations that meet an SQL condition, as {@link #currentWhere}. */
    public long countCurrentWhere(String condition, Map<String, Object> params) {
        return countRows("select count(*) from observation where superseded_at is null" + (condition == null ? "" : " and " + condition),
                new LinkedHashMap<>(params));
    }

    /** The periods of the selection, each once, in period order: observations with only their period set. */
    public List<Observation> periods(ObservationFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "select period_code, frequency, period_start, period_end from observation" + where(filter, params)
                + " group by period_code, frequency, period_start, period_end order by period_start nulls last, period_end nulls last, period_code";
        try (java.util.stream.Stream<Observation> rows = query(sql, params, rs -> {
            Observation o = new Observation();
            o.periodCode = rs.getString(1);
            o.frequency = nl.rijksdienst.kpi.period.Frequency.valueOf(rs.getString(2));
            o.periodStart = rs.getObject(3, java.time.LocalDate.class);
            o.periodEnd = rs.getObject(4, java.time.LocalDate.class);
            return o;
        })) {
            return rows.toList();
        }
    }

    /** The number of observations the filter selects. */
    public long count(ObservationFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return countRows("select count(*) from observation" + where(filter, params), params);
    }

    /**
     * The pairs a change is computed from, in period order: each point value (exact or approximate)
     * of the selection with the point value it is compared with (its period and value only), of the
     * same series (dimension codes and base period) and kind of period, among the same selected versions: for
     * {@code previousPeriod} the period that ends the day before it starts (2024 against 2023,
     * 2025-Q1 against 2024-Q4), for {@code yearAgo} the one that starts a year earlier (2025-Q3
     * against 2024-Q3). {@code from}/{@code to} limit the compared period, not its base, which may
     * lie before {@code from}. Read as a stream (within a transaction, closed after use) with
     * {@code page} null, else one page.
     */
    public java.util.stream.Stream<Observation[]> changePairs(ObservationFilter filter, ChangeCalculator.Basis basis, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = pairs(filter, basis, params)
                + " order by o.period_start nulls last, o.period_end nulls last, o.period_code, o.dimension_key, coalesce(o.base_period_code, '')";
        return query(page == null ? sql : paged(sql, page, params), params, ObservationRows::readPair);
    }

    /** The number of pairs {@link #changePairs} gives. */
    public long countChangePairs(ObservationFilter filter, ChangeCalculator.Basis basis) {
        Map<String, Object> params = new LinkedHashMap<>();
        return countRows("select count(*) from (" + pairs(filter, basis, params) + ") p", params);
    }

    /** The rows of a query as a stream that holds its connection until closed; read in batches (a cursor, within a transaction). */
    private <T> java.util.stream.Stream<T> query(String sql, Map<String, Object> params, ObservationRows.RowReader<T> reader) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            PreparedStatement ps = nl.rijksdienst.kpi.common.NamedParameters.prepare(c, sql, params);
            ps.setFetchSize(STREAM_BATCH);
            Connection connection = c;
            return ObservationRows.rows(ps, reader).onClose(() -> {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    e.addSuppressed(ignored);
                }
            }
            throw new IllegalStateException("Cannot read the observations", e);
        }
    }

    private long countRows(String sql, Map<String, Object> params) {
        try (java.util.stream.Stream<Long> rows = query(sql, params, rs -> rs.getLong(1))) {
            return rows.findFirst().orElseThrow();
        }
    }

    /** The query limited to one page. */
    private static String paged(String sql, PageRequest page, Map<String, Object> params) {
        params.put("limit", page.pageSize());
        params.put("offset", (long) page.offset());
        return sql + " limit :limit offset :offset";
    }

    private static String pairs(ObservationFilter filter, ChangeCalculator.Basis basis, Map<String, Object> params) {
        // the selection but its period limits, which apply to the compared period only
        ObservationFilter series = new ObservationFilter(filter.indicatorId(), null, null, filter.statuses(), filter.dimensions(), filter.asOf(), null,
                filter.statedBy(), filter.dimensionKeys());
        // One pass over the selection, a series at a time in period order: the base is the row before
        // (previousPeriod; it must end the day before) or the row that starts exactly a year earlier
        // (yearAgo, a frame of that one day).
        String frame = switch (basis) {
            case previousPeriod -> "lag(%s) over w";
            case yearAgo -> "first_value(%s) over (w range between interval '1 year' preceding and interval '1 year' preceding)";
        };
        String adjacent = switch (basis) {
            case previousPeriod -> "o.base_end = o.period_start - 1";
            case yearAgo -> "o.base_start = (o.period_start - interval '1 year')::date";
        };
        StringBuilder sql = new StringBuilder("select ").append(ObservationRows.COLUMNS.replaceAll("([a-z_]+)", "o.$1"))
                .append(", o.base_code, o.base_start, o.base_end, o.base_value, o.base_qualifier from (select s.*, ")
                .append(frame.formatted("period_code")).append(" as base_code, ").append(frame.formatted("period_start")).append(" as base_start, ")
                .append(frame.formatted("period_end")).append(" as base_end, ").append(frame.formatted("value")).append(" as base_value, ")
                .append(frame.formatted("qualifier")).append(" as base_qualifier from (select * from observation").append(where(series, params))
                .append(") s window w as (partition by dimension_key, frequency, coalesce(base_period_code, '') order by period_start)) o")
                .append(" where o.frequency <> 'interval' and o.period_start is not null and o.qualifier in ('exact', 'approximate') and o.value is not null")
                .append(" and o.base_qualifier in ('exact', 'approximate') and o.base_value is not null and ").append(adjacent);
        if (filter.from() != null) {
            sql.append(" and o.period_start >= :fromStart");
            params.put("fromStart", filter.from().start());
        }
        if (filter.to() != null) {
            sql.append(" and o.period_end <= :toEnd");
            params.put("toEnd", filter.to().end());
        }
        return sql.toString();
    }

    /** The versions of the given indicators' observations public on the day of {@code asOf} (null: the current ones), in one query. */
    public List<Observation> listByIndicators(Collection<String> indicatorIds, OffsetDateTime asOf) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        if (asOf == null) {
            return list("indicatorId in ?1 and supersededAt is null order by periodEnd, periodStart", indicatorIds);
        }
        return list("indicatorId in ?1 and publishedOn <= ?2 and (supersededOn is null or supersededOn > ?2) order by periodEnd, periodStart",
                indicatorIds, AsOf.day(asOf));
    }

    /** The version of one observation public on the day of {@code asOf} (null: the current one). */
    public Optional<Observation> findVersion(String indicatorId, long observationId, OffsetDateTime asOf) {
        if (asOf == null) {
            return find("indicatorId = ?1 and observationId = ?2 and supersededAt is null", indicatorId, observationId).firstResultOptional();
        }
        return find("indicatorId = ?1 and observationId = ?2 and publishedOn <= ?3 and (supersededOn is null or supersededOn > ?3)",
                indicatorId, observationId, AsOf.day(asOf)).firstResultOptional();
    }

    /** Every version of one observation, oldest first. */
    public List<Observation> versions(String indicatorId, long observationId) {
        return list("indicatorId = ?1 and observationId = ?2 order by version", indicatorId, observationId);
    }

    private static String where(ObservationFilter filter, Map<String, Object> params) {
        return where(filter, null, params);
    }

    /**
     * The where clause of a selection: of the filter's indicator, or where it names none of the
     * indicators named ({@code indicatorIds} null: of every indicator).
     */
    private static String where(ObservationFilter filter, Collection<String> indicatorIds, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (filter.indicatorId() != null) {
            clauses.add("indicator_id = :indicatorId");
            params.put("indicatorId", filter.indicatorId());
        } else if (indicatorIds != null) {
            clauses.add("indicator_id in (:indicatorIds)");
            params.put("indicatorIds", indicatorIds);
        }
        if (filter.asOf() == null) {
            clauses.add("superseded_at is null");
        } else {
            // what was public on that day, on every instance alike
            clauses.add("published_on <= :asOf and (superseded_on is null or superseded_on > :asOf)");
            params.put("asOf", AsOf.day(filter.asOf()));
        }
        if (filter.from() != null) {
            clauses.add("period_start >= :fromStart");
            params.put("fromStart", filter.from().start());
        }
        if (filter.to() != null) {
            clauses.add("period_end <= :toEnd");
            params.put("toEnd", filter.to().end());
        }
        if (!filter.statuses().isEmpty()) {
            clauses.add("status in (:statuses)");
            params.put("statuses", filter.statuses().stream().map(ObservationStatus::code).toList());
        }
        if (filter.statedBy() != null && !filter.statedBy().isEmpty()) {
            clauses.add("stated_by in (:statedBy)");
            params.put("statedBy", filter.statedBy().stream().map(Speaker::name).toList());
        }
        int i = 0;
        if (filter.dimensionKeys() != null) {
            clauses.add("dimension_key in (:dimensionKeys)");
            params.put("dimensionKeys", filter.dimensionKeys());
        }
        for (Map.Entry<String, List<String>> dimension : filter.dimensionKeys() != null ? Map.<String, List<String>>of().entrySet() : filter.dimensions().entrySet()) {
            clauses.add("jsonb_extract_path_text(dimensions, :dim" + i + ") in (:codes" + i + ")");
            params.put("dim" + i, dimension.getKey());
            params.put("codes" + i, dimension.getValue());
            i++;
        }
        String where = " where " + String.join(" and ", clauses);
        if (filter.lastN() != null) {
            // The last N of each series among the selected versions: a window over the same filter.
            params.put("lastN", filter.lastN());
            return " where id in (select id from (select id, row_number() over (partition by frequency, dimension_key "
                    + "order by period_end desc nulls last, period_start desc nulls last) as position from observation" + where + ") ranked where position <= :lastN)";
        }
        return where;
    }
}
