package nl.rijksdienst.kpi.observation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.IndicatorService;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ObservationService {

    private final ObservationRepository observations;
    private final IndicatorService indicators;

    public ObservationService(ObservationRepository observations, IndicatorService indicators) {
        this.observations = observations;
        this.indicators = indicators;
    }

    /** A page of one indicator's observations, with the indicator and the parsed request. */
    public record Result(Indicator indicator, ObservationQuery.Parsed query, List<Observation> items, Page paging) {

        public List<ObservationDto> dtos() {
            return items.stream().map(o -> ObservationDto.of(o, indicator.unit)).toList();
        }
    }

    /** Reads one indicator's observations; 404 for an unknown indicator, 400 for a bad query. */
    public Result search(String indicatorId, Map<String, List<String>> query) {
        Indicator indicator = indicators.require(indicatorId);
        ObservationQuery.Parsed parsed = ObservationQuery.parse(indicator, query);
        boolean wholeSeries = parsed.format() == ObservationQuery.Format.csv && !query.containsKey("page") && !query.containsKey("pageSize");
        // A CSV download is the whole selection unless a page is asked for explicitly.
        PageRequest page = wholeSeries ? new PageRequest(1, Integer.MAX_VALUE) : parsed.page();
        List<Observation> items = observations.search(parsed.filter(), page);
        long total = items.size() < page.pageSize() && page.page() == 1 ? items.size() : observations.count(parsed.filter());
        return new Result(indicator, parsed, items, Page.of(page, total));
    }
}
