package nl.rijksdienst.kpi.source;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, String> {

    public List<Source> listOrdered() {
        return list("order by id");
    }

    /** Every source by its id, read at once: what the sentences of an answer cite. */
    public java.util.Map<String, Source> byId() {
        java.util.Map<String, Source> byId = new java.util.HashMap<>();
        listOrdered().forEach(s -> byId.put(s.id, s));
        return byId;
    }

    /** The address of a source, if it has one. */
    public String url(String id) {
        return id == null ? null : findByIdOptional(id).map(s -> s.url).orElse(null);
    }
}
