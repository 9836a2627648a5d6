package nl.rijksdienst.kpi.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.audit.AuditLog;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.Faults;
import nl.rijksdienst.kpi.common.ResourceVersions;
import nl.rijksdienst.kpi.indicator.IndicatorRepository;
import nl.rijksdienst.kpi.norm.NormCheckService;
import nl.rijksdienst.kpi.norm.NormRepository;
import nl.rijksdienst.kpi.period.Period;
import nl.rijksdienst.kpi.source.SourceRepository;
import nl.rijksdienst.kpi.theme.ThemeRepository;

/**
 * Adds commitments and records new versions of them: a change never overwrites, the earlier
 * version stays retrievable, and every write is in the audit log. A version is public from the
 * date of the source that states it (the delivering source, once a delivery is recorded).
 */
@ApplicationScoped
@Transactional
public class CommitmentWriteService {

    private final CommitmentRepository commitments;
    private final ThemeRepository themes;
    private final SourceRepository sources;
    private final IndicatorRepository indicators;
    private final NormRepository norms;
    private final NormCheckService normChecks;
    private final AuditLog audit;
    private final ResourceVersions versions;

    public CommitmentWriteService(CommitmentRepository commitments, ThemeRepository themes, SourceRepository sources, IndicatorRepository indicators,
            NormRepository norms, NormCheckService normChecks, AuditLog audit, ResourceVersions versions) {
        this.commitments = commitments;
        this.themes = themes;
        this.sources = sources;
        this.indicators = indicators;
        this.norms = norms;
        this.normChecks = normChecks;
        this.audit = audit;
        this.versions = versions;
    }

    public CommitmentDto create(CommitmentInput input, String actor) {
        Faults faults = new Faults();
        validate(input, faults);
        faults.kebabId("id", input == null ? null : input.id());
        faults.throwIfAny();
        if (commitments.findPublic(input.id(), null).isPresent()) {
            throw new ApiException(409, "Conflict", "Er is al een toezegging met id '" + input.id() + "'; leg een nieuwe versie vast met PUT /commitments/"
                    + input.id() + ".", List.of());
        }
        CommitmentVersion created = write(input.id(), null, input, actor);
        CommitmentDto after = CommitmentService.of(created, normChecks.evaluationDay(null), sources::findById);
        audit.record(actor, "create", "commitment", input.id(), input.reason(), "Toezegging " + input.id() + " toegevoegd", Map.of("after", after));
        return after;
    }

    public CommitmentDto update(String id, CommitmentInput input, String actor, String ifMatch) {
        CommitmentVersion current = commitments.findCurrentForUpdate(id)
                .orElseThrow(() -> ApiException.notFound("Er is geen toezegging met id '" + id + "'; voeg haar toe met POST /commitments."));
        LocalDate day = normChecks.evaluationDay(null);
        CommitmentDto before = CommitmentService.of(current, day, sources::findById);
        versions.requireMatch(ifMatch, before);
        Faults faults = new Faults();
        validate(input, faults);
        if (input != null && input.id() != null && !input.id().equals(id)) {
            faults.add("id", "wijkt af van de toezegging in het pad ('" + id + "'); een identificatie verandert niet");
        }
        faults.throwIfAny();
        if (content(id, input).equals(current.content)) {
            return before;
        }
        if (!faults.required("reason", input.reason())) {
            faults.throwIfAny();
        }
        CommitmentVersion next = write(id, current, input, actor);
        CommitmentDto after = CommitmentService.of(next, day, sources::findById);
        audit.recordChange(actor, "commitment", id, input.reason(), "Toezegging " + id + " gewijzigd (versie " + next.version + ")", before, after);
        return after;
    }

    /** Loads a commitment from the catalogue: added when new, a new version when its content changed, else left alone. */
    public void load(CommitmentInput input, String actor, String reason) {
        Faults faults = new Faults();
        validate(input, faults);
        faults.kebabId("id", input.id());
        if (!faults.isEmpty()) {
            throw new IllegalStateException("Commitment " + input.id() + " in the catalogue is invalid");
        }
        CommitmentVersion current = commitments.findCurrentForUpdate(input.id()).orElse(null);
        if (current == null) {
            write(input.id(), null, withReason(input, reason), actor);
        } else if (!content(input.id(), input).equals(current.content)) {
            write(input.id(), current, withReason(input, reason), actor);
        }
    }

    /** Records a version; the previous one (null for the first) stops being current, and stops being public from the new one's date. */
    private CommitmentVersion write(String id, CommitmentVersion previous, CommitmentInput input, String actor) {
        // public from the delivering source once a delivery is recorded, else from the source that states it
        String publishing = input.delivery() != null ? input.delivery().sourceId() : input.citation().sourceId();
        CommitmentVersion v = new CommitmentVersion();
        v.follow(previous, sources.findById(publishing), actor, input.reason());
        if (previous != null) {
            commitments.flush();
        }
        v.commitmentId = id;
        v.themeId = input.themeId();
        v.content = content(id, input);
        commitments.persist(v);
        commitments.flush();
        return v;
    }

