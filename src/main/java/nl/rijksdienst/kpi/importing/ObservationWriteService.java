package nl.rijksdienst.kpi.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.rijksdienst.kpi.audit.AuditLog;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.Problem;
import nl.rijksdienst.kpi.common.ResourceVersions;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.IndicatorService;
import nl.rijksdienst.kpi.observation.Observation;
import nl.rijksdienst.kpi.event.EventLog;
import nl.rijksdienst.kpi.observation.ObservationDto;
import nl.rijksdienst.kpi.sentence.ObservationSentences;
import nl.rijksdienst.kpi.source.SourceRepository;
import nl.rijksdienst.kpi.observation.ObservationInput;
import nl.rijksdienst.kpi.observation.ObservationRepository;
import nl.rijksdienst.kpi.observation.ObservationValidator;
import nl.rijksdienst.kpi.source.SourceRepository;

/**
 * Adds one observation, or corrects one: a correction is a new version, the earlier one stays. Both
 * go through the same set-wise store as an import.
 */
@ApplicationScoped
public class ObservationWriteService {

    /** The observation after a write, and whether the write changed anything. */
    public record Written(ObservationDto observation, boolean changed) {
    }

    private final DataSource dataSource;
    private final IndicatorService indicatorService;
    private final SourceRepository sources;
    private final ObservationRepository observations;
    private final AuditLog audit;
    private final WritersLock writersLock;
    private final ResourceVersions versions;
    private final EventLog events;

    public ObservationWriteService(DataSource dataSource, IndicatorService indicatorService, SourceRepository sources, ObservationRepository observations, AuditLog audit,
            WritersLock writersLock, ResourceVersions versions, EventLog events) {
        this.events = events;
        this.dataSource = dataSource;
        this.indicatorService = indicatorService;
        this.sources = sources;
        this.observations = observations;
        this.audit = audit;
        this.writersLock = writersLock;
        this.versions = versions;
    }

    @Transactional
    public ObservationDto create(String indicatorId, ObservationInput input, String actor) {
        Indicator indicator = indicatorService.require(indicatorId);
        ObservationValidator.Valid valid = validate(indicator, input);
        try (Connection c = dataSource.getConnection()) {
            writersLock.acquire(c);
            EventLog.Snapshot verdicts = events.verdicts(Set.of(indicator.id));
            ObservationStore.createStaging(c);
            ObservationStore.stageOne(c, valid);
            Observation existing = currentByKey(valid);
            if (existing != null) {
                throw new ApiException(409, "Conflict", "Er is al een waarneming van '" + indicator.id + "' voor periode " + valid.period().code()
                        + (valid.basePeriod() == null ? "" : " tegen " + valid.basePeriod().code())
                        + (valid.dimensionKey().isEmpty() ? "" : " (" + valid.dimensionKey() + ")") + " met id " + existing.observationId
                        + "; corrigeer die met PUT /indicators/" + indicator.id + "/observations/" + existing.observationId + ".", List.of());
            }
            ObservationStore.Counts counts = ObservationStore.merge(c, ImportService.now(c), actor, valid.reason(), null, true);
            ObservationStore.dropStaging(c);
            long id = counts.outcomes().get(0).observationId();
            Observation created = observations.findVersion(indicator.id, id, null).orElseThrow();
            ObservationDto after = ObservationDto.of(created, indicator.unit);
            audit.record(actor, "create", "observation", String.valueOf(id), valid.reason(),
                    "Waarneming " + indicator.id + " " + valid.period().code() + " toegevoegd", Map.of("indicatorId", indicator.id, "version", 1, "after", after));
            ObservationDto quoted = quoted(indicator, after);
            events.observationAdded(indicator, quoted);
            events.verdictsMoved(verdicts, Map.of(indicator.id, indicator.themeId));
            return quoted;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot add the observation", e);
        }
    }

