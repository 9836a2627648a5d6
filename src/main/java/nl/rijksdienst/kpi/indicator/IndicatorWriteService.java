package nl.rijksdienst.kpi.indicator;

import nl.rijksdienst.kpi.common.ResourceVersions;
import jakarta.persistence.LockModeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.rijksdienst.kpi.audit.AuditLog;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.Faults;
import nl.rijksdienst.kpi.observation.ObservationQuery;
import nl.rijksdienst.kpi.period.Frequency;
import nl.rijksdienst.kpi.theme.ThemeService;

/**
 * Adds and changes indicators. A change may not strand observations: a dimension or code still in
 * use, a frequency still in use, or the unit of an indicator with observations cannot be changed.
 */
@ApplicationScoped
@Transactional
public class IndicatorWriteService {

    private final IndicatorRepository indicators;
    private final ThemeService themes;
    private final EntityManager em;
    private final AuditLog audit;
    private final ResourceVersions versions;

    public IndicatorWriteService(IndicatorRepository indicators, ThemeService themes, EntityManager em, AuditLog audit, ResourceVersions versions) {
        this.indicators = indicators;
        this.themes = themes;
        this.em = em;
        this.audit = audit;
        this.versions = versions;
    }

    public IndicatorDto create(IndicatorInput input, String actor) {
        Faults faults = validate(input);
        faults.kebabId("id", input == null ? null : input.id());
        faults.throwIfAny();
        if (indicators.findByIdOptional(input.id()).isPresent()) {
            throw new ApiException(409, "Conflict", "Er is al een indicator met id '" + input.id() + "'; wijzig die met PUT /indicators/" + input.id() + ".", List.of());
        }
        Indicator indicator = new Indicator();
        indicator.id = input.id();
        indicator.apply(input);
        indicators.persist(indicator);
        IndicatorDto after = IndicatorDto.of(indicator);
        audit.record(actor, "create", "indicator", indicator.id, null, "Indicator " + indicator.id + " toegevoegd", Map.of("after", after));
        return after;
    }

