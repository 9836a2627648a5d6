package nl.rijksdienst.kpi.norm;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class NormRepository implements PanacheRepositoryBase<Norm, String> {

    public List<Norm> listOrdered() {
        return list("order by id");
    }

    public List<Norm> listByIndicator(String indicatorId) {
        return list("indicatorId = ?1 order by id", indicatorId);
    }
}
