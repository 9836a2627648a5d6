package nl.rijksdienst.kpi.observation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import nl.rijksdienst.kpi.period.Frequency;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One value of an indicator for one period and one combination of dimension codes, with its citation. */
@Entity
@Table(name = "observation")
public class Observation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "indicator_id")
    public String indicatorId;
    @Column(name = "period_code")
    public String periodCode;
    @Enumerated(EnumType.STRING)
    public Frequency frequency;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Column(name = "base_period_code")
    public String basePeriodCode;
    @Column(name = "base_period_start")
    public LocalDate basePeriodStart;
    @Column(name = "base_period_end")
    public LocalDate basePeriodEnd;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> dimensions = new TreeMap<>();
    @Column(name = "dimension_key")
    public String dimensionKey = "";
    @Enumerated(EnumType.STRING)
    public Qualifier qualifier;
    public BigDecimal value;
    @Column(name = "value_low")
    public BigDecimal valueLow;
    @Column(name = "value_high")
    public BigDecimal valueHigh;
    @Column(name = "value_text")
    public String valueText;
    @Convert(converter = ObservationStatusConverter.class)
    public ObservationStatus status;
    @Column(name = "series_break")
    public boolean seriesBreak;
    @Column(name = "note_nl")
    public String noteNl;
    @Column(name = "note_en")
    public String noteEn;
    @Column(name = "source_id")
    public String sourceId;
    public String section;
    public String question;
    public String quote;
    @Column(name = "origin_source_id")
    public String originSourceId;

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
    /** The observation across its versions; {@code id} is this one version. */
    @Column(name = "observation_id", insertable = false, updatable = false)
    public Long observationId;
    public int version = 1;
    @Column(name = "recorded_at", insertable = false, updatable = false)
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    public String reason;
    @Column(name = "import_id")
    public java.util.UUID importId;
    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;
    /** The day this version became public, and what that day rests on; the day the next version did. */
    @Column(name = "published_on", insertable = false, updatable = false)
    public java.time.LocalDate publishedOn;
    @Column(name = "publication_basis", insertable = false, updatable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public nl.rijksdienst.kpi.source.PublicationBasis publicationBasis;
    @Column(name = "superseded_on", insertable = false, updatable = false)
    public java.time.LocalDate supersededOn;

    /** The canonical text of a dimension combination, {@code category=beleid;sector=x}, sorted by dimension. */
    public static String dimensionKey(Map<String, String> dimensions) {
        StringBuilder key = new StringBuilder();
        new TreeMap<>(dimensions).forEach((k, v) -> key.append(key.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return key.toString();
    }
}
