package nl.rijksdienst.kpi.webhook;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Problem;
import nl.rijksdienst.kpi.common.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "editorToken")
@Tag(name = "Webhooks", description = "Gebeurtenissen als ondertekende POST naar de systemen van redacties en dashboards (Standard Webhooks).")
public class WebhookResource {

    private final WebhookService service;
    private final SecurityIdentity identity;

    public WebhookResource(WebhookService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addWebhookSubscription", summary = "Een webhookabonnement nemen",
            description = """
                    Elke gebeurtenis die bij het filter past (zoals bij /events) gaat als POST naar `url`, met als body `type`, \\
                    `timestamp` en `data` (de gebeurtenis) en ondertekend volgens Standard Webhooks: de headers `webhook-id`, \\
                    `webhook-timestamp` en `webhook-signature` (`v1,` en base64 van HMAC-SHA256 over `id.timestamp.body` met het \\
                    geheim). Minstens één keer afgeleverd: zonder 2xx-antwoord opnieuw, met toenemende wachttijd, ook na een herstart. \\
                    Het geheim staat alleen in dit antwoord.""")
    @APIResponse(responseCode = "201", description = "Genomen; Location wijst naar het abonnement; met het geheim.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDtos.Subscription.class)))
    public Response add(WebhookDtos.Input input, @Context UriInfo uriInfo) {
        WebhookDtos.Subscription created = service.create(input, identity.getPrincipal().getName());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhookSubscriptions", summary = "De webhookabonnementen", description = "Alle abonnementen, met hun filters en de tellingen van hun afleveringen (zonder geheim).")
    public WebhookDtos.Subscriptions list(@BeanParam PagingParams paging) {
        Page.Sliced<WebhookDtos.Subscription> page = service.list(paging.toRequest());
        return new WebhookDtos.Subscriptions(page.items(), page.paging());
    }

    @GET
    @Path("/{subscriptionId}")
    @Operation(operationId = "getWebhookSubscription", summary = "Eén webhookabonnement", description = "Het abonnement met de tellingen van zijn afleveringen (zonder geheim).")
    public WebhookDtos.Subscription get(@Parameter(description = "Identificatie van het abonnement.") @PathParam("subscriptionId") String subscriptionId) {
        return service.find(subscriptionId).orElseThrow(() -> notFound(subscriptionId));
    }

    @GET
    @Path("/{subscriptionId}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "De afleveringen van een abonnement",
            description = "Per gebeurtenis: de pogingen, of en wanneer ze afgeleverd is, de volgende poging, en het laatste antwoord.")
    public WebhookDtos.Deliveries deliveries(@Parameter(description = "Identificatie van het abonnement.") @PathParam("subscriptionId") String subscriptionId,
            @BeanParam PagingParams paging) {
        Page.Sliced<WebhookDtos.Delivery> page = service.deliveries(subscriptionId, paging.toRequest());
        return new WebhookDtos.Deliveries(page.items(), page.paging());
    }

    @DELETE
    @Path("/{subscriptionId}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Een webhookabonnement beëindigen", description = "Wat nog niet afgeleverd was, wordt niet meer afgeleverd.")
    @APIResponse(responseCode = "204", description = "Beëindigd.")
    @APIResponse(responseCode = "404", description = "Er is geen abonnement met deze identificatie.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "Identificatie van het abonnement.") @PathParam("subscriptionId") String subscriptionId) {
        if (!service.delete(subscriptionId)) {
            throw notFound(subscriptionId);
        }
        return Response.noContent().build();
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("Er is geen webhookabonnement '" + id + "'; zie /webhook-subscriptions.");
    }
}
