package nl.rijksdienst.kpi.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import nl.rijksdienst.kpi.common.Problem;

/** Reads the events: newest first, filtered by theme, indicator, norm, kind and the last id a reader saw. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EventService {

    /** What to read; null means any. {@code after}: only events with a higher id. */
    public record Filter(String themeId, String indicatorId, String normId, String kind, Long after) {
    }

    private static final String COLUMNS = "select id, occurred_at, kind, theme_id, indicator_id, norm_id, path, title_nl, title_en, sentence_nl, sentence_en, "
            + "cast(data as text) from event";

    private final EntityManager em;
    private final ObjectMapper json;

    public EventService(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Checks a filter's values against what exists; every fault is reported. */
    public Filter validate(String themeId, String indicatorId, String normId, String kind, String after) {
        List<Problem.InvalidParam> faults = new ArrayList<>();
        exists("theme", "theme", themeId, "/themes", faults);
        exists("indicator", "indicator", indicatorId, "/indicators", faults);
        exists("norm", "norm", normId, "/norms", faults);
        if (kind != null && !EventLog.KINDS.contains(kind)) {
            faults.add(new Problem.InvalidParam("kind", "'" + kind + "' is geen soort gebeurtenis; kies uit " + String.join(", ", EventLog.KINDS)));
        }
        Long since = null;
        if (after != null) {
            try {
                since = Long.parseLong(after);
                if (since < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                faults.add(new Problem.InvalidParam("after", "'" + after + "' is geen identificatie van een gebeurtenis (een geheel getal vanaf 0)"));
            }
        }
        if (!faults.isEmpty()) {
            throw ApiException.badParameters(faults);
        }
        return new Filter(themeId, indicatorId, normId, kind, since);
    }

    private void exists(String parameter, String table, String id, String listing, List<Problem.InvalidParam> faults) {
        if (id == null) {
            return;
        }
        Number found = (Number) em.createNativeQuery("select count(*) from " + table + " where id = ?1").setParameter(1, id).getSingleResult();
        if (found.longValue() == 0) {
            faults.add(new Problem.InvalidParam(parameter, "er is geen " + (table.equals("theme") ? "thema" : table) + " '" + id + "'; zie " + listing));
        }
    }

    public Page.Sliced<EventDto> list(Filter filter, PageRequest page) {
        Map<Integer, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        var query = em.createNativeQuery(COLUMNS + where + " order by id desc limit " + page.pageSize() + " offset " + page.offset());
        params.forEach(query::setParameter);
        List<EventDto> items = new ArrayList<>();
        for (Object row : query.getResultList()) {
            items.add(dto((Object[]) row));
        }
        long total = items.size() < page.pageSize() && page.page() == 1 ? items.size() : count(where, params);
        return new Page.Sliced<>(items, Page.of(page, total));
    }

    public Optional<EventDto> find(long id) {
        List<?> rows = em.createNativeQuery(COLUMNS + " where id = ?1").setParameter(1, id).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(dto((Object[]) rows.get(0)));
    }

    /** The highest event id there is (0 for none): where a live stream starts. */
    public long last() {
        return ((Number) em.createNativeQuery("select coalesce(max(id), 0) from event").getSingleResult()).longValue();
    }

    private long count(String where, Map<Integer, Object> params) {
        var query = em.createNativeQuery("select count(*) from event" + where);
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String where(Filter filter, Map<Integer, Object> params) {
        List<String> conditions = new ArrayList<>();
        add(conditions, params, "theme_id", filter.themeId());
        add(conditions, params, "indicator_id", filter.indicatorId());
        add(conditions, params, "norm_id", filter.normId());
        add(conditions, params, "kind", filter.kind());
        if (filter.after() != null) {
            params.put(params.size() + 1, filter.after());
            conditions.add("id > ?" + params.size());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static void add(List<String> conditions, Map<Integer, Object> params, String column, String value) {
        if (value != null) {
            params.put(params.size() + 1, value);
            conditions.add(column + " = ?" + params.size());
        }
    }

    /** A timestamp as the JDBC driver gives it, in UTC; null stays null. */
    public static OffsetDateTime utc(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    private EventDto dto(Object[] r) {
        OffsetDateTime at = utc(r[1]);
        Map<String, Object> data;
        try {
            data = json.readValue((String) r[11], new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the data of event " + r[0], e);
        }
        return new EventDto(((Number) r[0]).longValue(), at, (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                LocalizedText.of((String) r[7], (String) r[8]), r[9] == null ? null : LocalizedText.of((String) r[9], (String) r[10]), data);
    }
}
