package nl.rijksdienst.kpi.indicator;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class IndicatorRepository implements PanacheRepositoryBase<Indicator, String> {

    public List<Indicator> listOrdered() {
        return list("order by themeId, id");
    }

    public List<Indicator> listByTheme(String themeId) {
        return list("themeId = ?1 order by id", themeId);
    }

    public List<Indicator> listByIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
