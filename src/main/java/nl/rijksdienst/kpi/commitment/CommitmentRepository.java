package nl.rijksdienst.kpi.commitment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CommitmentRepository implements PanacheRepositoryBase<CommitmentVersion, Long> {

    /** The current version of every commitment, or the version that was public on {@code publicOn} (null: the current ones). */
    public List<CommitmentVersion> listPublic(LocalDate publicOn) {
        if (publicOn == null) {
            return list("supersededAt is null order by commitmentId");
        }
        return list("publishedOn <= ?1 and (supersededOn is null or supersededOn > ?1) order by commitmentId", publicOn);
    }

    public Optional<CommitmentVersion> findPublic(String id, LocalDate publicOn) {
        if (publicOn == null) {
            return find("commitmentId = ?1 and supersededAt is null", id).firstResultOptional();
        }
        return find("commitmentId = ?1 and publishedOn <= ?2 and (supersededOn is null or supersededOn > ?2)", id, publicOn).firstResultOptional();
    }

    public Optional<CommitmentVersion> findCurrentForUpdate(String id) {
        return find("commitmentId = ?1 and supersededAt is null", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<CommitmentVersion> versions(String id) {
        return list("commitmentId = ?1 order by version", id);
    }
}
