package nl.rijksdienst.kpi.commitment;

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

/** One version of one commitment; its content is the input it was written from. */
@Entity
@Table(name = "commitment_version")
public class CommitmentVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "commitment_id")
    public String commitmentId;
    public int version;
    @Column(name = "theme_id")
    public String themeId;
    @JdbcTypeCode(SqlTypes.JSON)
    public CommitmentInput content;
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
}