    /** What is stored as a version's content: the input with its id, without the reason (a column of its own). */
    private static CommitmentInput content(String id, CommitmentInput i) {
        return new CommitmentInput(id, i.themeId(), i.kind(), i.label(), i.description(), blankToNull(i.promisedBy()), blankToNull(i.promisedTo()),
                i.due(), i.citation(), i.indicatorIds() == null ? List.of() : List.copyOf(i.indicatorIds()),
                i.normIds() == null ? List.of() : List.copyOf(i.normIds()), i.delivery(), null);
    }

    private static CommitmentInput withReason(CommitmentInput i, String reason) {
        return new CommitmentInput(i.id(), i.themeId(), i.kind(), i.label(), i.description(), i.promisedBy(), i.promisedTo(), i.due(), i.citation(),
                i.indicatorIds(), i.normIds(), i.delivery(), reason);
    }

    /** A text as stored or filtered on: trimmed, and none when blank. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private void validate(CommitmentInput input, Faults faults) {
        if (input == null) {
            faults.add("body", "ontbreekt: stuur een CommitmentInput als JSON");
            return;
        }
        if (faults.required("themeId", input.themeId()) && themes.findByIdOptional(input.themeId()).isEmpty()) {
            faults.add("themeId", "er is geen thema '" + input.themeId() + "'; zie /themes");
        }
        if (input.kind() == null) {
            faults.add("kind", "ontbreekt; kies uit promise, aim, expectation, announcement, consideration");
        }
        if (input.label() == null) {
            faults.add("label", "ontbreekt");
        } else {
            faults.required("label.nl", input.label().nl());
            faults.required("label.en", input.label().en());
        }
        if (input.description() != null) {
            faults.optionalText("description.nl", input.description().nl());
            faults.optionalText("description.en", input.description().en());
        }
        faults.optionalText("promisedBy", input.promisedBy());
        faults.optionalText("promisedTo", input.promisedTo());
        faults.optionalText("reason", input.reason());
        if (input.due() != null) {
            if (faults.required("due.periodCode", input.due().periodCode()) && Period.parse(input.due().periodCode()).isEmpty()) {
                faults.add("due.periodCode", "'" + input.due().periodCode() + "' is geen geldige periode; gebruik bijvoorbeeld 2026-Q3, 2026-05, 2026, "
                        + "2026-09/2026-11 of 2026-01-26");
            }
            if (input.due().qualifier() == null) {
                faults.add("due.qualifier", "ontbreekt; kies uit no_later_than, during, on");
            }
            faults.required("due.wording", input.due().wording());
            faults.optionalText("due.interpretation", input.due().interpretation());
        }
        if (input.citation() == null) {
            faults.add("citation", "ontbreekt: een toezegging noemt haar bron (sourceId) en de letterlijke zin (quote)");
        } else {
            if (faults.required("citation.sourceId", input.citation().sourceId()) && sources.findByIdOptional(input.citation().sourceId()).isEmpty()) {
                faults.add("citation.sourceId", "er is geen bron '" + input.citation().sourceId() + "'; voeg haar eerst toe via /sources");
            }
            faults.required("citation.quote", input.citation().quote());
            faults.optionalText("citation.section", input.citation().section());
            faults.optionalText("citation.question", input.citation().question());
            faults.optionalText("citation.statedByName", input.citation().statedByName());
            if (input.citation().originSourceId() != null && sources.findByIdOptional(input.citation().originSourceId()).isEmpty()) {
                faults.add("citation.originSourceId", "er is geen bron '" + input.citation().originSourceId() + "'");
            }
            input.citation().attributionFaults().forEach(f -> faults.add(f.name(), f.reason()));
        }
        List<String> indicatorIds = input.indicatorIds() == null ? List.of() : input.indicatorIds();
        for (int i = 0; i < indicatorIds.size(); i++) {
            if (indicatorIds.get(i) == null || indicators.findByIdOptional(indicatorIds.get(i)).isEmpty()) {
                faults.add("indicatorIds[" + i + "]", "er is geen indicator '" + indicatorIds.get(i) + "'");
            }
        }
        List<String> normIds = input.normIds() == null ? List.of() : input.normIds();
        for (int i = 0; i < normIds.size(); i++) {
            if (normIds.get(i) == null || norms.findByIdOptional(normIds.get(i)).isEmpty()) {
                faults.add("normIds[" + i + "]", "er is geen norm '" + normIds.get(i) + "'");
            }
        }
        if (input.delivery() != null) {
            if (faults.required("delivery.sourceId", input.delivery().sourceId()) && sources.findByIdOptional(input.delivery().sourceId()).isEmpty()) {
                faults.add("delivery.sourceId", "er is geen bron '" + input.delivery().sourceId() + "'; voeg de leverende bron eerst toe via /sources");
            }
            if (input.delivery().date() == null) {
                faults.add("delivery.date", "ontbreekt: de datum van levering");
            }
            faults.optionalText("delivery.note", input.delivery().note());
        }
    }
}
