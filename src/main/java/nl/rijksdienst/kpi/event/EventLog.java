package nl.rijksdienst.kpi.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.norm.NormCheckDto;
import nl.rijksdienst.kpi.norm.NormCheckService;
import nl.rijksdienst.kpi.observation.ObservationDto;
import nl.rijksdienst.kpi.sentence.Language;
import nl.rijksdienst.kpi.sentence.Words;

/**
 * Records what happened, in the transaction of the change itself (the outbox the feed, the webhooks
 * and the live stream read): a new figure, a correction with the old and the new value, an import,
 * a verdict that changed. A writer takes a {@link #verdicts} snapshot before its change and hands it
 * to {@link #verdictsMoved} after it, within the same transaction.
 */
@ApplicationScoped
public class EventLog {

    /** The kinds of event. */
    public static final String OBSERVATION_ADDED = "observation.added";
    public static final String OBSERVATION_CORRECTED = "observation.corrected";
    public static final String OBSERVATIONS_IMPORTED = "observations.imported";
    public static final String VERDICT_CHANGED = "verdict.changed";
    public static final String COMMITMENT_STATE = "commitment.state";
    public static final List<String> KINDS = List.of(OBSERVATION_ADDED, OBSERVATION_CORRECTED, OBSERVATIONS_IMPORTED, VERDICT_CHANGED, COMMITMENT_STATE);

    /** The latest checks of the norms a change may move, as they stood before it. */
    public record Snapshot(Set<String> indicatorIds, Map<String, NormCheckDto> checks) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final NormCheckService norms;

    public EventLog(EntityManager em, ObjectMapper json, NormCheckService norms) {
        this.em = em;
        this.json = json;
        this.norms = norms;
    }

