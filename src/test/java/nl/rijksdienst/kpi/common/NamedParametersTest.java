package nl.rijksdienst.kpi.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NamedParametersTest {

    @Test
    void shouldPutAQuestionMarkForEachParameterAndKeepCasts() {
        List<Object> values = new ArrayList<>();
        String sql = NamedParameters.expand("select * from o where a = :a and d >= :from::date and c in (:codes) and e in (:none) and b = :a",
                Map.of("a", 1, "from", "2024-01-01", "codes", List.of("x", "y"), "none", List.of()), values);
        assertThat(sql).isEqualTo("select * from o where a = ? and d >= ?::date and c in (?, ?) and e in (?) and b = ?");
        assertThat(values).containsExactly(1, "2024-01-01", "x", "y", null, 1);
    }

    @Test
    void shouldNameAParameterThatHasNoValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> NamedParameters.expand("select :known, :unknown1", Map.of("known", 1), new ArrayList<>()))
                .withMessage("no value for :unknown1");
    }

    /** Every text of colons, letters, digits and others reads as the regular expression the rule is written in reads it. */
    @Test
    void shouldFindTheParametersTheRuleDescribes() {
        Pattern rule = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)");
        Map<String, Object> any = new java.util.AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return true;
            }

            @Override
            public Object get(Object key) {
                return "v" + key;
            }

            @Override
            public java.util.Set<Entry<String, Object>> entrySet() {
                return java.util.Set.of();
            }
        };
        String alphabet = "::aZ9_ ?'é(";
        Random random = new Random(20261206);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            List<Object> expectedValues = new ArrayList<>();
            Matcher m = rule.matcher(text);
            StringBuilder expected = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(expected, "?");
                expectedValues.add("v" + m.group(1));
            }
            m.appendTail(expected);
            List<Object> values = new ArrayList<>();
            assertThat(NamedParameters.expand(text.toString(), any, values)).as(text.toString()).isEqualTo(expected.toString());
            assertThat(values).as(text.toString()).isEqualTo(expectedValues);
        }
    }
}
