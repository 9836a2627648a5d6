package nl.rijksdienst.kpi.editing;

/** Request bodies the writing tests share. */
final class EditorFixtures {

    static final String LETTER = "antwoorden-so-functioneren-rijksdienst-2026";

    private EditorFixtures() {
    }

    static String observation(String period, String value, String status, String reason) {
        return """
                {"period": "%s", "qualifier": "exact", "value": %s, "valueText": "%s%%", "status": "%s",
                 "citation": {"sourceId": "%s", "section": "A.b", "quote": "Het aandeel externe inhuur was %s procent."}%s}
                """.formatted(period, value, value.replace('.', ','), status, LETTER, value.replace('.', ','),
                reason == null ? "" : ", \"reason\": \"" + reason + "\"");
    }

    static String source(String id) {
        return """
                {"id": "%s", "type": "report", "title": "Jaarrapportage Bedrijfsvoering Rijk 2025", "publisher": "BZK",
                 "publicationDate": "2026-05-20", "url": "https://www.rijksoverheid.nl/"}
                """.formatted(id);
    }

    static String indicator(String id) {
        return """
                {"id": "%s", "themeId": "werkgeverschap", "unit": "percent", "kind": "share",
                 "label": {"nl": "Ziekteverzuim", "en": "Sick leave"},
                 "description": {"nl": "Verzuimpercentage van de rijksdienst.", "en": "Sick leave rate of central government."},
                 "frequencies": ["annual", "quarterly"],
                 "dimensions": [{"id": "department", "label": {"nl": "Ministerie", "en": "Ministry"},
                   "codes": [{"code": "bzk", "label": {"nl": "BZK", "en": "Interior"}}, {"code": "fin", "label": {"nl": "Financiën", "en": "Finance"}}]}]}
                """.formatted(id);
    }

    static String norm(String id, String indicatorId, String threshold) {
        return """
                {"id": "%s", "indicatorId": "%s", "operator": "at_most", "threshold": %s,
                 "label": {"nl": "Verzuimnorm", "en": "Sick leave norm"}, "wording": "ten hoogste %s procent",
                 "citation": {"sourceId": "%s", "quote": "Het verzuim blijft onder de norm."}}
                """.formatted(id, indicatorId, threshold, threshold, LETTER);
    }
}
