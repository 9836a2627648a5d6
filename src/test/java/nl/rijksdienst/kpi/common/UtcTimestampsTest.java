package nl.rijksdienst.kpi.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The application's mapper writes timestamps byte for byte as jackson-datatype-jsr310 does, through its own serializer. */
@QuarkusTest
class UtcTimestampsTest {

    /** A mapper with the library alone (ISO text), and one with this serializer added; in a time zone of their own or not. */
    private static ObjectMapper library(TimeZone zone, boolean withOurs) {
        JsonMapper.Builder builder = JsonMapper.builder().addModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        if (zone != null) {
            builder.defaultTimeZone(zone);
        }
        if (withOurs) {
            builder.addModule(new com.fasterxml.jackson.databind.module.SimpleModule().addSerializer(OffsetDateTime.class, new UtcTimestamps.Serializer()));
        }
        return builder.build();
    }

    @Inject
    ObjectMapper mapper;

    record Stamped(OffsetDateTime at, @JsonFormat(pattern = "yyyy-MM-dd HH:mm") OffsetDateTime formatted) {
    }

    @Test
    void shouldWriteAPropertyWithoutAFormatOfItsOwnWithThisSerializer() throws Exception {
        JsonSerializer<Object> bean = mapper.getSerializerProviderInstance().findValueSerializer(Stamped.class);
        Map<String, Class<?>> serializers = new HashMap<>();
        bean.properties().forEachRemaining(property -> serializers.put(property.getName(), ((BeanPropertyWriter) property).getSerializer().getClass()));
        assertThat(serializers).containsEntry("at", UtcTimestamps.Serializer.class);
        assertThat(serializers.get("formatted")).isNotEqualTo(UtcTimestamps.Serializer.class);
    }

    @Test
    void shouldWriteTheBytesTheLibraryWritesForEveryKindOfTimestamp() throws Exception {
        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(OffsetDateTime.class)).isInstanceOf(UtcTimestamps.Serializer.class);
        List<OffsetDateTime> values = new ArrayList<>(List.of(
                OffsetDateTime.parse("2026-01-22T00:00:00Z"),
                OffsetDateTime.parse("2026-12-03T17:36:13.340861Z"),
                OffsetDateTime.parse("2026-12-03T17:36:13.5+01:00"),
                OffsetDateTime.parse("2026-12-31T23:59:59.999999999-05:30"),
                OffsetDateTime.parse("0001-01-01T00:00:00.000000001Z"),
                OffsetDateTime.parse("9999-12-31T23:59:59.1Z"),
                OffsetDateTime.parse("+10000-01-01T00:00:00Z"),
                OffsetDateTime.parse("-0001-06-01T12:00:00.12Z"),
                OffsetDateTime.parse("2026-03-29T02:30:00.010+14:00")));
        Random random = new Random(20261203);
        for (int i = 0; i < 5_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 253_402_300_799L + 100_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(i % 3 == 0 ? 0 : random.nextInt(-18 * 3600, 18 * 3600 + 1));
            values.add(Instant.ofEpochSecond(seconds, nanos).atOffset(offset));
        }
        // the application's mapper against the library configured as it is
        ObjectMapper asTheApplication = library(mapper.getSerializationConfig().hasExplicitTimeZone() ? mapper.getSerializationConfig().getTimeZone() : null, false);
        for (OffsetDateTime value : values) {
            assertThat(mapper.writeValueAsString(value)).as("%s", value).isEqualTo(asTheApplication.writeValueAsString(value));
        }
        // and in a mapper that writes every timestamp in UTC, or in Amsterdam's time
        for (String zone : new String[] {"UTC", "Europe/Amsterdam"}) {
            ObjectMapper plain = library(TimeZone.getTimeZone(zone), false);
            ObjectMapper ours = library(TimeZone.getTimeZone(zone), true);
            for (OffsetDateTime value : values) {
                assertThat(ours.writeValueAsString(value)).as("%s in %s", value, zone).isEqualTo(plain.writeValueAsString(value));
                // and as properties of an object, where each property gets a serializer of its own
                Stamped both = new Stamped(value, value);
                assertThat(ours.writeValueAsString(both)).as("%s in %s", value, zone).isEqualTo(plain.writeValueAsString(both));
            }
        }
        Stamped stamped = new Stamped(values.get(1), values.get(1));
        assertThat(mapper.writeValueAsString(stamped)).isEqualTo(asTheApplication.writeValueAsString(stamped))
                .isEqualTo("{\"at\":\"2026-12-03T17:36:13.340861Z\",\"formatted\":\"2026-12-03 17:36\"}");
    }
}