    /** The verdicts a change to these indicators may move, before it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Snapshot verdicts(Set<String> indicatorIds) {
        return new Snapshot(Set.copyOf(indicatorIds), norms.latestChecks(indicatorIds));
    }

    /** After the change: an event for each norm whose latest verdict is not what it was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void verdictsMoved(Snapshot before, Map<String, String> themeOfIndicator) {
        em.flush();
        Map<String, NormCheckDto> after = norms.latestChecks(before.indicatorIds());
        after.forEach((normId, now) -> {
            NormCheckDto then = before.checks().get(normId);
            if (then != null && then.verdict() == now.verdict()) {
                return;
            }
            String indicatorId = now.observation() != null ? now.observation().indicatorId()
                    : then != null && then.observation() != null ? then.observation().indicatorId() : null;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("normId", normId);
            data.put("from", then == null ? null : then.verdict());
            data.put("to", now.verdict());
            data.put("observationId", now.observation() == null ? null : now.observation().id());
            LocalizedText label = norms.findNorm(normId, null).map(n -> LocalizedText.of(n.labelNl, n.labelEn == null ? n.labelNl : n.labelEn))
                    .orElse(LocalizedText.of(normId, normId));
            LocalizedText title = LocalizedText.of(
                    "Ander oordeel over " + label.nl() + ": " + (then == null ? "nieuw" : then.verdictText().nl()) + " → " + now.verdictText().nl(),
                    "Verdict on " + label.en() + " changed: " + (then == null ? "new" : then.verdictText().en()) + " → " + now.verdictText().en());
            record(VERDICT_CHANGED, indicatorId == null ? null : themeOfIndicator.get(indicatorId), indicatorId, normId, "/norms/" + normId, title,
                    now.sentence(), data);
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void observationAdded(Indicator indicator, ObservationDto added) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("observationId", added.id());
        data.put("version", added.version());
        data.put("after", figure(added));
        record(OBSERVATION_ADDED, indicator.themeId, indicator.id, null, path(added),
                LocalizedText.of("Nieuw cijfer: " + what(indicator, added, Language.nl) + ": " + Words.figure(added, Language.nl),
                        "New figure: " + what(indicator, added, Language.en) + ": " + Words.figure(added, Language.en)),
                added.sentence(), data);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void observationCorrected(Indicator indicator, ObservationDto before, ObservationDto after, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("observationId", after.id());
        data.put("version", after.version());
        data.put("reason", reason);
        data.put("before", figure(before));
        data.put("after", figure(after));
        record(OBSERVATION_CORRECTED, indicator.themeId, indicator.id, null, path(after),
                LocalizedText.of("Correctie: " + what(indicator, after, Language.nl) + ": " + Words.figure(before, Language.nl) + " → "
                                + Words.figure(after, Language.nl),
                        "Correction: " + what(indicator, after, Language.en) + ": " + Words.figure(before, Language.en) + " → " + Words.figure(after, Language.en)),
                after.sentence(), data);
    }

    /** An import's figures of one indicator: how many were added and corrected, and the corrections with their old and new value (the first hundred). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void imported(Indicator indicator, String importId, long added, long corrected, List<Map<String, Object>> corrections) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("importId", importId);
        data.put("added", added);
        data.put("corrected", corrected);
        data.put("corrections", corrections);
        String label = LocalizedText.of(indicator.labelNl, indicator.labelEn).nl();
        record(OBSERVATIONS_IMPORTED, indicator.themeId, indicator.id, null, "/indicators/" + indicator.id + "/observations",
                LocalizedText.of("Import: " + added + " nieuwe " + (added == 1 ? "cijfer" : "cijfers") + " en " + corrected + " "
                                + (corrected == 1 ? "correctie" : "correcties") + ": " + label,
                        "Import: " + added + " new " + (added == 1 ? "figure" : "figures") + " and " + corrected + " "
                                + (corrected == 1 ? "correction" : "corrections") + ": " + (indicator.labelEn == null ? label : indicator.labelEn)),
                null, data);
    }

    /** Records one event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String kind, String themeId, String indicatorId, String normId, String path, LocalizedText title, LocalizedText sentence,
            Map<String, Object> data) {
        Number id = (Number) em.createNativeQuery("insert into event (kind, theme_id, indicator_id, norm_id, path, title_nl, title_en, sentence_nl, sentence_en, data) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as jsonb)) returning id")
                .setParameter(1, kind)
                .setParameter(2, themeId)
                .setParameter(3, indicatorId)
                .setParameter(4, normId)
                .setParameter(5, path)
                .setParameter(6, title.nl())
                .setParameter(7, Objects.requireNonNullElse(title.en(), title.nl()))
                .setParameter(8, sentence == null ? null : sentence.nl())
                .setParameter(9, sentence == null ? null : sentence.en())
                .setParameter(10, toJson(data))
                .getSingleResult();
        // a delivery for each webhook subscription the event matches, in the same transaction
        em.createNativeQuery("insert into webhook_delivery (subscription_id, event_id) select id, ?1 from webhook_subscription "
                        + "where (theme_id is null or theme_id = ?2) and (indicator_id is null or indicator_id = ?3) "
                        + "and (norm_id is null or norm_id = ?4) and (kind is null or kind = ?5)")
                .setParameter(1, id.longValue())
                .setParameter(2, themeId)
                .setParameter(3, indicatorId)
                .setParameter(4, normId)
                .setParameter(5, kind)
                .executeUpdate();
    }

    private static String path(ObservationDto o) {
        return "/indicators/" + o.indicatorId() + "/observations/" + o.id();
    }

    /** "Aandeel externe inhuur, uitvoering, 2024". */
    private static String what(Indicator indicator, ObservationDto o, Language language) {
        StringBuilder s = new StringBuilder(language == Language.en && indicator.labelEn != null ? indicator.labelEn : indicator.labelNl);
        o.dimensions().forEach((dimension, code) -> s.append(", ").append(indicator.code(dimension, code)
                .map(c -> language == Language.en && c.label().en() != null ? c.label().en() : c.label().nl()).orElse(code)));
        s.append(", ").append(Words.shortPeriod(o.period(), language));
        if (o.basePeriod() != null) {
            s.append(language == Language.nl ? " t.o.v. " : " vs ").append(Words.shortPeriod(o.basePeriod(), language));
        }
        return s.toString();
    }

    /** A figure as data: its value as given, its status, in its unit. */
    private static Map<String, Object> figure(ObservationDto o) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("qualifier", o.qualifier());
        figure.put("value", o.value());
        figure.put("valueLow", o.valueLow());
        figure.put("valueHigh", o.valueHigh());
        figure.put("valueText", o.valueText());
        figure.put("unit", o.unit());
        figure.put("status", o.status());
        return figure;
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the event's data", e);
        }
    }
}
