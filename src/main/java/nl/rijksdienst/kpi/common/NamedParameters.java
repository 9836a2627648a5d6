package nl.rijksdienst.kpi.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** SQL with {@code :name} parameters, as the hand-written queries of observations and of the OData feed use it. */
public final class NamedParameters {

    private NamedParameters() {
    }

    /** A statement for SQL with {@code :name} parameters; a collection stands for as many values. */
    public static PreparedStatement prepare(Connection c, String sql, Map<String, Object> params) throws SQLException {
        List<Object> values = new java.util.ArrayList<>();
        PreparedStatement ps = c.prepareStatement(expand(sql, params, values));
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
        return ps;
    }

    /**
     * The SQL with a {@code ?} for each parameter, and the parameters' values added to {@code values}
     * in that order. A parameter is {@code :name}, a letter and then letters and digits (ASCII),
     * where the colon does not follow another: {@code ::date} is a cast. Read in one pass over the
     * text, as it is built anew for every query.
     */
    static String expand(String sql, Map<String, Object> params, List<Object> values) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int copied = 0;
        int length = sql.length();
        for (int i = 0; i < length - 1; i++) {
            if (sql.charAt(i) != ':' || !letter(sql.charAt(i + 1)) || (i > 0 && sql.charAt(i - 1) == ':')) {
                continue;
            }
            int end = i + 2;
            while (end < length && (letter(sql.charAt(end)) || (sql.charAt(end) >= '0' && sql.charAt(end) <= '9'))) {
                end++;
            }
            String name = sql.substring(i + 1, end);
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            out.append(sql, copied, i);
            Object value = params.get(name);
            if (value instanceof Collection<?> many) {
                for (int n = 0; n < Math.max(1, many.size()); n++) {
                    out.append(n == 0 ? "?" : ", ?");
                }
                values.addAll(many.isEmpty() ? java.util.Collections.singletonList(null) : many);
            } else {
                out.append('?');
                values.add(value);
            }
            copied = end;
            i = end - 1;
        }
        return out.append(sql, copied, length).toString();
    }

    private static boolean letter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
