package nl.rijksdienst.kpi.norm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import nl.rijksdienst.kpi.source.PublishedVersion;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of one norm; its content is the input it was written from. */
@Entity
@Table(name = "norm_version")
public class NormVersion extends PublishedVersion {

    @Column(name = "norm_id")
    public String normId;
    @JdbcTypeCode(SqlTypes.JSON)
    public NormInput content;

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
