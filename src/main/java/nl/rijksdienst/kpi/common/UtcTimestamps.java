package nl.rijksdienst.kpi.common;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Writes a timestamp in UTC ({@code 2026-01-22T10:15:30.5Z}, as the database gives every one) without
 * a formatter: the very text jackson-datatype-jsr310 writes with {@code ISO_OFFSET_DATE_TIME}, the
 * nanoseconds' trailing zeros left out, at a fraction of the cost. Every observation carries its
 * {@code recordedAt}, so a series of forty rows formats forty of them, and the library's formatter
 * was about a fifth of writing a series' JSON. Anything else — another offset (or a mapper time
 * zone other than UTC), a year outside 0–9999, a property with its own {@code @JsonFormat},
 * timestamps as numbers — is left to the library's serializer, which this one extends (its
 * {@code createContextual} returns the library's own). UtcTimestampsTest holds the two to the same
 * output.
 */
@Singleton
public class UtcTimestamps implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("utc-timestamps").addSerializer(OffsetDateTime.class, new Serializer()));
    }

    @Override
    public int priority() {
        // after the customizer that registers the Java time module: the serializer added last is found first
        return MINIMUM_PRIORITY;
    }

    static final class Serializer extends OffsetDateTimeSerializer {

        private static final long serialVersionUID = 1L;

        Serializer() {
            super();
        }

        /**
         * Itself for a property with no format of its own: the library's version gives every property a
         * serializer of its own kind (its shape, unset here, differs from the property's, which is "any"),
         * and then this one would serve only values written outside an object.
         */
        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) throws JsonMappingException {
            JsonFormat.Value format = findFormatOverrides(provider, property, handledType());
            return format == null || JsonFormat.Value.empty().equals(format) ? this : super.createContextual(provider, property);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            OffsetDateTime utc = _formatter == null && !useTimestamp(provider) ? inUtc(value, provider) : null;
            if (utc == null || utc.getYear() < 0 || utc.getYear() > 9999) {
                super.serialize(value, generator, provider);
                return;
            }
            char[] text = new char[30];
            int n = 0;
            n = digits(text, n, utc.getYear(), 4);
            text[n++] = '-';
            n = digits(text, n, utc.getMonthValue(), 2);
            text[n++] = '-';
            n = digits(text, n, utc.getDayOfMonth(), 2);
            text[n++] = 'T';
            n = digits(text, n, utc.getHour(), 2);
            text[n++] = ':';
            n = digits(text, n, utc.getMinute(), 2);
            text[n++] = ':';
            n = digits(text, n, utc.getSecond(), 2);
            int nanos = utc.getNano();
            if (nanos != 0) {
                int width = 9;
                while (nanos % 10 == 0) {
                    nanos /= 10;
                    width--;
                }
                text[n++] = '.';
                n = digits(text, n, nanos, width);
            }
            text[n++] = 'Z';
            generator.writeString(text, 0, n);
        }

        /**
         * The value as the library would write it: in the mapper's time zone when one is set (and
         * dates are written in it), else in its own offset; null when that is not UTC.
         */
        private static OffsetDateTime inUtc(OffsetDateTime value, SerializerProvider provider) {
            if (provider.getConfig().hasExplicitTimeZone() && provider.isEnabled(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)) {
                ZoneId zone = provider.getTimeZone().toZoneId().normalized();
                return ZoneOffset.UTC.equals(zone) ? value.withOffsetSameInstant(ZoneOffset.UTC) : null;
            }
            return ZoneOffset.UTC.equals(value.getOffset()) ? value : null;
        }

        /** Writes {@code value} in exactly {@code width} digits, zero-padded. */
        private static int digits(char[] text, int at, int value, int width) {
            for (int i = at + width - 1; i >= at; i--) {
                text[i] = (char) ('0' + value % 10);
                value /= 10;
            }
            return at + width;
        }
    }
}
