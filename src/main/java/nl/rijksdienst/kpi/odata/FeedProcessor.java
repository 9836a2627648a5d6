package nl.rijksdienst.kpi.odata;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.rijksdienst.kpi.common.Problem;
import nl.rijksdienst.kpi.indicator.Dimension;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.observation.Observation;
import nl.rijksdienst.kpi.observation.ObservationRepository;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.EntityCollectionProcessor;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.processor.ErrorProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.serializer.EntitySerializerOptions;
import org.apache.olingo.server.api.serializer.ODataSerializer;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.jboss.logging.Logger;

/**
 * Answers the feed's reads: a page of an entity set (with {@code $filter} in SQL, {@code $select},
 * {@code $top}, {@code $skip}, {@code $count} and a {@code nextLink} per page of entities), one
 * entity by its key, and every error as problem details. Writes are not offered.
 */
final class FeedProcessor implements EntityCollectionProcessor, EntityProcessor, ErrorProcessor {


    private static final Logger LOG = Logger.getLogger(FeedProcessor.class);

    private final FeedModel model;
    private final Map<String, Indicator> indicators;
    private final ObservationRepository observations;
    private final javax.sql.DataSource dataSource;
    private final ObjectMapper mapper;
    private final int pageSize;
    private OData odata;
    private ServiceMetadata metadata;

    FeedProcessor(FeedModel model, List<Indicator> indicators, ObservationRepository observations, javax.sql.DataSource dataSource, ObjectMapper mapper,
            int pageSize) {
        this.model = model;
        this.pageSize = pageSize;
        this.indicators = new LinkedHashMap<>();
        indicators.forEach(i -> this.indicators.put(i.id, i));
        this.observations = observations;
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        this.odata = odata;
        this.metadata = metadata;
    }

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet set = entitySet(uriInfo);
        refuseUnsupported(uriInfo);
        Map<String, Object> params = new LinkedHashMap<>();
        String condition = uriInfo.getFilterOption() == null ? null
                : FilterSql.of(uriInfo.getFilterOption().getExpression(), model.columns(set.getName()), params);
        int skip = uriInfo.getSkipOption() == null ? 0 : uriInfo.getSkipOption().getValue();
        Integer top = uriInfo.getTopOption() == null ? null : uriInfo.getTopOption().getValue();
        long delivered = 0;
        if (uriInfo.getSkipTokenOption() != null) {
            try {
                delivered = Long.parseLong(uriInfo.getSkipTokenOption().getValue());
            } catch (NumberFormatException e) {
                throw FilterSql.refused("$skiptoken: '" + uriInfo.getSkipTokenOption().getValue() + "' komt niet uit een nextLink van deze feed");
            }
            if (delivered < 0) {
                throw FilterSql.refused("$skiptoken: komt niet uit een nextLink van deze feed");
            }
        }
        int limit = (int) Math.max(0, Math.min(pageSize, top == null ? pageSize : top - delivered));
        long offset = skip + delivered;
        EntityCollection collection = new EntityCollection();
        boolean indicatorSet = set.getName().equals(FeedModel.INDICATORS);
        List<Entity> entities = indicatorSet ? indicatorEntities(condition, params, offset, limit) : observationEntities(condition, params, offset, limit);
        collection.getEntities().addAll(entities);
        if (uriInfo.getCountOption() != null && uriInfo.getCountOption().getValue()) {
            collection.setCount((int) Math.min(Integer.MAX_VALUE, indicatorSet ? countIndicators(condition, params) : observations.countCurrentWhere(condition, params)));
        }
        if (limit > 0 && entities.size() == limit && (top == null || delivered + limit < top)) {
            collection.setNext(URI.create(nextLink(request, set.getName(), delivered + limit)));
        }
        EdmEntityType type = set.getEntityType();
        ODataSerializer serializer = odata.createSerializer(format);
        String selectList = odata.createUriHelper().buildContextURLSelectList(type, null, uriInfo.getSelectOption());
        ContextURL context = ContextURL.with().serviceRoot(URI.create(request.getRawBaseUri() + "/")).entitySet(set).selectList(selectList).build();
        EntityCollectionSerializerOptions options = EntityCollectionSerializerOptions.with().contextURL(context)
                .id(request.getRawBaseUri() + "/" + set.getName()).count(uriInfo.getCountOption()).select(uriInfo.getSelectOption()).build();
        response.setContent(serializer.entityCollection(metadata, type, collection, options).getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    @Override
    public void readEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet set = entitySet(uriInfo);
        UriResourceEntitySet resource = (UriResourceEntitySet) uriInfo.getUriResourceParts().get(0);
        String key = resource.getKeyPredicates().get(0).getText();
        Map<String, Object> params = new LinkedHashMap<>();
        Optional<Entity> entity;
        if (set.getName().equals(FeedModel.INDICATORS)) {
            params.put("key", key.length() >= 2 && key.startsWith("'") ? key.substring(1, key.length() - 1).replace("''", "'") : key);
            entity = indicatorEntities("id = :key", params, 0, 1).stream().findFirst();
        } else {
            try {
                params.put("key", Long.parseLong(key));
            } catch (NumberFormatException e) {
                throw FilterSql.refused("'" + key + "' is geen observationId");
            }
            entity = observationEntities("observation_id = :key", params, 0, 1).stream().findFirst();
        }
        if (entity.isEmpty()) {
            throw new ODataApplicationException("Er is geen " + set.getEntityType().getName() + " met sleutel " + key + ".",
                    HttpStatusCode.NOT_FOUND.getStatusCode(), java.util.Locale.ROOT);
        }
        EdmEntityType type = set.getEntityType();
        String selectList = odata.createUriHelper().buildContextURLSelectList(type, null, uriInfo.getSelectOption());
        ContextURL context = ContextURL.with().serviceRoot(URI.create(request.getRawBaseUri() + "/")).entitySet(set).selectList(selectList)
                .suffix(ContextURL.Suffix.ENTITY).build();
        EntitySerializerOptions options = EntitySerializerOptions.with().contextURL(context).select(uriInfo.getSelectOption()).build();
        response.setContent(odata.createSerializer(format).entity(metadata, type, entity.get(), options).getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    @Override
    public void createEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType requestFormat, ContentType responseFormat)
            throws ODataApplicationException {
        throw readOnly();
    }

    @Override
    public void updateEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType requestFormat, ContentType responseFormat)
            throws ODataApplicationException {
        throw readOnly();
    }

