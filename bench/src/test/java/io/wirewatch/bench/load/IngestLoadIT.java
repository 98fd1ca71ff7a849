package io.wirewatch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A short run of the load test (seconds, a few clients): it measures, refuses over the limit and audits. */
class IngestLoadIT {

    @Test
    void shouldMeasureBothPhasesAndFindEveryAcceptedArticleOnceInArticlesRaw() throws Exception {
        // Given a run of 4 clients for 3 s, then 12 for 2 s, against a limit of one post every 2 s per token (a bucket
        // of one): the burst's three clients a token send at least three posts in 2 s where two are allowed
        IngestLoad load = new IngestLoad();
        load.clients = 4;
        load.seconds = 3;
        load.burstFactor = 3;
        load.burstSeconds = 2;
        load.rateLimit = 0.5;

        // When it runs
        IngestLoad.Result result = load.run();
        IngestLoad.print(result);

        // Then both phases accepted articles, the burst was refused in part with 429, and the audit passed
        assertThat(result.phases()).hasSize(2);
        assertThat(result.phases())
                .allSatisfy(phase -> assertThat(phase.accepted()).isPositive());
        assertThat(result.phases().get(1).status429()).isPositive();
        assertThat(result.phases())
                .allSatisfy(phase -> assertThat(phase.otherStatus()).isZero());
        assertThat(result.acceptedIds())
                .isEqualTo(result.phases().stream()
                        .mapToLong(IngestLoad.Phase::accepted)
                        .sum());
        assertThat(result.auditPassed()).isTrue();
        assertThat(result.missing()).isZero();
        assertThat(result.duplicated()).isZero();
    }
}
