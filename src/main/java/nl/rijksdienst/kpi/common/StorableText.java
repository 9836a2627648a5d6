package nl.rijksdienst.kpi.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Text the database stores exactly: PostgreSQL text holds no NUL character, and a lone UTF-16
 * surrogate (a half of a character, "\ud800" in JSON) would be stored as "?", so that the next read
 * differs from what was written. Every string of every JSON body passes {@link #fault} while it is
 * read (this class registers itself with the service's Jackson); a fault is answered 422 naming the
 * field. CSV imports are decoded as strict UTF-8 and their cells checked the same way.
 */
@Singleton
public class StorableText implements ObjectMapperCustomizer {

    /** What an import's decoder puts where bytes are not UTF-8: U+FFFF, a noncharacter no text contains. */
    public static final String NOT_UTF8 = "\uffff";

    /** Why the text cannot be stored exactly, or null when it can. */
    public static String fault(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "bevat een NUL-teken (U+0000), dat niet kan worden opgeslagen";
            }
            if (c == '\uffff') {
                return "bevat bytes die geen geldige UTF-8 zijn (of het niet-teken U+FFFF); sla het bestand op als UTF-8";
            }
            if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                return String.format("bevat een losse surrogaat (U+%04X): geen geldig Unicode-teken", (int) c);
            }
        }
        return null;
    }

    /** A string in a JSON body that cannot be stored exactly; its path names the field. */
    public static class UnstorableTextException extends MismatchedInputException {

        private final String reason;

        UnstorableTextException(JsonParser parser, String reason) {
            super(parser, reason, String.class);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }

        /** The field, as a path such as {@code label.nl} or {@code dimensions[0].codes[2].code}. */
        public String field() {
            StringBuilder path = new StringBuilder();
            for (Reference reference : getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? "body" : path.toString();
        }
    }

    static final class CheckedStringDeserializer extends StdScalarDeserializer<String> {

        CheckedStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String fault = fault(value);
            if (fault != null) {
                throw new UnstorableTextException(parser, fault);
            }
            return value;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new CheckedStringDeserializer()));
    }
}
