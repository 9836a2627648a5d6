package nl.rijksdienst.kpi.scorecard;

import nl.rijksdienst.kpi.norm.NormKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import nl.rijksdienst.kpi.commitment.CommitmentDto;
import nl.rijksdienst.kpi.commitment.CommitmentService;
import nl.rijksdienst.kpi.commitment.CommitmentState;
import java.util.Map;
import java.util.stream.Collectors;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.norm.NormCheckService;
import nl.rijksdienst.kpi.norm.NormEvaluationDto;
import nl.rijksdienst.kpi.norm.VerdictBasis;
import nl.rijksdienst.kpi.norm.check.Verdict;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ScorecardService {

    private final NormCheckService normChecks;
    private final CommitmentService commitments;

    public ScorecardService(NormCheckService normChecks, CommitmentService commitments) {
        this.normChecks = normChecks;
        this.commitments = commitments;
    }

    public ScorecardDto scorecard(PageRequest page, java.time.OffsetDateTime asOf) {
        NormCheckService.Evaluations evaluated = normChecks.evaluateAll(asOf);
        List<NormEvaluationDto> evaluations = evaluated.items();
        Map<String, Indicator> byId = evaluated.indicators();
        ScorecardDto.VerdictCounts summary = counts(evaluations.stream()
                .filter(e -> e.norm().kind() == NormKind.norm && e.latest().basis() == VerdictBasis.source).toList());
        ScorecardDto.VerdictCounts qualified = counts(evaluations.stream()
                .filter(e -> e.norm().kind() == NormKind.norm && e.latest().basis() != VerdictBasis.source).toList());
        ScorecardDto.VerdictCounts comparisons = counts(evaluations.stream().filter(e -> e.norm().kind() == NormKind.comparison).toList());
        Page.Sliced<ScorecardDto.Item> sliced = Page.slice(evaluations, page, e -> {
            Indicator i = byId.get(e.norm().indicatorId());
            return new ScorecardDto.Item(e.norm(), new ScorecardDto.IndicatorRef(i.id, LocalizedText.of(i.labelNl, i.labelEn), i.unit), e.latest(), e.interim());
        });
        List<CommitmentDto> all = commitments.list(new CommitmentService.Filter(null, null, null, null), asOf);
        Map<CommitmentState, Long> byState = all.stream().collect(Collectors.groupingBy(CommitmentDto::state, Collectors.counting()));
        ScorecardDto.CommitmentCounts commitmentCounts = new ScorecardDto.CommitmentCounts(byState.getOrDefault(CommitmentState.open, 0L).intValue(),
                byState.getOrDefault(CommitmentState.due_soon, 0L).intValue(), byState.getOrDefault(CommitmentState.overdue, 0L).intValue(),
                byState.getOrDefault(CommitmentState.delivered, 0L).intValue());
        List<ScorecardDto.CommitmentRef> pending = all.stream().filter(c -> c.state() != CommitmentState.delivered)
                .sorted(Comparator.comparing((CommitmentDto c) -> c.due() == null ? LocalDate.MAX : c.due().end()).thenComparing(CommitmentDto::id))
                .map(c -> new ScorecardDto.CommitmentRef(c.id(), c.themeId(), c.label(), c.kind(), c.due() == null ? null : c.due().wording(),
                        c.due() == null ? null : c.due().end(), c.state(), c.stateNote()))
                .toList();
        return new ScorecardDto(normChecks.evaluationDay(asOf), summary, qualified, comparisons, commitmentCounts, pending, sliced.items(), sliced.paging());
    }

    private static ScorecardDto.VerdictCounts counts(List<NormEvaluationDto> evaluations) {
        Map<Verdict, Long> counts = evaluations.stream()
                .collect(Collectors.groupingBy(e -> e.latest().verdict(), Collectors.counting()));
        return new ScorecardDto.VerdictCounts(count(counts, Verdict.met), count(counts, Verdict.breached),
                count(counts, Verdict.on_track), count(counts, Verdict.off_track), count(counts, Verdict.indeterminate), count(counts, Verdict.no_data));
    }

    private static int count(Map<Verdict, Long> counts, Verdict verdict) {
        return counts.getOrDefault(verdict, 0L).intValue();
    }
}