    public IndicatorDto update(String id, IndicatorInput input, String actor, String ifMatch) {
        Indicator indicator = indicators.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> ApiException.notFound("Er is geen indicator met id '" + id + "'."));
        versions.requireMatch(ifMatch, IndicatorDto.of(indicator));
        Faults faults = validate(input);
        if (input != null && input.id() != null && !input.id().equals(id)) {
            faults.add("id", "wijkt af van de indicator in het pad ('" + id + "'); een identificatie verandert niet");
        }
        if (faults.isEmpty()) {
            checkInUse(indicator, input, faults);
        }
        faults.throwIfAny();
        IndicatorDto before = IndicatorDto.of(indicator);
        indicator.apply(input);
        IndicatorDto after = IndicatorDto.of(indicator);
        audit.recordChange(actor, "indicator", id, "Indicator " + id + " gewijzigd", before, after);
        return after;
    }

    private Faults validate(IndicatorInput input) {
        Faults faults = new Faults();
        if (input == null) {
            return faults.add("body", "ontbreekt: stuur een IndicatorInput als JSON");
        }
        if (faults.required("themeId", input.themeId()) && !themes.exists(input.themeId())) {
            faults.add("themeId", "er is geen thema '" + input.themeId() + "'; zie /themes");
        }
        if (input.unit() == null) {
            faults.add("unit", "ontbreekt; kies uit percent, fte, count, euro, year, month");
        }
        if (input.kind() == null) {
            faults.add("kind", "ontbreekt; kies uit level, flow, share, change");
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
        Set<String> dimensionIds = new HashSet<>();
        List<Dimension> dimensions = input.dimensions() == null ? List.of() : input.dimensions();
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension d = dimensions.get(i);
            String field = "dimensions[" + i + "]";
            if (d == null) {
                faults.add(field, "ontbreekt");
                continue;
            }
            if (d.id() == null || !Faults.LOWER_CAMEL.matcher(d.id()).matches() || d.id().length() > Faults.MAX_ID) {
                faults.add(field + ".id", "'" + d.id() + "' is geen identificatie in lowerCamelCase; een dimensie is ook een queryparameter");
            } else if (ObservationQuery.RESERVED.contains(d.id())) {
                faults.add(field + ".id", "'" + d.id() + "' is al een parameter van /observations; kies een andere naam");
            } else if (nl.rijksdienst.kpi.observation.ObservationCsv.RESERVED_COLUMNS.contains(d.id())) {
                faults.add(field + ".id", "'" + d.id() + "' is al een kolom van de CSV-export en -import; kies een andere naam");
            } else if (nl.rijksdienst.kpi.observation.ObservationCsv.looksLikeLabel(d.id())) {
                faults.add(field + ".id", "'" + d.id() + "' eindigt op LabelNl of LabelEn, zoals de kolommen met de namen van de codes in de CSV; kies een andere naam");
            } else if (!dimensionIds.add(d.id())) {
                faults.add(field + ".id", "de dimensie '" + d.id() + "' staat er twee keer in");
            }
            if (d.label() == null || d.label().nl() == null || d.label().nl().isBlank()) {
                faults.add(field + ".label.nl", "ontbreekt");
            }
            if (d.codes() == null || d.codes().isEmpty()) {
                faults.add(field + ".codes", "een dimensie heeft ten minste één code");
                continue;
            }
            Set<String> codes = new HashSet<>();
            for (int j = 0; j < d.codes().size(); j++) {
                Dimension.Code code = d.codes().get(j);
                String codeField = field + ".codes[" + j + "]";
                if (code == null || code.code() == null || !Faults.KEBAB_ID.matcher(code.code()).matches() || code.code().length() > Faults.MAX_ID) {
                    faults.add(codeField + ".code", "'" + (code == null ? null : code.code()) + "' is geen code in kebab-case");
                } else if (!codes.add(code.code())) {
                    faults.add(codeField + ".code", "de code '" + code.code() + "' staat er twee keer in");
                }
                if (code != null && (code.label() == null || code.label().nl() == null || code.label().nl().isBlank())) {
                    faults.add(codeField + ".label.nl", "ontbreekt");
                }
            }
        }
        if (input.frequencies() != null && input.frequencies().stream().anyMatch(java.util.Objects::isNull)) {
            faults.add("frequencies", "bevat een lege waarde; kies uit annual, semiannual, quarterly, monthly, daily, interval");
        }
        return faults;
    }

    private void checkInUse(Indicator indicator, IndicatorInput input, Faults faults) {
        long observations = ((Number) em.createNativeQuery("select count(*) from observation where indicator_id = ?1 and superseded_at is null")
                .setParameter(1, indicator.id).getSingleResult()).longValue();
        if (observations == 0) {
            return;
        }
        if (input.unit() != indicator.unit) {
            faults.add("unit", "de indicator heeft " + observations + " waarnemingen in " + indicator.unit + "; de eenheid kan niet meer veranderen");
        }
        Map<String, Dimension> next = new HashMap<>();
        (input.dimensions() == null ? List.<Dimension>of() : input.dimensions()).forEach(d -> next.put(d.id(), d));
        for (Dimension current : indicator.dimensions) {
            for (Dimension.Code code : current.codes()) {
                Dimension kept = next.get(current.id());
                if (kept == null || !kept.hasCode(code.code())) {
                    long used = ((Number) em.createNativeQuery("select count(*) from observation where indicator_id = ?1 and superseded_at is null "
                                    + "and jsonb_extract_path_text(dimensions, ?2) = ?3")
                            .setParameter(1, indicator.id).setParameter(2, current.id()).setParameter(3, code.code()).getSingleResult()).longValue();
                    if (used > 0) {
                        faults.add("dimensions", "code '" + code.code() + "' van dimensie '" + current.id() + "' is in gebruik bij " + used
                                + " waarnemingen en kan niet vervallen");
                    }
                }
            }
        }
        List<Frequency> frequencies = input.frequencies() == null ? List.of() : input.frequencies();
        if (!frequencies.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<String> used = em.createNativeQuery("select distinct frequency from observation where indicator_id = ?1 and superseded_at is null")
                    .setParameter(1, indicator.id).getResultList();
            List<String> stranded = new ArrayList<>();
            for (String frequency : used) {
                if (!frequencies.contains(Frequency.valueOf(frequency))) {
                    stranded.add(frequency);
                }
            }
            if (!stranded.isEmpty()) {
                faults.add("frequencies", "er zijn waarnemingen met periodes van soort " + String.join(", ", stranded) + "; die soort moet blijven");
            }
        }
    }
}
