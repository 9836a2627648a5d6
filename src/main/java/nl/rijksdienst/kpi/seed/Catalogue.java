package nl.rijksdienst.kpi.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.indicator.Dimension;

/** The shape of {@code data/catalogue.yaml}. */
record Catalogue(List<ThemeSpec> themes, List<SourceSpec> sources, List<IndicatorSpec> indicators, List<NormSpec> norms) {

    record ThemeSpec(String id, String code, LocalizedText label, LocalizedText description) {
    }

    record SourceSpec(String id, String type, String title, String publisher, String kamerstuk, LocalDate publicationDate,
            String dateNote, String url) {
    }

    record IndicatorSpec(String id, String theme, String unit, String kind, List<String> frequencies, LocalizedText label,
            LocalizedText description, List<Dimension> dimensions) {
    }

    record NormSpec(String id, String indicator, Map<String, String> dimensions, String operator, BigDecimal threshold,
            String referenceIndicator, LocalDate deadline, LocalDate validFrom, LocalizedText label, LocalizedText description,
            String wording, String interpretation, CitationSpec citation) {
    }

    record CitationSpec(String source, String section, String question, String quote) {
    }
}
