package nl.rijksdienst.kpi.theme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ThemeService {

    private final ThemeRepository themes;

    public ThemeService(ThemeRepository themes) {
        this.themes = themes;
    }

    public Page.Sliced<ThemeDto> list(PageRequest page) {
        return Page.slice(themes.listOrdered(), page, ThemeDto::of);
    }

    public Optional<ThemeDto> find(String id) {
        return themes.findByIdOptional(id).map(ThemeDto::of);
    }

    /** The ids of every theme. */
    public java.util.Set<String> ids() {
        return themes.listAll().stream().map(t -> t.id).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public boolean exists(String id) {
        return themes.findByIdOptional(id).isPresent();
    }
}
