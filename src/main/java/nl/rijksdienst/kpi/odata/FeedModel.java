package nl.rijksdienst.kpi.odata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.observation.ObservationCsv;
import nl.rijksdienst.kpi.observation.ObservationValidator;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;

/**
 * The entity model of the OData feed: the entity sets {@code Indicators} and {@code Observations},
 * their properties named as the CSV's columns, and on an observation a property per dimension of any
 * indicator with its code's names beside it ({@code category}, {@code categoryLabelNl}). Each
 * property says which column or SQL expression it is read from and whether {@code $filter} may
 * name it. Built from the catalogue, so a dimension an editor adds appears in {@code $metadata}.
 */
final class FeedModel extends CsdlAbstractEdmProvider {

    static final String NAMESPACE = "Rijksdienst.Kpi";
    static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, "Container");
    static final String INDICATORS = "Indicators";
    static final String OBSERVATIONS = "Observations";
    static final FullQualifiedName INDICATOR = new FullQualifiedName(NAMESPACE, "Indicator");
    static final FullQualifiedName OBSERVATION = new FullQualifiedName(NAMESPACE, "Observation");

    /** A property of an entity type: its EDM type and the SQL it is filtered by (null: not filterable). */
    record Column(String name, EdmPrimitiveTypeKind type, String sql) {
    }

    private final Map<String, Column> indicatorColumns = new LinkedHashMap<>();
    private final Map<String, Column> observationColumns = new LinkedHashMap<>();
    private final List<String> dimensionIds;

    FeedModel(List<Indicator> indicators) {
        add(indicatorColumns, "indicatorId", EdmPrimitiveTypeKind.String, "id");
        add(indicatorColumns, "themeId", EdmPrimitiveTypeKind.String, "theme_id");
        add(indicatorColumns, "labelNl", EdmPrimitiveTypeKind.String, "label_nl");
        add(indicatorColumns, "labelEn", EdmPrimitiveTypeKind.String, "label_en");
        add(indicatorColumns, "descriptionNl", EdmPrimitiveTypeKind.String, "description_nl");
        add(indicatorColumns, "descriptionEn", EdmPrimitiveTypeKind.String, "description_en");
        add(indicatorColumns, "unit", EdmPrimitiveTypeKind.String, "unit");
        add(indicatorColumns, "kind", EdmPrimitiveTypeKind.String, "kind");

        String ofIndicator = "(select i.%s from indicator i where i.id = indicator_id)";
        add(observationColumns, "observationId", EdmPrimitiveTypeKind.Int64, "observation_id");
        add(observationColumns, "version", EdmPrimitiveTypeKind.Int32, "version");
        add(observationColumns, "indicatorId", EdmPrimitiveTypeKind.String, "indicator_id");
        add(observationColumns, "indicatorLabelNl", EdmPrimitiveTypeKind.String, ofIndicator.formatted("label_nl"));
        add(observationColumns, "indicatorLabelEn", EdmPrimitiveTypeKind.String, ofIndicator.formatted("label_en"));
        add(observationColumns, "periodCode", EdmPrimitiveTypeKind.String, "period_code");
        add(observationColumns, "periodStart", EdmPrimitiveTypeKind.Date, "period_start");
        add(observationColumns, "periodEnd", EdmPrimitiveTypeKind.Date, "period_end");
        add(observationColumns, "frequency", EdmPrimitiveTypeKind.String, "frequency");
        add(observationColumns, "basePeriodCode", EdmPrimitiveTypeKind.String, "base_period_code");
        add(observationColumns, "basePeriodStart", EdmPrimitiveTypeKind.Date, "base_period_start");
        add(observationColumns, "basePeriodEnd", EdmPrimitiveTypeKind.Date, "base_period_end");
        dimensionIds = ObservationCsv.dimensionIds(indicators);
        for (String dimension : dimensionIds) {
            add(observationColumns, dimension, EdmPrimitiveTypeKind.String, "jsonb_extract_path_text(dimensions, '" + dimension + "')");
            add(observationColumns, dimension + "LabelNl", EdmPrimitiveTypeKind.String, null);
            add(observationColumns, dimension + "LabelEn", EdmPrimitiveTypeKind.String, null);
        }
        add(observationColumns, "qualifier", EdmPrimitiveTypeKind.String, "qualifier");
        add(observationColumns, "value", EdmPrimitiveTypeKind.Decimal, "value");
        add(observationColumns, "valueLow", EdmPrimitiveTypeKind.Decimal, "value_low");
        add(observationColumns, "valueHigh", EdmPrimitiveTypeKind.Decimal, "value_high");
        add(observationColumns, "valueText", EdmPrimitiveTypeKind.String, "value_text");
        add(observationColumns, "unit", EdmPrimitiveTypeKind.String, ofIndicator.formatted("unit"));
        add(observationColumns, "status", EdmPrimitiveTypeKind.String, "status");
        add(observationColumns, "seriesBreak", EdmPrimitiveTypeKind.Boolean, "series_break");
        add(observationColumns, "noteNl", EdmPrimitiveTypeKind.String, "note_nl");
        add(observationColumns, "noteEn", EdmPrimitiveTypeKind.String, "note_en");
        add(observationColumns, "sourceId", EdmPrimitiveTypeKind.String, "source_id");
        add(observationColumns, "section", EdmPrimitiveTypeKind.String, "section");
        add(observationColumns, "question", EdmPrimitiveTypeKind.String, "question");
        add(observationColumns, "quote", EdmPrimitiveTypeKind.String, "quote");
        add(observationColumns, "originSourceId", EdmPrimitiveTypeKind.String, "origin_source_id");
        add(observationColumns, "statedBy", EdmPrimitiveTypeKind.String, "stated_by");
        add(observationColumns, "statedByName", EdmPrimitiveTypeKind.String, "stated_by_name");
        add(observationColumns, "responseStance", EdmPrimitiveTypeKind.String, "response_stance");
        add(observationColumns, "responseSection", EdmPrimitiveTypeKind.String, "response_section");
        add(observationColumns, "responseQuote", EdmPrimitiveTypeKind.String, "response_quote");
        add(observationColumns, "publishedOn", EdmPrimitiveTypeKind.Date, "published_on");
        add(observationColumns, "publicationBasis", EdmPrimitiveTypeKind.String, "publication_basis");
    }

    private static void add(Map<String, Column> columns, String name, EdmPrimitiveTypeKind type, String sql) {
        columns.put(name, new Column(name, type, sql));
    }

    List<String> dimensionIds() {
        return dimensionIds;
    }

    /** The properties of an entity set, by name. */
    Map<String, Column> columns(String entitySet) {
        return entitySet.equals(INDICATORS) ? indicatorColumns : observationColumns;
    }

    @Override
    public CsdlEntityType getEntityType(FullQualifiedName name) {
        if (name.equals(INDICATOR)) {
            return entityType(INDICATOR, indicatorColumns, "indicatorId");
        }
        if (name.equals(OBSERVATION)) {
            return entityType(OBSERVATION, observationColumns, "observationId");
        }
        return null;
    }

    private static CsdlEntityType entityType(FullQualifiedName name, Map<String, Column> columns, String key) {
        List<CsdlProperty> properties = new ArrayList<>();
        for (Column c : columns.values()) {
            CsdlProperty p = new CsdlProperty().setName(c.name()).setType(c.type().getFullQualifiedName()).setNullable(!c.name().equals(key));
            if (c.type() == EdmPrimitiveTypeKind.Decimal) {
                // the digits a figure may have (the validation's limits); without them OData 4.0 means scale 0
                p.setPrecision(ObservationValidator.MAX_INTEGER_DIGITS + ObservationValidator.MAX_SCALE).setScale(ObservationValidator.MAX_SCALE);
            }
            properties.add(p);
        }
        return new CsdlEntityType().setName(name.getName()).setProperties(properties).setKey(List.of(new CsdlPropertyRef().setName(key)));
    }

    @Override
    public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
        if (!container.equals(CONTAINER)) {
            return null;
        }
        return switch (name) {
            case INDICATORS -> new CsdlEntitySet().setName(INDICATORS).setType(INDICATOR);
            case OBSERVATIONS -> new CsdlEntitySet().setName(OBSERVATIONS).setType(OBSERVATION);
            default -> null;
        };
    }

    @Override
    public CsdlEntityContainer getEntityContainer() {
        return new CsdlEntityContainer().setName(CONTAINER.getName())
                .setEntitySets(List.of(getEntitySet(CONTAINER, INDICATORS), getEntitySet(CONTAINER, OBSERVATIONS)));
    }

    @Override
    public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
        return name == null || name.equals(CONTAINER) ? new CsdlEntityContainerInfo().setContainerName(CONTAINER) : null;
    }

    @Override
    public List<CsdlSchema> getSchemas() {
        return List.of(new CsdlSchema().setNamespace(NAMESPACE)
                .setEntityTypes(List.of(getEntityType(INDICATOR), getEntityType(OBSERVATION)))
                .setEntityContainer(getEntityContainer()));
    }
}
