package nl.rijksdienst.kpi.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import nl.rijksdienst.kpi.common.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the webhook resources take and give. */
public final class WebhookDtos {

    private WebhookDtos() {
    }

    @Schema(name = "WebhookSubscriptionInput", description = "Een abonnement: waarheen de gebeurtenissen gaan, en welke (zoals de filters van /events).")
    public record Input(
            @Schema(description = "Het adres dat elke gebeurtenis als POST krijgt (http of https).", required = true, examples = "https://dashboard.example.nl/hooks/kpi")
            String url,
            @Schema(description = "Alleen gebeurtenissen over dit thema.", examples = "werkgeverschap") String theme,
            @Schema(description = "Alleen gebeurtenissen over deze indicator.", examples = "external-hiring-share") String indicator,
            @Schema(description = "Alleen gebeurtenissen over deze norm.", examples = "roemernorm") String norm,
            @Schema(description = "Alleen gebeurtenissen van deze soort.", examples = "verdict.changed") String kind) {
    }

    @Schema(name = "WebhookSubscription", description = "Een abonnement op gebeurtenissen, met de tellingen van zijn afleveringen.")
    public record Subscription(
            @Schema(description = "Identificatie van het abonnement.", required = true) String id,
            @Schema(description = "Het adres dat de gebeurtenissen krijgt.", required = true) String url,
            @Schema(description = "Het filter op thema.") String theme,
            @Schema(description = "Het filter op indicator.") String indicator,
            @Schema(description = "Het filter op norm.") String norm,
            @Schema(description = "Het filter op soort.") String kind,
            @Schema(description = "Het geheim waarmee elke aflevering is ondertekend (Standard Webhooks: whsec_ en base64); alleen in het antwoord op het aanmaken.")
            String secret,
            @Schema(description = "Wie het abonnement nam.", required = true) String createdBy,
            @Schema(description = "Wanneer.", required = true) OffsetDateTime createdAt,
            @Schema(description = "Afgeleverde gebeurtenissen.", required = true) long delivered,
            @Schema(description = "Gebeurtenissen die nog (opnieuw) geprobeerd worden.", required = true) long pending,
            @Schema(description = "Gebeurtenissen waarvoor het opgegeven is na het laatste van de pogingen.", required = true) long givenUp) {
    }

    @Schema(name = "WebhookSubscriptionCollection", description = "De abonnementen.")
    public record Subscriptions(@Schema(required = true) List<Subscription> items, @Schema(required = true) Page paging) {
    }

    @Schema(name = "WebhookDelivery", description = "De aflevering van één gebeurtenis aan één abonnement.")
    public record Delivery(
            @Schema(description = "Identificatie van de aflevering; ook de webhook-id van het bericht.", required = true) String id,
            @Schema(description = "De gebeurtenis (zie /events/{eventId}).", required = true) long eventId,
            @Schema(description = "Pogingen tot nu toe.", required = true) int attempts,
            @Schema(description = "Wanneer afgeleverd (een 2xx-antwoord).") OffsetDateTime deliveredAt,
            @Schema(description = "Wanneer de volgende poging is, als er nog een komt.") OffsetDateTime nextAttemptAt,
            @Schema(description = "Wanneer het opgegeven werd.") OffsetDateTime givenUpAt,
            @Schema(description = "De HTTP-status van het laatste antwoord.") Integer lastStatus,
            @Schema(description = "Wat er bij de laatste poging misging.") String lastError) {
    }

    @Schema(name = "WebhookDeliveryCollection", description = "De afleveringen van een abonnement, de nieuwste eerst.")
    public record Deliveries(@Schema(required = true) List<Delivery> items, @Schema(required = true) Page paging) {
    }
}
