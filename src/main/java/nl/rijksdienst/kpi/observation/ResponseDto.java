package nl.rijksdienst.kpi.observation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Response", description = "Wat het antwoord (de minister) zegt over een cijfer of norm die Kamerleden in hun vraag noemen: "
        + "bevestigt, nuanceert of weerspreekt het, met de letterlijke zin uit het antwoord, in dezelfde bron.")
public record ResponseDto(
        @Schema(description = "confirms: bevestigt; qualifies: nuanceert (een tussenstand, niet vergelijkbaar, een andere reikwijdte); "
                + "rejects: weerspreekt het cijfer of de premisse ervan.", required = true, examples = "confirms") Stance stance,
        @Schema(description = "Onderdeel van de bron waarin het antwoord staat.", examples = "A.b Externe inhuur, kennis en vakmanschap") String section,
        @Schema(description = "De letterlijke zin uit het antwoord.", required = true,
                examples = "In 2024 is het inhuurpercentage gelijk gebleven aan 2023, dit is een kleine stap in de goede richting.") String quote) {
}
