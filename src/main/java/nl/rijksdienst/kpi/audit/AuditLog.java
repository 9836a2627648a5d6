package nl.rijksdienst.kpi.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Records who changed what and when, in the transaction of the change itself. */
@ApplicationScoped
public class AuditLog {

    private final EntityManager em;
    private final ObjectMapper json;

    public AuditLog(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * @param details anything that helps to see what changed (before and after, counts); serialised as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String entityType, String entityId, String reason, String summary, Object details) {
        em.createNativeQuery("insert into audit_log (actor, action, entity_type, entity_id, reason, summary, details) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))")
                .setParameter(1, actor)
                .setParameter(2, action)
                .setParameter(3, entityType)
                .setParameter(4, entityId)
                .setParameter(5, reason)
                .setParameter(6, summary)
                .setParameter(7, toJson(details))
                .executeUpdate();
    }

    /** Records a change of a catalogue entry with what it was before and what it is now; nothing when they are equal. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordChange(String actor, String entityType, String entityId, String summary, Object before, Object after) {
        recordChange(actor, entityType, entityId, null, summary, before, after);
    }

    /** The same, with the editor's reason for the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordChange(String actor, String entityType, String entityId, String reason, String summary, Object before, Object after) {
        if (before.equals(after)) {
            return;
        }
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("before", before);
        details.put("after", after);
        record(actor, "update", entityType, entityId, reason, summary, details);
    }

    private String toJson(Object details) {
        try {
            return details == null ? null : json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write audit details", e);
        }
    }
}
