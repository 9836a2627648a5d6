package nl.rijksdienst.kpi.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SourceService {

    private final SourceRepository sources;

    public SourceService(SourceRepository sources) {
        this.sources = sources;
    }

    public Page.Sliced<SourceDto> list(PageRequest page) {
        return Page.slice(sources.listOrdered(), page, SourceDto::of);
    }

    public Optional<SourceDto> find(String id) {
        return sources.findByIdOptional(id).map(SourceDto::of);
    }
}
