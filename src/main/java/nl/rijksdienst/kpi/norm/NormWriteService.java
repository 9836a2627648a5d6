package nl.rijksdienst.kpi.norm;

import nl.rijksdienst.kpi.common.ResourceVersions;
import jakarta.persistence.LockModeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.rijksdienst.kpi.audit.AuditLog;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.Faults;
import nl.rijksdienst.kpi.indicator.Dimension;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.IndicatorRepository;
import nl.rijksdienst.kpi.source.SourceRepository;

/** Adds and changes norms; every change is in the audit log with what it was before. */
@ApplicationScoped
@Transactional
public class NormWriteService {

    private final NormRepository norms;
    private final IndicatorRepository indicators;
    private final SourceRepository sources;
    private final AuditLog audit;
    private final ResourceVersions versions;
    private final NormVersions normVersions;

    private final nl.rijksdienst.kpi.event.EventLog events;

    public NormWriteService(NormRepository norms, IndicatorRepository indicators, SourceRepository sources, AuditLog audit, ResourceVersions versions,
            NormVersions normVersions, nl.rijksdienst.kpi.event.EventLog events) {
        this.events = events;
        this.normVersions = normVersions;
        this.norms = norms;
        this.indicators = indicators;
        this.sources = sources;
        this.audit = audit;
        this.versions = versions;
    }

    public NormDto create(NormInput input, String actor) {
        Faults faults = new Faults();
        Indicator indicator = validate(input, faults);
        faults.kebabId("id", input == null ? null : input.id());
        faults.throwIfAny();
        if (norms.findByIdOptional(input.id()).isPresent()) {
            throw new ApiException(409, "Conflict", "Er is al een norm met id '" + input.id() + "'; wijzig die met PUT /norms/" + input.id() + ".", List.of());
        }
        var verdicts = events.verdicts(java.util.Set.of(indicator.id));
        Norm norm = new Norm();
        norm.id = input.id();
        norm.apply(input);
        norms.persist(norm);
        normVersions.record(norm, actor, input.reason());
        NormDto after = NormDto.of(norm, indicator.unit);
        audit.record(actor, "create", "norm", norm.id, input.reason(), "Norm " + norm.id + " toegevoegd", Map.of("after", after));
        events.verdictsMoved(verdicts, Map.of(indicator.id, indicator.themeId));
        return after;
    }

