package nl.rijksdienst.kpi.event;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.DataVersions;
import nl.rijksdienst.kpi.common.HttpCaching;
import nl.rijksdienst.kpi.common.MediaNegotiation;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Problem;
import nl.rijksdienst.kpi.common.ProblemMappers;
import nl.rijksdienst.kpi.common.PublicUrl;
import nl.rijksdienst.kpi.sentence.Language;
import nl.rijksdienst.kpi.sentence.SentenceAnswer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/events")
@Tag(name = "Gebeurtenissen", description = "Wat er veranderde: als lijst, als Atom-feed voor feedlezers en intranetten, en live voor dashboards.")
public class EventResource {

    private static final java.util.Map<String, String> FORMATS = MediaNegotiation.formats("json", MediaType.APPLICATION_JSON, "atom", Atom.MEDIA_TYPE);

    private final EventService events;
    private final LiveEvents live;
    private final PublicUrl publicUrl;
    private final DataVersions versions;

    public EventResource(EventService events, LiveEvents live, PublicUrl publicUrl, DataVersions versions) {
        this.events = events;
        this.live = live;
        this.publicUrl = publicUrl;
        this.versions = versions;
    }

    @Schema(name = "EventCollection", description = "Gebeurtenissen, de nieuwste eerst.")
    public record EventCollection(@Schema(required = true) List<EventDto> items, @Schema(required = true) Page paging) {
    }

    @GET
    @HttpCaching.MaxAge(60)
    @Produces({MediaType.APPLICATION_JSON, Atom.MEDIA_TYPE})
    @Operation(operationId = "listEvents", summary = "Wat er veranderde, als lijst of als Atom-feed",
            description = """
                    De gebeurtenissen, de nieuwste eerst: nieuwe cijfers, correcties met de oude en de nieuwe waarde, imports, andere \\
                    oordelen over een norm (zoals overschreden → voldaan) en toezeggingen die binnenkort aflopen, verstreken of geleverd \\
                    zijn, elk met de zin zoals die toen luidde en een link naar de resource. Als Atom-feed (RFC 4287) met \\
                    `Accept: application/atom+xml` of `format=atom`, voor elke feedlezer; in de taal van `lang`. Filter op thema, \\
                    indicator, norm of soort; met `after` alleen wat na een bekende gebeurtenis kwam.""")
    @APIResponse(responseCode = "200", description = "De gebeurtenissen.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventCollection.class)),
            @Content(mediaType = Atom.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Ongeldige invoer: een thema, indicator, norm, soort of after die niet bestaat of niet deugt.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Alleen gebeurtenissen over dit thema.", example = "werkgeverschap") @QueryParam("theme") String theme,
            @Parameter(description = "Alleen gebeurtenissen over deze indicator.", example = "external-hiring-share") @QueryParam("indicator") String indicator,
            @Parameter(description = "Alleen gebeurtenissen over deze norm.", example = "roemernorm") @QueryParam("norm") String norm,
            @Parameter(description = "Alleen gebeurtenissen van deze soort.", schema = @Schema(enumeration = {"observation.added", "observation.corrected",
                    "observations.imported", "verdict.changed", "commitment.state"})) @QueryParam("kind") String kind,
            @Parameter(description = "Alleen gebeurtenissen met een hogere identificatie dan deze: wat kwam na de laatste die u zag.", example = "41",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("after") String after,
            @Parameter(description = "Formaat; gaat voor de Accept-header.", schema = @Schema(enumeration = {"json", "atom"})) @QueryParam("format") String format,
            @Parameter(description = "De taal van de Atom-feed: nl (standaard) of en.", schema = @Schema(enumeration = {"nl", "en"})) @QueryParam("lang") String lang,
            @BeanParam PagingParams paging,
            @Context UriInfo uriInfo,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String type = MediaNegotiation.require(format, FORMATS, accept, "van de gebeurtenissen");
        Language language = SentenceAnswer.language(lang);
        EventService.Filter filter = events.validate(theme, indicator, norm, kind, after);
        Page.Sliced<EventDto> page = events.list(filter, paging.toRequest());
        if (type.equals(MediaType.APPLICATION_JSON)) {
            return Response.ok(new EventCollection(page.items(), page.paging()), MediaType.APPLICATION_JSON_TYPE).build();
        }
        String query = uriInfo.getRequestUri().getRawQuery();
        URI self = publicUrl.of("events" + (query == null ? "" : "?" + query));
        OffsetDateTime updated = page.items().isEmpty() ? versions.current().changedAt().atOffset(java.time.ZoneOffset.UTC) : page.items().get(0).occurredAt();
        String title = "Rijksdienst KPI: " + (language == Language.nl ? "wat er veranderde" : "what changed")
                + (theme == null && indicator == null && norm == null && kind == null ? "" : " (" + String.join(", ",
                        java.util.stream.Stream.of(theme, indicator, norm, kind).filter(java.util.Objects::nonNull).toList()) + ")");
        StreamingOutput body = out -> {
            try {
                Atom.write(out, page.items(), self, publicUrl.api(), updated, title, language);
            } catch (XMLStreamException e) {
                throw new java.io.IOException("Cannot write the feed", e);
            }
        };
        return Response.ok(body, Atom.MEDIA_TYPE + ";charset=utf-8").build();
    }

    @GET
    @HttpCaching.MaxAge(300)
    @Path("/{eventId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getEvent", summary = "Eén gebeurtenis opvragen", description = "Eén gebeurtenis, zoals in de lijst; de id van een Atom-entry verwijst hierheen.")
    public EventDto get(@Parameter(description = "Identificatie van de gebeurtenis.", example = "42") @PathParam("eventId") String eventId) {
        long id;
        try {
            id = Long.parseLong(eventId);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Er is geen gebeurtenis '" + eventId + "'; een gebeurtenis heeft een getal als identificatie.");
        }
        return events.find(id).orElseThrow(() -> ApiException.notFound("Er is geen gebeurtenis " + eventId + "; zie /events."));
    }

    @GET
    @HttpCaching.Live
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamEvents", summary = "Wat er verandert, live (server-sent events)",
            description = """
                    Een stroom server-sent events voor dashboards in de browser (`new EventSource('/api/v1/events/stream')`), op elke \\
                    replica: eerst `data-version` met de stand van de gegevens, dan bij elke wijziging een `event` per gebeurtenis (id: \\
                    die van de gebeurtenis, dus een browser die opnieuw verbindt krijgt met Last-Event-ID wat hij miste) en een \\
                    `data-version` met de nieuwe versie. Binnen een seconde na de wijziging, op welke replica die ook gebeurde.""")
    @APIResponse(responseCode = "200", description = "De stroom; blijft open.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    public void stream(@Context SseEventSink sink, @Context Sse sse,
            @Parameter(description = "De laatste gebeurtenis die de browser kreeg; wat erna kwam wordt eerst gestuurd.", schema = @Schema(type = SchemaType.INTEGER))
            @HeaderParam("Last-Event-ID") String lastEventId) {
        Long last = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                last = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw new ApiException(400, ProblemMappers.titleFor(400), "Last-Event-ID '" + lastEventId + "' is geen identificatie van een gebeurtenis.",
                        List.of(new Problem.InvalidParam("Last-Event-ID", "geen geheel getal")));
            }
        }
        live.register(sink, sse, last);
    }
}
