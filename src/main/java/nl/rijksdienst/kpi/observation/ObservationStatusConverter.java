package nl.rijksdienst.kpi.observation;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status by its code ("final", not the Java constant "final_"). */
@Converter
public class ObservationStatusConverter implements AttributeConverter<ObservationStatus, String> {

    @Override
    public String convertToDatabaseColumn(ObservationStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public ObservationStatus convertToEntityAttribute(String code) {
        return code == null ? null : ObservationStatus.fromCode(code).orElseThrow(
                () -> new IllegalStateException("Unknown observation status in database: " + code));
    }
}
