package nl.rijksdienst.kpi.seed;

import java.util.List;
import nl.rijksdienst.kpi.commitment.CommitmentInput;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.indicator.IndicatorInput;
import nl.rijksdienst.kpi.norm.NormInput;
import nl.rijksdienst.kpi.source.SourceInput;

/**
 * The shape of {@code data/catalogue.yaml}: sources, indicators and norms in the same form as an
 * editor sends them to the API (commitments too), plus the themes.
 */
record Catalogue(List<ThemeSpec> themes, List<SourceInput> sources, List<IndicatorInput> indicators, List<NormInput> norms,
        List<CommitmentInput> commitments) {

    record ThemeSpec(String id, String code, LocalizedText label, LocalizedText description) {
    }
}
