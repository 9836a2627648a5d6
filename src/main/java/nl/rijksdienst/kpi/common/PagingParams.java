package nl.rijksdienst.kpi.common;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query parameters every collection takes. Read as text, so that a value that is not a
 * number is a 400 problem naming the parameter (JAX-RS would answer 404 for a failed conversion).
 */
public class PagingParams {

    @Parameter(description = "Nummer van de pagina, vanaf 1.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
    @QueryParam("page")
    String page;

    @Parameter(description = "Aantal items per pagina, van 1 tot en met 1000.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
    @QueryParam("pageSize")
    String pageSize;

    public PageRequest toRequest() {
        return PageRequest.parse(page, pageSize);
    }

    /** For a CSV download: the whole collection unless a page is asked for explicitly. */
    public PageRequest toRequestOrAll(boolean whole) {
        PageRequest request = toRequest();
        return whole && page == null && pageSize == null ? PageRequest.ALL : request;
    }
}
