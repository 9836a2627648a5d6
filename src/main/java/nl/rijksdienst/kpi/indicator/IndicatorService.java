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
    private final nl.rijksdienst.kpi.common.DataVersions dataVersions;
    /** Indicators as read for answers, under the data version they were read at: any write moves the version. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Indicator> forReading = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .maximumSize(10_000).build();

    public IndicatorService(IndicatorRepository indicators, ThemeService themes, nl.rijksdienst.kpi.common.DataVersions dataVersions) {
        this.indicators = indicators;
        this.themes = themes;
        this.dataVersions = dataVersions;
    }

    /**
     * The indicator for a read (never to change): kept in memory for the data version it was read
     * at, so a page of observations does not read its indicator again; 404 as {@link #require}.
     */
    public Indicator requireForReading(String id) {
        // the version before the read: what is kept is at least as new as its key
        String key = dataVersions.current().number() + "|" + id;
        Indicator known = forReading.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Indicator indicator = require(id);
        forReading.put(key, indicator);
        return indicator;
    }

    /** Every indicator in listing order (by theme, then id), for a read; kept for the data version it was read at. */
    public java.util.List<Indicator> allForReading() {
        long version = dataVersions.current().number();
        Everything known = everything;
        if (known != null && known.version() == version) {
            return known.indicators();
        }
        java.util.List<Indicator> all = java.util.List.copyOf(indicators.listOrdered());
        everything = new Everything(version, all);
        return all;
    }

    private record Everything(long version, java.util.List<Indicator> indicators) {
    }

    private volatile Everything everything;

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
