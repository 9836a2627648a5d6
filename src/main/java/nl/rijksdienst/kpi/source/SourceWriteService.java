package nl.rijksdienst.kpi.source;

import nl.rijksdienst.kpi.common.ResourceVersions;
import jakarta.persistence.LockModeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.audit.AuditLog;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.Faults;

/** Adds and changes sources; every change is in the audit log with what it was before. */
@ApplicationScoped
@Transactional
public class SourceWriteService {

    private final SourceRepository sources;
    private final AuditLog audit;
    private final ResourceVersions versions;

    public SourceWriteService(SourceRepository sources, AuditLog audit, ResourceVersions versions) {
        this.sources = sources;
        this.audit = audit;
        this.versions = versions;
    }

    public SourceDto create(SourceInput input, String actor) {
        Faults faults = validate(input);
        faults.kebabId("id", input == null ? null : input.id());
        faults.throwIfAny();
        if (sources.findByIdOptional(input.id()).isPresent()) {
            throw new ApiException(409, "Conflict", "Er is al een bron met id '" + input.id() + "'; wijzig die met PUT /sources/" + input.id() + ".", List.of());
        }
        Source source = new Source();
        source.id = input.id();
        source.apply(input);
        sources.persist(source);
        SourceDto after = SourceDto.of(source);
        audit.record(actor, "create", "source", source.id, null, "Bron " + source.id + " toegevoegd", Map.of("after", after));
        return after;
    }

    public SourceDto update(String id, SourceInput input, String actor, String ifMatch) {
        Source source = sources.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> ApiException.notFound("Er is geen bron met id '" + id + "'."));
        versions.requireMatch(ifMatch, SourceDto.of(source));
        Faults faults = validate(input);
        if (input != null && input.id() != null && !input.id().equals(id)) {
            faults.add("id", "wijkt af van de bron in het pad ('" + id + "'); een identificatie verandert niet");
        }
        faults.throwIfAny();
        SourceDto before = SourceDto.of(source);
        source.apply(input);
        SourceDto after = SourceDto.of(source);
        audit.recordChange(actor, "source", id, "Bron " + id + " gewijzigd", before, after);
        return after;
    }

    private static Faults validate(SourceInput input) {
        Faults faults = new Faults();
        if (input == null) {
            return faults.add("body", "ontbreekt: stuur een SourceInput als JSON");
        }
        faults.required("type", input.type());
        faults.required("title", input.title());
        faults.optionalText("publisher", input.publisher());
        faults.optionalText("kamerstuk", input.kamerstuk());
        faults.optionalText("dateNote", input.dateNote());
        if (input.earliestPublicationDate() != null && input.publicationDate() != null) {
            faults.add("earliestPublicationDate", "alleen voor een bron zonder datum; deze bron heeft publicationDate");
        }
        if (input.earliestPublicationDate() != null && (input.dateNote() == null || input.dateNote().isBlank())) {
            faults.add("dateNote", "ontbreekt: zeg waarom de bron niet vóór earliestPublicationDate openbaar kan zijn geweest");
        }
        if (input.url() != null) {
            try {
                URI uri = URI.create(input.url());
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    faults.add("url", "'" + input.url() + "' is geen http- of https-adres");
                }
            } catch (IllegalArgumentException e) {
                faults.add("url", "'" + input.url() + "' is geen geldig adres");
            }
        }
        return faults;
    }
}
