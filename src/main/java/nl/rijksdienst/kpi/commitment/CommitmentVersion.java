package nl.rijksdienst.kpi.commitment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import nl.rijksdienst.kpi.source.PublishedVersion;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of one commitment; its content is the input it was written from. */
@Entity
@Table(name = "commitment_version")
public class CommitmentVersion extends PublishedVersion {

    @Column(name = "commitment_id")
    public String commitmentId;
    @Column(name = "theme_id")
    public String themeId;
    @JdbcTypeCode(SqlTypes.JSON)
    public CommitmentInput content;
}
