package io.wirewatch.alert.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.platform.streams.UpstreamProgressHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class UpstreamProgressTest {

    private static final long HOUR = UpstreamProgress.FORGET_AFTER_WALL_CLOCK.toMillis();

    @Test
    void shouldTakeTheSlowestPartitionsProgress() {
        // Given partition 0 at 1,000 and partition 1 at 400
        UpstreamProgress progress = new UpstreamProgress();
        progress.observe(UpstreamProgressHeader.stamp(new RecordHeaders(), 0, 1_000), 0);
        progress.observe(UpstreamProgressHeader.stamp(new RecordHeaders(), 1, 400), 0);

        // Then the sweep may not pass 400; a record without the header changes nothing
        progress.observe(new RecordHeaders(), 0);
        assertThat(progress.slowestAtSweep(0)).hasValue(400);
    }

    @Test
    void shouldForgetASilentPartitionOnlyAfterAYearOfSweepsAndAnHourOfWallClock() {
        // Given partition 1 heard once at wall clock 0, partition 0 heard at every sweep
        UpstreamProgress progress = new UpstreamProgress();
        progress.observe(UpstreamProgressHeader.stamp(new RecordHeaders(), 1, 400), 0);

        // When more than a year of sweeps passes within seconds of wall clock (a fast replay)
        for (int sweep = 0; sweep <= UpstreamProgress.FORGET_AFTER_SWEEPS + 5; sweep++) {
            progress.observe(UpstreamProgressHeader.stamp(new RecordHeaders(), 0, 1_000 + sweep), sweep);
            // Then the silent partition still holds the watermark
            assertThat(progress.slowestAtSweep(sweep)).hasValue(400);
        }

        // And once an hour of wall clock has passed as well, it is forgotten
        progress.observe(UpstreamProgressHeader.stamp(new RecordHeaders(), 0, 5_000), HOUR + 1);
        assertThat(progress.slowestAtSweep(HOUR + 1)).hasValue(5_000);
    }

    @Test
    void shouldNotForgetAPartitionSilentForAnHourButNotAYearOfSweeps() {
        // Given partition 1 heard at wall clock 0, then two hours of wall clock and a few sweeps
        UpstreamProgress progress = new UpstreamProgress();
        progress.observe(UpstreamProgressHeader.stamp(new RecordHeaders(), 1, 400), 0);
        progress.observe(UpstreamProgressHeader.stamp(new RecordHeaders(), 0, 1_000), 2 * HOUR);

        // Then it still holds the watermark
        assertThat(progress.slowestAtSweep(2 * HOUR)).hasValue(400);
    }
}
