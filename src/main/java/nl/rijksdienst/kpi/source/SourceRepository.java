package nl.rijksdienst.kpi.source;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, String> {

    public List<Source> listOrdered() {
        return list("order by id");
    }
}
