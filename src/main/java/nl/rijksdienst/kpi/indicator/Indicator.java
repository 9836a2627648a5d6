package nl.rijksdienst.kpi.indicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One measured quantity, such as the share of external hiring in personnel spending. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "theme_id")
    public String themeId;
    @Enumerated(EnumType.STRING)
    public Unit unit;
    @Enumerated(EnumType.STRING)
    public IndicatorKind kind;
    @Column(name = "label_nl")
    public String labelNl;
    @Column(name = "label_en")
    public String labelEn;
    @Column(name = "description_nl")
    public String descriptionNl;
    @Column(name = "description_en")
    public String descriptionEn;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Dimension> dimensions = new ArrayList<>();
    /** The kinds of period this indicator's observations may have; empty means any. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<nl.rijksdienst.kpi.period.Frequency> frequencies = new ArrayList<>();

    /** Takes every field but the id from an editor's input (or a catalogue entry). */
    public void apply(IndicatorInput input) {
        themeId = input.themeId();
        unit = input.unit();
        kind = input.kind();
        labelNl = input.label().nl();
        labelEn = input.label().en();
        descriptionNl = input.description() == null ? null : input.description().nl();
        descriptionEn = input.description() == null ? null : input.description().en();
        dimensions = input.dimensions() == null ? new ArrayList<>() : new ArrayList<>(input.dimensions());
        frequencies = input.frequencies() == null ? new ArrayList<>() : new ArrayList<>(input.frequencies());
    }

    public Optional<Dimension> dimension(String dimensionId) {
        return dimensions.stream().filter(d -> d.id().equals(dimensionId)).findFirst();
    }

    /** A code of one of the indicator's dimensions, with its names; empty when either is not the indicator's. */
    public Optional<Dimension.Code> code(String dimensionId, String code) {
        return dimension(dimensionId).flatMap(d -> d.codes().stream().filter(c -> c.code().equals(code)).findFirst());
    }
}
