package nl.rijksdienst.kpi.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.rijksdienst.kpi.common.AsOf;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.norm.NormCheckService;
import nl.rijksdienst.kpi.period.Period;

/** Reads commitments, each with its state on the evaluation day, as public now or on the day of {@code asOf}. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CommitmentService {

    private final CommitmentRepository commitments;
    private final NormCheckService normChecks;
    private final nl.rijksdienst.kpi.source.SourceRepository sources;

    public CommitmentService(CommitmentRepository commitments, NormCheckService normChecks, nl.rijksdienst.kpi.source.SourceRepository sources) {
        this.commitments = commitments;
        this.normChecks = normChecks;
        this.sources = sources;
    }

    /** The sentence of a commitment as served, citing its source as it stands now. */
    public nl.rijksdienst.kpi.sentence.Sentence sentence(CommitmentDto commitment) {
        return nl.rijksdienst.kpi.sentence.CommitmentSentences.of(commitment, sources());
    }

    /** The sources sentences cite, read once per answer. */
    private java.util.function.Function<String, nl.rijksdienst.kpi.source.Source> sources() {
        return sources.byId()::get;
    }

    /** Filters of a list; an empty set or null means any. */
    public record Filter(String themeId, Set<CommitmentState> states, String indicatorId, String normId) {
    }

    public List<CommitmentDto> list(Filter filter, OffsetDateTime asOf) {
        LocalDate day = normChecks.evaluationDay(asOf);
        var cited = sources();
        return commitments.listPublic(AsOf.day(asOf)).stream()
                .filter(v -> filter.themeId() == null || filter.themeId().equals(v.themeId))
                .filter(v -> filter.indicatorId() == null || listed(v.content.indicatorIds(), filter.indicatorId()))
                .filter(v -> filter.normId() == null || listed(v.content.normIds(), filter.normId()))
                .map(v -> of(v, day, cited))
                .filter(c -> filter.states() == null || filter.states().isEmpty() || filter.states().contains(c.state()))
                .toList();
    }

    public CommitmentDto find(String id, OffsetDateTime asOf) {
        return commitments.findPublic(id, AsOf.day(asOf)).map(v -> of(v, normChecks.evaluationDay(asOf), sources()))
                .orElseThrow(() -> ApiException.notFound("Er is geen toezegging met id '" + id + "'"
                        + (asOf == null ? "" : " die op " + AsOf.day(asOf) + " openbaar was") + "; zie /commitments."));
    }

    public List<CommitmentDto> versions(String id) {
        LocalDate day = normChecks.evaluationDay(null);
        var cited = sources();
        List<CommitmentDto> versions = commitments.versions(id).stream().map(v -> of(v, day, cited)).toList();
        if (versions.isEmpty()) {
            throw ApiException.notFound("Er is geen toezegging met id '" + id + "'; zie /commitments.");
        }
        return versions;
    }

    private static boolean listed(List<String> ids, String id) {
        return ids != null && ids.contains(id);
    }

    /** A commitment as served, with its sentence citing its source from {@code sources}. */
    static CommitmentDto of(CommitmentVersion v, LocalDate day, java.util.function.Function<String, nl.rijksdienst.kpi.source.Source> sources) {
        CommitmentInput c = v.content;
        Optional<Period> due = c.due() == null ? Optional.empty() : Period.parse(c.due().periodCode());
        CommitmentStates.Judged judged = CommitmentStates.judge(c.delivery(), due.orElse(null), c.due() == null ? null : c.due().qualifier(), day);
        CommitmentDto.DueDto dueDto = due.map(p -> new CommitmentDto.DueDto(p.code(), p.start(), p.end(), c.due().qualifier(), c.due().wording(),
                c.due().interpretation())).orElse(null);
        CommitmentDto unsaid = new CommitmentDto(v.commitmentId, v.themeId, c.kind(), c.label(), c.description(), c.promisedBy(), c.promisedTo(), dueDto,
                c.citation(), c.indicatorIds() == null ? List.of() : c.indicatorIds(), c.normIds() == null ? List.of() : c.normIds(), c.delivery(),
                judged.state(), judged.note(), day, v.version, v.publishedOn, v.publicationBasis, v.recordedAt, null);
        return unsaid.withSentence(nl.rijksdienst.kpi.sentence.CommitmentSentences.of(unsaid, sources).text());
    }
}