    public NormDto update(String id, NormInput input, String actor, String ifMatch) {
        Norm norm = norms.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> ApiException.notFound("Er is geen norm met id '" + id + "'."));
        versions.requireMatch(ifMatch, NormDto.of(norm, indicators.findById(norm.indicatorId).unit));
        Faults faults = new Faults();
        Indicator indicator = validate(input, faults);
        if (input != null && input.id() != null && !input.id().equals(id)) {
            faults.add("id", "wijkt af van de norm in het pad ('" + id + "'); een identificatie verandert niet");
        }
        faults.throwIfAny();
        NormDto before = NormDto.of(norm, indicators.findById(norm.indicatorId).unit);
        java.util.Set<String> read = new java.util.HashSet<>(java.util.List.of(norm.indicatorId, indicator.id));
        var verdicts = events.verdicts(read);
        norm.apply(input);
        normVersions.record(norm, actor, input.reason());
        NormDto after = NormDto.of(norm, indicator.unit);
        audit.recordChange(actor, "norm", id, input.reason(), "Norm " + id + " gewijzigd (versie " + norm.version + ")", before, after);
        events.verdictsMoved(verdicts, Map.of(indicator.id, indicator.themeId));
        return after;
    }

    /** Loads a norm from the catalogue: added when new, a new version when its content changed, else left alone. */
    public void load(NormInput input, String actor, String reason) {
        Norm norm = norms.findByIdOptional(input.id(), LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (norm == null) {
            norm = new Norm();
            norm.id = input.id();
            norm.apply(input);
            norms.persist(norm);
        } else {
            norm.apply(input);
        }
        norms.flush();
        normVersions.record(norm, actor, reason);
    }

    private Indicator validate(NormInput input, Faults faults) {
        if (input == null) {
            faults.add("body", "ontbreekt: stuur een NormInput als JSON");
            return null;
        }
        Indicator indicator = null;
        if (faults.required("indicatorId", input.indicatorId())) {
            indicator = indicators.findByIdOptional(input.indicatorId()).orElse(null);
            if (indicator == null) {
                faults.add("indicatorId", "er is geen indicator '" + input.indicatorId() + "'");
            }
        }
        if (indicator != null && input.dimensions() != null) {
            for (Map.Entry<String, String> entry : input.dimensions().entrySet()) {
                Dimension dimension = indicator.dimension(entry.getKey()).orElse(null);
                if (dimension == null) {
                    faults.add("dimensions." + entry.getKey(), "'" + entry.getKey() + "' is geen dimensie van indicator '" + indicator.id + "'");
                } else if (!dimension.hasCode(entry.getValue())) {
                    faults.add("dimensions." + entry.getKey(), "'" + entry.getValue() + "' is geen code van dimensie '" + entry.getKey() + "'");
                }
            }
        }
        if (input.operator() == null) {
            faults.add("operator", "ontbreekt; kies uit at_most, at_least");
        }
        int given = (input.threshold() == null ? 0 : 1) + (input.referenceIndicatorId() == null || input.referenceIndicatorId().isBlank() ? 0 : 1)
                + (input.interpretedThreshold() == null ? 0 : 1);
        if (given != 1) {
            faults.add("threshold", "geef een vast getal (threshold), een vergelijkingsindicator (referenceIndicatorId) of, als de bron geen getal "
                    + "noemt, een gelezen getal (interpretedThreshold): precies één daarvan");
        }
        if (input.referenceIndicatorId() != null && !input.referenceIndicatorId().isBlank()) {
            if (indicators.findByIdOptional(input.referenceIndicatorId()).isEmpty()) {
                faults.add("referenceIndicatorId", "er is geen indicator '" + input.referenceIndicatorId() + "'");
            } else if (input.referenceIndicatorId().equals(input.indicatorId())) {
                faults.add("referenceIndicatorId", "een indicator kan niet met zichzelf worden vergeleken");
            }
        }
        if (input.deadline() != null && input.validFrom() != null && input.deadline().isBefore(input.validFrom())) {
            faults.add("deadline", "ligt vóór validFrom");
        }
        if (input.validTo() != null && input.validFrom() != null && input.validTo().isBefore(input.validFrom())) {
            faults.add("validTo", "ligt vóór validFrom");
        }
        faults.optionalText("reason", input.reason());
        if (input.label() == null) {
            faults.add("label", "ontbreekt");
        } else {
            faults.required("label.nl", input.label().nl());
            faults.required("label.en", input.label().en());
        }
        faults.required("wording", input.wording());
        faults.optionalText("interpretation", input.interpretation());
        if (input.interpretedThreshold() != null && (input.interpretation() == null || input.interpretation().isBlank())) {
            faults.add("interpretation", "ontbreekt: een gelezen getal (interpretedThreshold) zegt welke lezing en waarom");
        }
        if (input.citation() == null) {
            faults.add("citation", "ontbreekt: een norm noemt haar bron (sourceId) en de letterlijke zin (quote)");
        } else {
            if (faults.required("citation.sourceId", input.citation().sourceId()) && sources.findByIdOptional(input.citation().sourceId()).isEmpty()) {
                faults.add("citation.sourceId", "er is geen bron '" + input.citation().sourceId() + "'; voeg haar eerst toe via /sources");
            }
            faults.required("citation.quote", input.citation().quote());
            input.citation().attributionFaults().forEach(f -> faults.add(f.name(), f.reason()));
            faults.optionalText("citation.statedByName", input.citation().statedByName());
            if (input.citation().response() != null) {
                faults.optionalText("citation.response.quote", input.citation().response().quote());
                faults.optionalText("citation.response.section", input.citation().response().section());
            }
        }
        return indicator;
    }
}
