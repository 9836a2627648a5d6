package nl.rijksdienst.kpi.odata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * A {@code $filter} as an SQL condition: comparisons ({@code eq}, {@code ne}, {@code gt}, {@code ge},
 * {@code lt}, {@code le}, {@code in}), {@code and}, {@code or}, {@code not}, and {@code contains},
 * {@code startswith}, {@code endswith}, {@code tolower}, {@code toupper} on the properties the model
 * maps to a column. Every literal becomes a parameter; what is not supported is a 400 naming it.
 */
final class FilterSql implements ExpressionVisitor<String> {

    private static final String NULL = "null";

    private final Map<String, FeedModel.Column> columns;
    private final Map<String, Object> params;

    private FilterSql(Map<String, FeedModel.Column> columns, Map<String, Object> params) {
        this.columns = columns;
        this.params = params;
    }

    /** The condition of a filter expression; its values are put in {@code params}. */
    static String of(Expression filter, Map<String, FeedModel.Column> columns, Map<String, Object> params) throws ODataApplicationException {
        try {
            return filter.accept(new FilterSql(columns, params));
        } catch (org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException e) {
            throw refused("$filter: " + e.getMessage());
        }
    }

    static ODataApplicationException refused(String message) {
        return new ODataApplicationException(message, HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT);
    }

    @Override
    public String visitBinaryOperator(BinaryOperatorKind operator, String left, String right) throws ODataApplicationException {
        if (operator == BinaryOperatorKind.AND || operator == BinaryOperatorKind.OR) {
            return "(" + left + " " + operator.name().toLowerCase(Locale.ROOT) + " " + right + ")";
        }
        String sql = switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
            default -> throw refused("$filter: de bewerking " + operator + " wordt niet ondersteund; wel eq, ne, gt, ge, lt, le, in, and, or, not");
        };
        if (NULL.equals(right) || NULL.equals(left)) {
            String operand = NULL.equals(right) ? left : right;
            return switch (operator) {
                case EQ -> "(" + operand + " is null)";
                case NE -> "(" + operand + " is not null)";
                default -> throw refused("$filter: met null kan alleen eq of ne");
            };
        }
        return "(" + left + " " + sql + " " + right + ")";
    }

    @Override
    public String visitBinaryOperator(BinaryOperatorKind operator, String left, List<String> right) throws ODataApplicationException {
        if (operator != BinaryOperatorKind.IN) {
            throw refused("$filter: de bewerking " + operator + " wordt niet ondersteund");
        }
        return "(" + left + " in (" + String.join(", ", right) + "))";
    }

    @Override
    public String visitUnaryOperator(UnaryOperatorKind operator, String operand) throws ODataApplicationException {
        if (operator == UnaryOperatorKind.NOT) {
            return "(not " + operand + ")";
        }
        throw refused("$filter: de bewerking " + operator + " wordt niet ondersteund");
    }

    @Override
    public String visitMethodCall(MethodKind method, List<String> parameters) throws ODataApplicationException {
        return switch (method) {
            case CONTAINS -> "(" + parameters.get(0) + " like '%' || " + escaped(parameters.get(1)) + " || '%' escape '\\')";
            case STARTSWITH -> "(" + parameters.get(0) + " like " + escaped(parameters.get(1)) + " || '%' escape '\\')";
            case ENDSWITH -> "(" + parameters.get(0) + " like '%' || " + escaped(parameters.get(1)) + " escape '\\')";
            case TOLOWER -> "lower(" + parameters.get(0) + ")";
            case TOUPPER -> "upper(" + parameters.get(0) + ")";
            default -> throw refused("$filter: de functie " + method.toString() + " wordt niet ondersteund; wel contains, startswith, endswith, tolower, toupper");
        };
    }

    /** A LIKE pattern part with its wildcards taken literally. */
    private static String escaped(String sql) {
        return "replace(replace(replace(" + sql + ", '\\', '\\\\'), '%', '\\%'), '_', '\\_')";
    }

    @Override
    public String visitLiteral(Literal literal) throws ODataApplicationException {
        String text = literal.getText();
        EdmType type = literal.getType();
        if (type == null || NULL.equals(text)) {
            return NULL;
        }
        String name = "f" + params.size();
        Object value;
        try {
            if (type.getFullQualifiedName().equals(EdmPrimitiveTypeKind.String.getFullQualifiedName())) {
                value = text.substring(1, text.length() - 1).replace("''", "'");
            } else if (type.getFullQualifiedName().equals(EdmPrimitiveTypeKind.Boolean.getFullQualifiedName())) {
                value = Boolean.valueOf(text);
            } else if (type.getFullQualifiedName().equals(EdmPrimitiveTypeKind.Date.getFullQualifiedName())) {
                value = LocalDate.parse(text);
            } else if (List.of("Decimal", "Double", "Single", "Int64", "Int32", "Int16", "Byte", "SByte").contains(type.getName())) {
                value = new BigDecimal(text);
            } else {
                throw refused("$filter: waarden van het type " + type.getName() + " worden niet ondersteund");
            }
        } catch (RuntimeException e) {
            throw refused("$filter: '" + text + "' is geen geldige waarde");
        }
        params.put(name, value);
        return ":" + name;
    }

    @Override
    public String visitMember(Member member) throws ODataApplicationException {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty property)) {
            throw refused("$filter: alleen eigenschappen van de entiteit zelf kunnen in een filter");
        }
        FeedModel.Column column = columns.get(property.getProperty().getName());
        if (column == null || column.sql() == null) {
            throw refused("$filter: op " + property.getProperty().getName() + " kan niet worden gefilterd; wel op de code ernaast");
        }
        return column.sql();
    }

    @Override
    public String visitAlias(String alias) throws ODataApplicationException {
        throw refused("$filter: aliassen (" + alias + ") worden niet ondersteund");
    }

    @Override
    public String visitTypeLiteral(EdmType type) throws ODataApplicationException {
        throw refused("$filter: typen worden niet ondersteund");
    }

    @Override
    public String visitLambdaReference(String variable) throws ODataApplicationException {
        throw refused("$filter: any en all worden niet ondersteund");
    }

    @Override
    public String visitLambdaExpression(String function, String variable, Expression expression) throws ODataApplicationException {
        throw refused("$filter: any en all worden niet ondersteund");
    }

    @Override
    public String visitEnum(EdmEnumType type, List<String> values) throws ODataApplicationException {
        throw refused("$filter: enumeraties worden niet ondersteund");
    }
}
