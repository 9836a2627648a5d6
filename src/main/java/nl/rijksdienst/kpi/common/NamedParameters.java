package nl.rijksdienst.kpi.common;

/** SQL with {@code :name} parameters, as the hand-written queries of observations and of the OData feed use it. */
public final class NamedParameters {

    private NamedParameters() {
    }

    /** A parameter: {@code :name}, not a cast ({@code ::date}). */
    private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)");

    /** A statement for SQL with {@code :name} parameters; a collection stands for as many values. */
    public static java.sql.PreparedStatement prepare(java.sql.Connection c, String sql, java.util.Map<String, Object> params) throws java.sql.SQLException {
        java.util.List<Object> values = new java.util.ArrayList<>();
        java.util.regex.Matcher m = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!params.containsKey(m.group(1))) {
                throw new IllegalArgumentException("no value for :" + m.group(1));
            }
            Object value = params.get(m.group(1));
            if (value instanceof java.util.Collection<?> many) {
                m.appendReplacement(out, String.join(", ", java.util.Collections.nCopies(Math.max(1, many.size()), "?")));
                values.addAll(many.isEmpty() ? java.util.Collections.singletonList(null) : many);
            } else {
                m.appendReplacement(out, "?");
                values.add(value);
            }
        }
        m.appendTail(out);
        java.sql.PreparedStatement ps = c.prepareStatement(out.toString());
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
        return ps;
    }
}
