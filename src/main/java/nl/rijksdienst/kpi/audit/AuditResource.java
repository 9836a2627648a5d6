package nl.rijksdienst.kpi.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/audit-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Redactie")
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditResource {

    private static final java.util.Set<String> ENTITY_TYPES = java.util.Set.of("indicator", "norm", "source", "observation", "observation-import");

    private final EntityManager em;
    private final ObjectMapper json;

    public AuditResource(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Schema(name = "AuditEntryCollection", description = "Een pagina wijzigingen, nieuwste eerst.")
    public record AuditEntryCollection(@Schema(required = true) List<AuditEntryDto> items, @Schema(required = true) Page paging) {
    }

    @GET
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "editorToken")
    @Operation(operationId = "listAuditEntries", summary = "Het auditlog opvragen",
            description = "Geeft wie wat wanneer veranderde (toevoegingen, wijzigingen, correcties en imports), nieuwste eerst. Alleen voor redacteuren.")
    @SuppressWarnings("unchecked")
    public AuditEntryCollection list(
            @Parameter(description = "Alleen wijzigingen van deze soort object.", schema = @Schema(enumeration = {"indicator", "norm", "source", "observation", "observation-import"}))
            @QueryParam("entityType") String entityType,
            @Parameter(description = "Alleen wijzigingen van dit object. Met entityType=observation: ook de imports die een versie van deze waarneming schreven.",
                    example = "roemernorm") @QueryParam("entityId") String entityId,
            @BeanParam PagingParams paging) {
        PageRequest page = paging.toRequest();
        if (entityType != null && !ENTITY_TYPES.contains(entityType)) {
            throw ApiException.badParameter("entityType", "'" + entityType + "' is geen soort object; kies uit " + String.join(", ", ENTITY_TYPES.stream().sorted().toList()));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> clauses = new ArrayList<>();
        boolean figure = "observation".equals(entityType) && entityId != null && entityId.matches("\\d{1,18}");
        if (figure) {
            // A figure's entries: its own (added, corrected) and those of the imports that wrote a version of it.
            clauses.add("(entity_type = :entityType and entity_id = :entityId or entity_type = 'observation-import' and entity_id in "
                    + "(select cast(import_id as text) from observation where observation_id = cast(:entityId as bigint) and import_id is not null))");
        } else {
            if (entityType != null) {
                clauses.add("entity_type = :entityType");
            }
            if (entityId != null) {
                clauses.add("entity_id = :entityId");
            }
        }
        if (entityType != null) {
            params.put("entityType", entityType);
        }
        if (entityId != null) {
            params.put("entityId", entityId);
        }
        String where = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        Query count = em.createNativeQuery("select count(*) from audit_log" + where);
        Query select = em.createNativeQuery("select id, occurred_at, actor, action, entity_type, entity_id, reason, summary, cast(details as text) "
                + "from audit_log" + where + " order by id desc");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        List<Object[]> rows = select.setFirstResult(page.offset()).setMaxResults(page.pageSize()).getResultList();
        List<AuditEntryDto> items = new ArrayList<>();
        for (Object[] row : rows) {
            items.add(new AuditEntryDto(((Number) row[0]).longValue(), toOffset(row[1]), (String) row[2], (String) row[3], (String) row[4],
                    (String) row[5], (String) row[6], (String) row[7], parse((String) row[8])));
        }
        return new AuditEntryCollection(items, Page.of(page, ((Number) count.getSingleResult()).longValue()));
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String details) {
        try {
            return details == null ? null : json.readValue(details, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
