package nl.rijksdienst.kpi.observation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.common.PageRequest;

@ApplicationScoped
public class ObservationRepository implements PanacheRepositoryBase<Observation, Long> {

    private static final String ORDER = " order by period_start, period_end, dimension_key, coalesce(base_period_code, '')";

    /** One page of a series, in period order. */
    @SuppressWarnings("unchecked")
    public List<Observation> search(ObservationFilter filter, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        Query query = getEntityManager().createNativeQuery("select * from observation" + where + ORDER, Observation.class);
        params.forEach(query::setParameter);
        return query.setFirstResult(page.offset()).setMaxResults(page.pageSize()).getResultList();
    }

    /** The number of observations the filter selects. */
    public long count(ObservationFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        Query query = getEntityManager().createNativeQuery("select count(*) from observation" + where, Long.class);
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** All observations of the given indicators, in one query (for norm checks and the scorecard). */
    public List<Observation> listByIndicators(Collection<String> indicatorIds) {
        return indicatorIds.isEmpty() ? List.of() : list("indicatorId in ?1 order by periodEnd, periodStart", indicatorIds);
    }

    private static String where(ObservationFilter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add("indicator_id = :indicatorId");
        params.put("indicatorId", filter.indicatorId());
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
        int i = 0;
        for (Map.Entry<String, List<String>> dimension : filter.dimensions().entrySet()) {
            clauses.add("jsonb_extract_path_text(dimensions, :dim" + i + ") in (:codes" + i + ")");
            params.put("dim" + i, dimension.getKey());
            params.put("codes" + i, dimension.getValue());
            i++;
        }
        return " where " + String.join(" and ", clauses);
    }
}
