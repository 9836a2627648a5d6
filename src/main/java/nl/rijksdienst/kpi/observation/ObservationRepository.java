package nl.rijksdienst.kpi.observation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
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

    /** One page of a series, in period order. */
    @SuppressWarnings("unchecked")
    public List<Observation> search(ObservationFilter filter, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        Query query = getEntityManager().createNativeQuery("select * from observation" + where + ORDER, Observation.class);
        params.forEach(query::setParameter);
        return query.setFirstResult(page.offset()).setMaxResults(page.pageSize()).getResultList();
    }

    /**
     * The whole selection, read from the database as it is written out: fetched in batches and let
     * go of as it goes (the persistence context is cleared every batch), so a download of a million
     * rows takes the memory of a batch. Call it within a transaction, and close the stream.
     */
    @SuppressWarnings("unchecked")
    public java.util.stream.Stream<Observation> streamAll(ObservationFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        org.hibernate.query.NativeQuery<Observation> query = getEntityManager().unwrap(org.hibernate.Session.class)
                .createNativeQuery("select * from observation" + where + ORDER, Observation.class);
        params.forEach(query::setParameter);
        query.setFetchSize(STREAM_BATCH).setReadOnly(true);
        java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
        return query.getResultStream().peek(o -> {
            if (read.incrementAndGet() % STREAM_BATCH == 0) {
                getEntityManager().clear();
            }
        });
    }

    static final int STREAM_BATCH = 1_000;

    /** The number of observations the filter selects. */
    public long count(ObservationFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        Query query = getEntityManager().createNativeQuery("select count(*) from observation" + where, Long.class);
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
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
        List<String> clauses = new ArrayList<>();
        clauses.add("indicator_id = :indicatorId");
        params.put("indicatorId", filter.indicatorId());
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
        for (Map.Entry<String, List<String>> dimension : filter.dimensions().entrySet()) {
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
