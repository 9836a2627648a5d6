package nl.rijksdienst.kpi.scorecard;

import nl.rijksdienst.kpi.norm.NormKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.norm.NormCheckService;
import nl.rijksdienst.kpi.norm.NormEvaluationDto;
import nl.rijksdienst.kpi.norm.check.Verdict;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ScorecardService {

    private final NormCheckService normChecks;

    public ScorecardService(NormCheckService normChecks) {
        this.normChecks = normChecks;
    }

    public ScorecardDto scorecard(PageRequest page, java.time.OffsetDateTime asOf) {
        NormCheckService.Evaluations evaluated = normChecks.evaluateAll(asOf);
        List<NormEvaluationDto> evaluations = evaluated.items();
        Map<String, Indicator> byId = evaluated.indicators();
        ScorecardDto.VerdictCounts summary = counts(evaluations, NormKind.norm);
        ScorecardDto.VerdictCounts comparisons = counts(evaluations, NormKind.comparison);
        Page.Sliced<ScorecardDto.Item> sliced = Page.slice(evaluations, page, e -> {
            Indicator i = byId.get(e.norm().indicatorId());
            return new ScorecardDto.Item(e.norm(), new ScorecardDto.IndicatorRef(i.id, LocalizedText.of(i.labelNl, i.labelEn), i.unit), e.latest(), e.interim());
        });
        return new ScorecardDto(normChecks.evaluationDay(asOf), summary, comparisons, sliced.items(), sliced.paging());
    }

    private static ScorecardDto.VerdictCounts counts(List<NormEvaluationDto> evaluations, NormKind kind) {
        Map<Verdict, Long> counts = evaluations.stream().filter(e -> e.norm().kind() == kind)
                .collect(Collectors.groupingBy(e -> e.latest().verdict(), Collectors.counting()));
        return new ScorecardDto.VerdictCounts(count(counts, Verdict.met), count(counts, Verdict.breached),
                count(counts, Verdict.on_track), count(counts, Verdict.off_track), count(counts, Verdict.indeterminate), count(counts, Verdict.no_data));
    }

    private static int count(Map<Verdict, Long> counts, Verdict verdict) {
        return counts.getOrDefault(verdict, 0L).intValue();
    }
}
