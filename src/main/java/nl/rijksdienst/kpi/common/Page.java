package nl.rijksdienst.kpi.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The paging part of every collection answer. */
@Schema(name = "Paging", description = "Paginering van een collectie; pagina's tellen vanaf 1.")
public record Page(
        @Schema(description = "Nummer van deze pagina.", required = true, examples = "1") int page,
        @Schema(description = "Maximaal aantal items per pagina.", required = true, examples = "100") int pageSize,
        @Schema(description = "Totaal aantal items in de collectie met deze filters.", required = true, examples = "3") long totalItems,
        @Schema(description = "Totaal aantal pagina's.", required = true, examples = "1") int totalPages) {

    public static Page of(PageRequest request, long totalItems) {
        int totalPages = (int) Math.max(1, (totalItems + request.pageSize() - 1) / request.pageSize());
        return new Page(request.page(), request.pageSize(), totalItems, totalPages);
    }

    /** Cuts one page out of a list held in memory (for the small catalogue collections). */
    public static <T, R> Sliced<R> slice(List<T> all, PageRequest request, Function<T, R> mapper) {
        List<R> items = all.stream().skip(request.offset()).limit(request.pageSize()).map(mapper).toList();
        return new Sliced<>(items, of(request, all.size()));
    }

    public record Sliced<R>(List<R> items, Page paging) {
    }
}