    @Override
    public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo) throws ODataApplicationException {
        throw readOnly();
    }

    private static ODataApplicationException readOnly() {
        return new ODataApplicationException("De feed is alleen te lezen; redacteuren schrijven via /observations en /observation-imports.",
                HttpStatusCode.METHOD_NOT_ALLOWED.getStatusCode(), java.util.Locale.ROOT);
    }

    /** Problem details, as every other answer of the API: a request the feed does not support is a 400, never a 5xx. */
    @Override
    public void processError(ODataRequest request, ODataResponse response, ODataServerError error, ContentType format) {
        int status = error.getStatusCode();
        String detail = error.getMessage();
        if (status == HttpStatusCode.NOT_IMPLEMENTED.getStatusCode()) {
            status = HttpStatusCode.BAD_REQUEST.getStatusCode();
            detail = "De feed ondersteunt dit niet: " + detail + " Wel: $filter, $select, $top, $skip, $count en de nextLink.";
        } else if (status >= 500) {
            LOG.error("The OData feed failed", error.getException());
            detail = "Er ging iets mis bij het beantwoorden; probeer het later nog eens.";
        }
        String path = request.getRawRequestUri() == null ? null : URI.create(request.getRawRequestUri()).getRawPath();
        Problem problem = new Problem("about:blank", nl.rijksdienst.kpi.common.ProblemMappers.titleFor(status), status, detail, path, List.of());
        try {
            response.setContent(new ByteArrayInputStream(mapper.writeValueAsBytes(problem)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(status);
        response.setHeader(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    }

    private static EdmEntitySet entitySet(UriInfo uriInfo) throws ODataApplicationException {
        List<UriResource> parts = uriInfo.getUriResourceParts();
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourceEntitySet set)) {
            throw FilterSql.refused("De feed geeft entiteitensets (Indicators, Observations) en één entiteit per sleutel.");
        }
        return set.getEntitySet();
    }

    private static void refuseUnsupported(UriInfo uriInfo) throws ODataApplicationException {
        List<String> unsupported = new ArrayList<>();
        if (uriInfo.getOrderByOption() != null) {
            unsupported.add("$orderby (de volgorde is vast: per indicator, dan per periode)");
        }
        if (uriInfo.getSearchOption() != null) {
            unsupported.add("$search");
        }
        if (uriInfo.getApplyOption() != null) {
            unsupported.add("$apply");
        }
        if (uriInfo.getExpandOption() != null) {
            unsupported.add("$expand");
        }
        if (!unsupported.isEmpty()) {
            throw FilterSql.refused("De feed ondersteunt niet: " + String.join(", ", unsupported) + ". Wel: $filter, $select, $top, $skip, $count.");
        }
    }

    /** The request again for the entities after the first {@code delivered}: its options but the skip token. */
    private static String nextLink(ODataRequest request, String set, long delivered) {
        StringBuilder query = new StringBuilder();
        String raw = request.getRawQueryPath();
        if (raw != null && !raw.isEmpty()) {
            for (String option : raw.split("&")) {
                String name = java.net.URLDecoder.decode(option.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!name.equals("$skiptoken") && !option.isEmpty()) {
                    query.append(option).append('&');
                }
            }
        }
        query.append("%24skiptoken=").append(URLEncoder.encode(Long.toString(delivered), StandardCharsets.UTF_8));
        return request.getRawBaseUri() + "/" + set + "?" + query;
    }

    private List<Entity> observationEntities(String condition, Map<String, Object> params, long offset, int limit) {
        if (limit == 0) {
            return List.of();
        }
        List<Entity> entities = new ArrayList<>();
        for (Observation o : observations.currentWhere(condition, params, offset, limit)) {
            Indicator indicator = indicators.get(o.indicatorId);
            Entity e = new Entity();
            put(e, "observationId", o.observationId);
            put(e, "version", o.version);
            put(e, "indicatorId", o.indicatorId);
            put(e, "indicatorLabelNl", indicator == null ? null : indicator.labelNl);
            put(e, "indicatorLabelEn", indicator == null ? null : indicator.labelEn);
            put(e, "periodCode", o.periodCode);
            put(e, "periodStart", o.periodStart);
            put(e, "periodEnd", o.periodEnd);
            put(e, "frequency", o.frequency == null ? null : o.frequency.name());
            put(e, "basePeriodCode", o.basePeriodCode);
            put(e, "basePeriodStart", o.basePeriodStart);
            put(e, "basePeriodEnd", o.basePeriodEnd);
            for (String dimension : model.dimensionIds()) {
                String code = o.dimensions.get(dimension);
                Dimension.Code label = code == null || indicator == null ? null : indicator.code(dimension, code).orElse(null);
                put(e, dimension, code);
                put(e, dimension + "LabelNl", label == null || label.label() == null ? null : label.label().nl());
                put(e, dimension + "LabelEn", label == null || label.label() == null ? null : label.label().en());
            }
            put(e, "qualifier", o.qualifier == null ? null : o.qualifier.name());
            put(e, "value", o.value);
            put(e, "valueLow", o.valueLow);
            put(e, "valueHigh", o.valueHigh);
            put(e, "valueText", o.valueText);
            put(e, "unit", indicator == null || indicator.unit == null ? null : indicator.unit.name());
            put(e, "status", o.status == null ? null : o.status.code());
            put(e, "seriesBreak", o.seriesBreak);
            put(e, "noteNl", o.noteNl);
            put(e, "noteEn", o.noteEn);
            put(e, "sourceId", o.sourceId);
            put(e, "section", o.section);
            put(e, "question", o.question);
            put(e, "quote", o.quote);
            put(e, "originSourceId", o.originSourceId);
            put(e, "statedBy", o.statedBy == null ? null : o.statedBy.name());
            put(e, "statedByName", o.statedByName);
            put(e, "responseStance", o.responseStance == null ? null : o.responseStance.name());
            put(e, "responseSection", o.responseSection);
            put(e, "responseQuote", o.responseQuote);
            put(e, "publishedOn", o.publishedOn);
            put(e, "publicationBasis", o.publicationBasis == null ? null : o.publicationBasis.name());
            e.setId(URI.create(FeedModel.OBSERVATIONS + "(" + o.observationId + ")"));
            entities.add(e);
        }
        return entities;
    }

    private List<Entity> indicatorEntities(String condition, Map<String, Object> params, long offset, int limit) {
        if (limit == 0) {
            return List.of();
        }
        List<Entity> entities = new ArrayList<>();
        for (String id : indicatorIds(condition, params, offset, limit)) {
            Indicator i = indicators.get(id);
            if (i == null) {
                continue;
            }
            Entity e = new Entity();
            put(e, "indicatorId", i.id);
            put(e, "themeId", i.themeId);
            put(e, "labelNl", i.labelNl);
            put(e, "labelEn", i.labelEn);
            put(e, "descriptionNl", i.descriptionNl);
            put(e, "descriptionEn", i.descriptionEn);
            put(e, "unit", i.unit == null ? null : i.unit.name());
            put(e, "kind", i.kind == null ? null : i.kind.name());
            e.setId(URI.create(FeedModel.INDICATORS + "('" + URLEncoder.encode(i.id.replace("'", "''"), StandardCharsets.UTF_8) + "')"));
            entities.add(e);
        }
        return entities;
    }

    private List<String> indicatorIds(String condition, Map<String, Object> params, long offset, int limit) {
        String sql = "select id from indicator" + (condition == null ? "" : " where " + condition) + " order by id limit " + limit + " offset " + offset;
        List<String> ids = new ArrayList<>();
        jdbc(sql, params, rs -> {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        });
        return ids;
    }

    private long countIndicators(String condition, Map<String, Object> params) {
        long[] count = new long[1];
        jdbc("select count(*) from indicator" + (condition == null ? "" : " where " + condition), params, rs -> {
            rs.next();
            count[0] = rs.getLong(1);
        });
        return count[0];
    }

    private interface Rows {
        void read(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    /** A query with {@code :name} parameters. */
    private void jdbc(String sql, Map<String, Object> params, Rows rows) {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement ps = nl.rijksdienst.kpi.common.NamedParameters.prepare(c, sql, params);
                java.sql.ResultSet rs = ps.executeQuery()) {
            rows.read(rs);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the indicators", e);
        }
    }

    private static void put(Entity entity, String name, Object value) {
        entity.addProperty(new Property(null, name, ValueType.PRIMITIVE, value));
    }
}
