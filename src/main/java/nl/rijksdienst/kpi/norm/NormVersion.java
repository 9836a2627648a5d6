package nl.rijksdienst.kpi.norm;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.rijksdienst.kpi.source.PublicationBasis;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of one norm; its content is the input it was written from. */
@Entity
@Table(name = "norm_version")
public class NormVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "norm_id")
    public String normId;
    public int version;
    @JdbcTypeCode(SqlTypes.JSON)
    public NormInput content;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    @Column(name = "publication_basis")
    @Enumerated(EnumType.STRING)
    public PublicationBasis publicationBasis;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    public String reason;
    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;
    @Column(name = "superseded_on")
    public LocalDate supersededOn;

    /** The norm as this version has it (not attached to the database). */
    public Norm toNorm() {
        Norm norm = new Norm();
        norm.id = normId;
        norm.apply(content);
        norm.version = version;
        norm.publishedOn = publishedOn;
        norm.publicationBasis = publicationBasis;
        return norm;
    }
}
