package nl.rijksdienst.kpi.event;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.rijksdienst.kpi.commitment.CommitmentDto;
import nl.rijksdienst.kpi.commitment.CommitmentService;
import nl.rijksdienst.kpi.commitment.CommitmentState;
import nl.rijksdienst.kpi.common.LocalizedText;

/**
 * Tells when a commitment becomes due soon, overdue or delivered. A commitment's state moves with
 * the calendar as well as with the data, so it is checked every few minutes (and shortly after
 * start), on every replica; each state is announced once ({@code commitment_announcement}), by the
 * replica that sees it first. A commitment that goes back (its term moved) may be announced again.
 */
@ApplicationScoped
public class CommitmentAnnouncer {

    private static final EnumSet<CommitmentState> TOLD = EnumSet.of(CommitmentState.due_soon, CommitmentState.overdue, CommitmentState.delivered);

    private final CommitmentService commitments;
    private final EventLog events;
    private final EntityManager em;

    public CommitmentAnnouncer(CommitmentService commitments, EventLog events, EntityManager em) {
        this.commitments = commitments;
        this.events = events;
        this.em = em;
    }

    @Scheduled(every = "${kpi.events.commitment-check}", delayed = "${kpi.events.commitment-check-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        announce();
    }

    /** Announces every state not announced before; returns how many. */
    @Transactional
    public int announce() {
        int told = 0;
        for (CommitmentDto c : commitments.list(new CommitmentService.Filter(null, null, null, null), null)) {
            // a state it left may be told again when it comes back
            em.createNativeQuery("delete from commitment_announcement where commitment_id = ?1 and state <> ?2")
                    .setParameter(1, c.id()).setParameter(2, c.state().name()).executeUpdate();
            if (!TOLD.contains(c.state())) {
                continue;
            }
            int inserted = em.createNativeQuery("insert into commitment_announcement (commitment_id, state) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, c.id()).setParameter(2, c.state().name()).executeUpdate();
            if (inserted == 0) {
                continue;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("commitmentId", c.id());
            data.put("state", c.state());
            data.put("evaluatedOn", c.evaluatedOn());
            data.put("indicatorIds", c.indicatorIds());
            data.put("normIds", c.normIds());
            LocalizedText state = switch (c.state()) {
                case due_soon -> LocalizedText.of("Binnenkort", "Due soon");
                case overdue -> LocalizedText.of("Termijn verstreken", "Overdue");
                default -> LocalizedText.of("Geleverd", "Delivered");
            };
            events.record(EventLog.COMMITMENT_STATE, c.themeId(), c.indicatorIds().isEmpty() ? null : c.indicatorIds().get(0),
                    c.normIds().isEmpty() ? null : c.normIds().get(0), "/commitments/" + c.id(),
                    LocalizedText.of(state.nl() + ": " + c.label().nl(), state.en() + ": " + (c.label().en() == null ? c.label().nl() : c.label().en())),
                    c.sentence(), data);
            told++;
        }
        return told;
    }
}
