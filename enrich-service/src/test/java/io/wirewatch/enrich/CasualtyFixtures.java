package io.wirewatch.enrich;

import io.wirewatch.schema.CasualtyFigure;
import io.wirewatch.schema.CasualtyKind;
import io.wirewatch.schema.CasualtyPeriod;
import io.wirewatch.schema.CountBound;
import io.wirewatch.schema.Evidence;
import java.time.LocalDate;

/** Hand-built extraction results for tests that need the extractor to have found something specific. */
final class CasualtyFixtures {

    private CasualtyFixtures() {}

    static CasualtyFigure ninetyFiveKilledInHoms() {
        String sentence = "Activists said at least 95 people were killed in Homs on Monday.";
        return CasualtyFigure.newBuilder()
                .setCount(95)
                .setCountText("at least 95")
                .setBound(CountBound.AT_LEAST)
                .setKind(CasualtyKind.KILLED)
                .setPlace("Homs")
                .setPeriod(CasualtyPeriod.DAY)
                .setPeriodText("on Monday")
                .setEventDate(LocalDate.of(2012, 2, 6))
                .setSource("activists")
                .setEvidence(new Evidence(sentence, 0, 15, 26))
                .build();
    }
}
