package nl.rijksdienst.kpi.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import nl.rijksdienst.kpi.common.Problem;
import nl.rijksdienst.kpi.event.EventService;

/** Webhook subscriptions and their deliveries. */
@ApplicationScoped
@Transactional
public class WebhookService {

    private static final String SUBSCRIPTION = "select s.id, s.url, s.theme_id, s.indicator_id, s.norm_id, s.kind, s.created_by, s.created_at, "
            + "(select count(*) from webhook_delivery d where d.subscription_id = s.id and d.delivered_at is not null), "
            + "(select count(*) from webhook_delivery d where d.subscription_id = s.id and d.delivered_at is null and d.given_up_at is null), "
            + "(select count(*) from webhook_delivery d where d.subscription_id = s.id and d.given_up_at is not null) from webhook_subscription s";

    private final EntityManager em;
    private final EventService events;

    public WebhookService(EntityManager em, EventService events) {
        this.em = em;
        this.events = events;
    }

    public WebhookDtos.Subscription create(WebhookDtos.Input input, String actor) {
        if (input == null) {
            throw ApiException.badParameters(List.of(new Problem.InvalidParam("body", "ontbreekt: stuur een WebhookSubscriptionInput als JSON")));
        }
        List<Problem.InvalidParam> faults = new ArrayList<>();
        URI url = null;
        if (input.url() == null || input.url().isBlank()) {
            faults.add(new Problem.InvalidParam("url", "ontbreekt: het adres dat de gebeurtenissen krijgt"));
        } else {
            try {
                url = URI.create(input.url());
                if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null || url.getRawUserInfo() != null) {
                    faults.add(new Problem.InvalidParam("url", "'" + input.url() + "' is geen http- of https-adres met een host (en zonder gebruikersnaam)"));
                }
            } catch (IllegalArgumentException e) {
                faults.add(new Problem.InvalidParam("url", "'" + input.url() + "' is geen geldig adres"));
            }
        }
        try {
            events.validate(input.theme(), input.indicator(), input.norm(), input.kind(), null);
        } catch (ApiException e) {
            faults.addAll(e.invalidParams());
        }
        if (!faults.isEmpty()) {
            throw ApiException.badParameters(faults);
        }
        UUID id = UUID.randomUUID();
        String secret = Signature.newSecret();
        em.createNativeQuery("insert into webhook_subscription (id, url, secret, theme_id, indicator_id, norm_id, kind, created_by) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, id).setParameter(2, url.toString()).setParameter(3, secret).setParameter(4, input.theme())
                .setParameter(5, input.indicator()).setParameter(6, input.norm()).setParameter(7, input.kind()).setParameter(8, actor)
                .executeUpdate();
        WebhookDtos.Subscription created = find(id.toString()).orElseThrow();
        return new WebhookDtos.Subscription(created.id(), created.url(), created.theme(), created.indicator(), created.norm(), created.kind(), secret,
                created.createdBy(), created.createdAt(), 0, 0, 0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page.Sliced<WebhookDtos.Subscription> list(PageRequest page) {
        List<WebhookDtos.Subscription> all = new ArrayList<>();
        for (Object row : em.createNativeQuery(SUBSCRIPTION + " order by s.created_at, s.id").getResultList()) {
            all.add(subscription((Object[]) row));
        }
        return Page.slice(all, page, s -> s);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WebhookDtos.Subscription> find(String id) {
        UUID uuid = uuid(id);
        if (uuid == null) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery(SUBSCRIPTION + " where s.id = ?1").setParameter(1, uuid).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(subscription((Object[]) rows.get(0)));
    }

    /** Ends a subscription: what was not delivered yet is not delivered. */
    public boolean delete(String id) {
        UUID uuid = uuid(id);
        return uuid != null && em.createNativeQuery("delete from webhook_subscription where id = ?1").setParameter(1, uuid).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page.Sliced<WebhookDtos.Delivery> deliveries(String subscriptionId, PageRequest page) {
        UUID uuid = uuid(subscriptionId);
        if (uuid == null || find(subscriptionId).isEmpty()) {
            throw ApiException.notFound("Er is geen webhookabonnement '" + subscriptionId + "'; zie /webhook-subscriptions.");
        }
        List<WebhookDtos.Delivery> items = new ArrayList<>();
        for (Object row : em.createNativeQuery("select id, event_id, attempts, delivered_at, next_attempt_at, given_up_at, last_status, last_error "
                + "from webhook_delivery where subscription_id = ?1 order by id desc limit " + page.pageSize() + " offset " + page.offset())
                .setParameter(1, uuid).getResultList()) {
            Object[] r = (Object[]) row;
            boolean open = r[3] == null && r[5] == null;
            items.add(new WebhookDtos.Delivery("msg_" + r[0], ((Number) r[1]).longValue(), ((Number) r[2]).intValue(), time(r[3]), open ? time(r[4]) : null,
                    time(r[5]), r[6] == null ? null : ((Number) r[6]).intValue(), (String) r[7]));
        }
        long total = ((Number) em.createNativeQuery("select count(*) from webhook_delivery where subscription_id = ?1").setParameter(1, uuid)
                .getSingleResult()).longValue();
        return new Page.Sliced<>(items, Page.of(page, total));
    }

    private static WebhookDtos.Subscription subscription(Object[] r) {
        return new WebhookDtos.Subscription(r[0].toString(), (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], null, (String) r[6],
                time(r[7]), ((Number) r[8]).longValue(), ((Number) r[9]).longValue(), ((Number) r[10]).longValue());
    }

    static OffsetDateTime time(Object value) {
        return EventService.utc(value);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
