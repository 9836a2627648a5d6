package nl.rijksdienst.kpi.norm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.rijksdienst.kpi.source.SourceRepository;

/**
 * The versions of the norms: every write of a norm whose content changed records a version, public
 * from the date of the source it cites; the earlier version stops being public from that day.
 */
@ApplicationScoped
public class NormVersions {

    private final EntityManager em;
    private final SourceRepository sources;

    public NormVersions(EntityManager em, SourceRepository sources) {
        this.em = em;
        this.sources = sources;
    }

    /** Records the norm as it now stands as its next version (the first when it has none), unless that is what the current version says. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Norm norm, String actor, String reason) {
        NormInput content = norm.toInput();
        Optional<NormVersion> current = current(norm.id);
        if (current.isPresent() && content.equals(current.get().content)) {
            return;
        }
        NormVersion v = new NormVersion();
        v.follow(current.orElse(null), sources.findById(norm.sourceId), actor, reason);
        if (current.isPresent()) {
            em.flush();
        }
        v.normId = norm.id;
        v.content = content;
        em.persist(v);
        norm.version = v.version;
        norm.publishedOn = v.publishedOn;
        norm.publicationBasis = v.publicationBasis;
        em.flush();
    }

    /** Gives every norm that has no version yet (written before norms had versions) its first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordMissing(String actor) {
        List<Norm> unversioned = em.createQuery("from Norm n where not exists (select 1 from NormVersion v where v.normId = n.id) order by n.id", Norm.class)
                .getResultList();
        unversioned.forEach(n -> record(n, actor, "Eerste versie van een norm van vóór de versies"));
    }

    public Optional<NormVersion> current(String id) {
        return em.createQuery("from NormVersion where normId = ?1 and supersededAt is null", NormVersion.class).setParameter(1, id)
                .getResultStream().findFirst();
    }

    /** The norms as they were public on a day, in id order; null: the current ones. */
    public List<Norm> publicOn(LocalDate day) {
        return em.createQuery("from NormVersion where publishedOn <= ?1 and (supersededOn is null or supersededOn > ?1) order by normId", NormVersion.class)
                .setParameter(1, day).getResultStream().map(NormVersion::toNorm).toList();
    }

    public List<NormVersion> versions(String id) {
        return em.createQuery("from NormVersion where normId = ?1 order by version", NormVersion.class).setParameter(1, id).getResultList();
    }
}
