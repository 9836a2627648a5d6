package nl.rijksdienst.kpi.theme;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ThemeRepository implements PanacheRepositoryBase<Theme, String> {

    public List<Theme> listOrdered() {
        return list("order by code");
    }
}
