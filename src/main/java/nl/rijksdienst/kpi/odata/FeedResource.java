package nl.rijksdienst.kpi.odata;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.common.DataVersions;
import nl.rijksdienst.kpi.common.KnownQueryParameters;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.IndicatorService;
import nl.rijksdienst.kpi.observation.ObservationRepository;
import org.apache.olingo.commons.api.http.HttpMethod;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHandler;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The read-only OData v4 feed at {@code /odata}, the interface of CBS StatLine that Excel's and Power
 * BI's "OData feed" connector reads: {@code $metadata}, the entity sets {@code Indicators} and
 * {@code Observations}, {@code $filter}, {@code $select}, {@code $top}, {@code $skip}, {@code $count}
 * and server-driven paging. Apache Olingo speaks the protocol; each request is handed to its
 * handler as it is, without a servlet container. The model follows the catalogue: it is built
 * again when the data version moves. Described by its own {@code $metadata}, so not in the OpenAPI
 * document.
 */
@Path("/odata")
public class FeedResource {

    private final IndicatorService indicators;
    private final ObservationRepository observations;
    private final javax.sql.DataSource dataSource;
    private final ObjectMapper mapper;
    private final DataVersions dataVersions;
    private final int pageSize;
    private volatile Model model;

    private record Model(long version, List<Indicator> indicators, FeedModel feed, OData odata, ServiceMetadata metadata) {
    }

    public FeedResource(IndicatorService indicators, ObservationRepository observations, javax.sql.DataSource dataSource, ObjectMapper mapper,
            DataVersions dataVersions, @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kpi.odata.page-size", defaultValue = "1000") int pageSize) {
        this.pageSize = pageSize;
        this.indicators = indicators;
        this.observations = observations;
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.dataVersions = dataVersions;
    }

    @GET
    @KnownQueryParameters.OpenQuery
    @Operation(hidden = true)
    public Response root(@Context UriInfo uri, @Context HttpHeaders headers) {
        return handle(uri, headers);
    }

    @GET
    @Path("{path: .+}")
    @KnownQueryParameters.OpenQuery
    @Operation(hidden = true)
    public Response resource(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers) {
        return handle(uri, headers);
    }

    /** Hands the request to Olingo as it came: the path after /odata and the query, both undecoded. */
    private Response handle(UriInfo uri, HttpHeaders headers) {
        String raw = uri.getRequestUri().getRawPath();
        int at = raw.indexOf("/odata");
        // the service root is "/" to Olingo (which would redirect a root without it to a trailing slash)
        String rawPath = raw.substring(at + "/odata".length());
        if (rawPath.isEmpty()) {
            rawPath = "/";
        }
        String base = uri.getRequestUri().getScheme() + "://" + uri.getRequestUri().getRawAuthority() + raw.substring(0, at + "/odata".length());
        String query = uri.getRequestUri().getRawQuery();
        ODataRequest request = new ODataRequest();
        request.setMethod(HttpMethod.GET);
        request.setProtocol("HTTP/1.1");
        request.setRawBaseUri(base);
        request.setRawODataPath(rawPath);
        request.setRawQueryPath(query);
        request.setRawRequestUri(base + rawPath + (query == null ? "" : "?" + query));
        request.setRawServiceResolutionUri(null);
        for (Map.Entry<String, List<String>> header : headers.getRequestHeaders().entrySet()) {
            request.addHeader(header.getKey(), header.getValue());
        }
        request.setBody(InputStream.nullInputStream());
        Model current = model();
        ODataHandler handler = current.odata().createRawHandler(current.metadata());
        handler.register(new FeedProcessor(current.feed(), current.indicators(), observations, dataSource, mapper, pageSize));
        ODataResponse answer = handler.process(request);
        Response.ResponseBuilder response = Response.status(answer.getStatusCode());
        for (Map.Entry<String, List<String>> header : answer.getAllHeaders().entrySet()) {
            for (String value : header.getValue()) {
                response.header(header.getKey(), value);
            }
        }
        if (answer.getContent() != null) {
            try (InputStream body = answer.getContent()) {
                response.entity(body.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return response.build();
    }

    /** The model of the current data version, built once per version. */
    private Model model() {
        long version = dataVersions.current().number();
        Model known = model;
        if (known != null && known.version() == version) {
            return known;
        }
        List<Indicator> all = indicators.allForReading();
        FeedModel feed = new FeedModel(all);
        OData odata = OData.newInstance();
        Model built = new Model(version, all, feed, odata, odata.createServiceMetadata(feed, List.of()));
        model = built;
        return built;
    }
}
