package nl.rijksdienst.kpi.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import nl.rijksdienst.kpi.theme.ThemeService;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IndicatorService {

    private final IndicatorRepository indicators;
    private final ThemeService themes;

    public IndicatorService(IndicatorRepository indicators, ThemeService themes) {
        this.indicators = indicators;
        this.themes = themes;
    }

    public Page.Sliced<IndicatorDto> list(String themeId, PageRequest page) {
        if (themeId == null || themeId.isEmpty()) {
            return Page.slice(indicators.listOrdered(), page, IndicatorDto::of);
        }
        if (!themes.exists(themeId)) {
            throw ApiException.badParameter("theme", "er is geen thema '" + themeId + "'; zie /themes voor de thema's");
        }
        return Page.slice(indicators.listByTheme(themeId), page, IndicatorDto::of);
    }

    public Optional<IndicatorDto> find(String id) {
        return indicators.findByIdOptional(id).map(IndicatorDto::of);
    }

    /** The indicator, or a 404 problem naming the id. */
    public Indicator require(String id) {
        return indicators.findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("Er is geen indicator met id '" + id + "'; zie /indicators voor de indicatoren."));
    }
}
