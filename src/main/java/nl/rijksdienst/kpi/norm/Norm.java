package nl.rijksdienst.kpi.norm;

import nl.rijksdienst.kpi.period.Frequency;
import nl.rijksdienst.kpi.observation.ResponseDto;
import nl.rijksdienst.kpi.observation.Speaker;
import nl.rijksdienst.kpi.observation.Stance;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A rule an indicator is held to: a ceiling, a floor, or a target with a deadline. */
@Entity
@Table(name = "norm")
public class Norm extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "indicator_id")
    public String indicatorId;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> dimensions = new TreeMap<>();
    @Enumerated(EnumType.STRING)
    public Operator operator;
    public BigDecimal threshold;
    @Column(name = "reference_indicator_id")
    public String referenceIndicatorId;
    public LocalDate deadline;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    /** The current version, and the day it became public (from its source's date). */
    public int version = 1;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    @Column(name = "publication_basis")
    @Enumerated(EnumType.STRING)
    public nl.rijksdienst.kpi.source.PublicationBasis publicationBasis;
    @Column(name = "label_nl")
    public String labelNl;
    @Column(name = "label_en")
    public String labelEn;
    @Column(name = "description_nl")
    public String descriptionNl;
    @Column(name = "description_en")
    public String descriptionEn;
    public String wording;
    public String interpretation;
    /** Where the source gives no number: the number read into its words (see interpretation); the norm then has no threshold. */
    @Column(name = "interpreted_threshold")
    public BigDecimal interpretedThreshold;
    @Column(name = "source_id")
    public String sourceId;
    public String section;
    public String question;
    public String quote;
    @Column(name = "stated_by")
    @Enumerated(EnumType.STRING)
    public Speaker statedBy;
    @Column(name = "stated_by_name")
    public String statedByName;
    @Column(name = "response_stance")
    @Enumerated(EnumType.STRING)
    public Stance responseStance;
    @Column(name = "response_section")
    public String responseSection;
    @Column(name = "response_quote")
    public String responseQuote;
    @Enumerated(EnumType.STRING)
    public NormKind kind = NormKind.norm;
    @Enumerated(EnumType.STRING)
    public Frequency frequency;

    /** Takes every field but the id from an editor's input (or a catalogue entry). */
    public void apply(NormInput input) {
        indicatorId = input.indicatorId();
        dimensions = input.dimensions() == null ? new TreeMap<>() : new TreeMap<>(input.dimensions());
        operator = input.operator();
        threshold = input.threshold();
        referenceIndicatorId = input.referenceIndicatorId() == null || input.referenceIndicatorId().isBlank() ? null : input.referenceIndicatorId();
        deadline = input.deadline();
        validFrom = input.validFrom();
        validTo = input.validTo();
        labelNl = input.label().nl();
        labelEn = input.label().en();
        descriptionNl = input.description() == null ? null : input.description().nl();
        descriptionEn = input.description() == null ? null : input.description().en();
        wording = input.wording();
        interpretation = input.interpretation();
        interpretedThreshold = input.interpretedThreshold();
        sourceId = input.citation().sourceId();
        section = input.citation().section();
        question = input.citation().question();
        quote = input.citation().quote();
        statedBy = input.citation().statedBy();
        statedByName = input.citation().statedByName() == null || input.citation().statedByName().isBlank() ? null : input.citation().statedByName();
        ResponseDto response = input.citation().response();
        responseStance = response == null ? null : response.stance();
        responseSection = response == null ? null : response.section();
        responseQuote = response == null ? null : response.quote();
        kind = input.kind() == null ? NormKind.norm : input.kind();
        frequency = input.frequency();
    }

    /** Whether a figure of this period falls within the norm's validity (it ends on or after validFrom and begins on or before validTo). */
    public boolean validFor(LocalDate periodStart, LocalDate periodEnd) {
        return (validFrom == null || !periodEnd.isBefore(validFrom)) && (validTo == null || !periodStart.isAfter(validTo));
    }

    /** The norm as input, as it is stored in a version (the reason is a column of its own). */
    public NormInput toInput() {
        return new NormInput(id, indicatorId, new TreeMap<>(dimensions), operator, threshold, referenceIndicatorId, deadline, validFrom, validTo,
                nl.rijksdienst.kpi.common.LocalizedText.of(labelNl, labelEn),
                descriptionNl == null && descriptionEn == null ? null : nl.rijksdienst.kpi.common.LocalizedText.of(descriptionNl, descriptionEn),
                wording, interpretation, interpretedThreshold, new nl.rijksdienst.kpi.observation.CitationDto(sourceId, section, question, quote, null, statedBy, statedByName,
                        nl.rijksdienst.kpi.observation.CitationDto.response(responseStance, responseSection, responseQuote)),
                kind, frequency, null);
    }

    public NormType type() {
        if (deadline != null) {
            return NormType.target;
        }
        return operator == Operator.at_most ? NormType.ceiling : NormType.floor;
    }
}
