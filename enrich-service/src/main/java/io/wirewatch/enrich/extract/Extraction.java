package io.wirewatch.enrich.extract;

import io.wirewatch.schema.CasualtyFigure;
import io.wirewatch.schema.Claim;
import io.wirewatch.schema.DiplomaticAction;
import io.wirewatch.schema.Entity;
import java.util.List;

/** Everything found in one article. */
public record Extraction(
        List<Entity> entities,
        List<Claim> claims,
        List<DiplomaticAction> diplomaticActions,
        List<CasualtyFigure> casualtyFigures) {

    public Extraction {
        entities = List.copyOf(entities);
        claims = List.copyOf(claims);
        diplomaticActions = List.copyOf(diplomaticActions);
        casualtyFigures = List.copyOf(casualtyFigures);
    }
}