    @Transactional
    public Written correct(String indicatorId, long observationId, ObservationInput input, String actor, String ifMatch) {
        Indicator indicator = indicatorService.require(indicatorId);
        try (Connection c = dataSource.getConnection()) {
            // Before reading the current version, so that two corrections at once come one after the other.
            writersLock.acquire(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the observations for writing", e);
        }
        Observation current = observations.findVersion(indicator.id, observationId, null)
                .orElseThrow(() -> ApiException.notFound("Er is geen waarneming " + observationId + " van indicator '" + indicator.id + "'."));
        // Holding the writers' lock: no correction can come between this check and the write.
        ObservationDto before = quoted(indicator, ObservationDto.of(current, indicator.unit));
        versions.requireMatch(ifMatch, before);
        ObservationValidator.Valid valid = validate(indicator, input);
        String currentKey = current.indicatorId + "|" + current.periodStart + "/" + current.periodEnd + "|"
                + (current.basePeriodStart == null ? "" : current.basePeriodStart + "/" + current.basePeriodEnd) + "|" + current.dimensionKey;
        if (!valid.naturalKey().equals(currentKey)) {
            throw new ApiException(422, "Onverwerkbare invoer", "Een correctie houdt periode, basisperiode en dimensiecodes gelijk (nu "
                    + current.periodCode + (current.basePeriodCode == null ? "" : " tegen " + current.basePeriodCode)
                    + (current.dimensionKey.isEmpty() ? "" : ", " + current.dimensionKey) + "); voeg een andere waarneming toe met POST.",
                    List.of(new Problem.InvalidParam("period", "hoort bij de identiteit van de waarneming en kan niet veranderen")));
        }
        EventLog.Snapshot verdicts = events.verdicts(Set.of(indicator.id));
        try (Connection c = dataSource.getConnection()) {
            ObservationStore.createStaging(c);
            ObservationStore.stageOne(c, valid);
            ObservationStore.Counts counts;
            try {
                counts = ObservationStore.merge(c, ImportService.now(c), actor, valid.reason(), null, true);
                ObservationStore.dropStaging(c);
            } catch (ImportRejectedException e) {
                throw new ApiException(422, "Onverwerkbare invoer", "Een correctie noemt een reden (veld reason).",
                        List.of(new Problem.InvalidParam("reason", "ontbreekt: een correctie noemt waarom de waarde verandert")));
            }
            boolean changed = counts.revised() > 0;
            Observation now = observations.findVersion(indicator.id, observationId, null).orElseThrow();
            if (changed) {
                audit.record(actor, "correct", "observation", String.valueOf(observationId), valid.reason(),
                        "Waarneming " + indicator.id + " " + valid.period().code() + " gecorrigeerd naar versie " + counts.outcomes().get(0).version(),
                        Map.of("indicatorId", indicator.id, "version", counts.outcomes().get(0).version(),
                                "before", ObservationDto.of(current, indicator.unit), "after", ObservationDto.of(now, indicator.unit)));
            }
            ObservationDto written = quoted(indicator, ObservationDto.of(now, indicator.unit));
            if (changed) {
                events.observationCorrected(indicator, before, written, valid.reason());
                events.verdictsMoved(verdicts, Map.of(indicator.id, indicator.themeId));
            }
            return new Written(written, changed);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot correct the observation", e);
        }
    }

    /** One observation as it is served on its own, with its sentence: what its ETag names. */
    private ObservationDto quoted(Indicator indicator, ObservationDto observation) {
        return ObservationSentences.quoted(indicator, observation, sources.byId()::get);
    }

    private ObservationValidator.Valid validate(Indicator indicator, ObservationInput input) {
        if (input == null) {
            throw ApiException.badParameters(List.of(new Problem.InvalidParam("body", "ontbreekt: stuur een ObservationInput als JSON")));
        }
        if (input.indicatorId() != null && !input.indicatorId().equals(indicator.id)) {
            throw new ApiException(422, "Onverwerkbare invoer", "Veld indicatorId ('" + input.indicatorId() + "') wijkt af van het pad ('" + indicator.id + "').",
                    List.of(new Problem.InvalidParam("indicatorId", "wijkt af van de indicator in het pad")));
        }
        ObservationInput withIndicator = new ObservationInput(indicator.id, input.period(), input.basePeriod(), input.dimensions(), input.qualifier(),
                input.value(), input.valueLow(), input.valueHigh(), input.valueText(), input.status(), input.seriesBreak(), input.note(),
                input.citation(), input.reason());
        Map<String, Indicator> byId = Map.of(indicator.id, indicator);
        ObservationValidator validator = new ObservationValidator(byId::get,
                sources.listAll().stream().map(s -> s.id).collect(Collectors.toSet()));
        ObservationValidator.Result result = validator.validate(withIndicator);
        if (!result.ok()) {
            List<Problem.InvalidParam> params = result.faults().stream().map(f -> new Problem.InvalidParam(f.field(), f.reason())).toList();
            throw new ApiException(422, "Onverwerkbare invoer", params.size() == 1
                    ? "Veld '" + params.get(0).name() + "': " + params.get(0).reason()
                    : "Ongeldige velden: " + String.join(", ", params.stream().map(Problem.InvalidParam::name).toList()), params);
        }
        return result.valid();
    }

    private Observation currentByKey(ObservationValidator.Valid v) {
        // One span, one observation, whatever code names it; a year the source does not name is one of its own.
        List<Observation> candidates = v.period().dated()
                ? observations.list("indicatorId = ?1 and periodStart = ?2 and periodEnd = ?3 and dimensionKey = ?4 and supersededAt is null",
                        v.indicator().id, v.period().start(), v.period().end(), v.dimensionKey())
                : observations.list("indicatorId = ?1 and periodStart is null and dimensionKey = ?2 and supersededAt is null",
                        v.indicator().id, v.dimensionKey());
        return candidates.stream()
                .filter(o -> Objects.equals(o.basePeriodStart, v.basePeriod() == null ? null : v.basePeriod().start())
                        && Objects.equals(o.basePeriodEnd, v.basePeriod() == null ? null : v.basePeriod().end()))
                .findFirst().orElse(null);
    }
}
