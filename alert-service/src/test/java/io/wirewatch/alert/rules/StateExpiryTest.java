package io.wirewatch.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateExpiryTest {

    private static final StateExpiry EXPIRY = new StateExpiry(120);
    private static final LocalDate DAY = LocalDate.of(2012, 2, 6);
    /** Stream time 120 days after the end of DAY, plus a millisecond. */
    private static final long JUST_PAST = ms(DAY.plusDays(121)) + 1;

    @Test
    void shouldExpireAnEntryWhenBothItsDayAndItsLastReportLieTheRetentionBehindStreamTime() {
        assertThat(EXPIRY.expired(DAY, ms(DAY), JUST_PAST)).isTrue();
    }

    @Test
    void shouldKeepAnEntryWhileItsDayIsWithinTheRetention() {
        assertThat(EXPIRY.expired(DAY, ms(DAY), ms(DAY.plusDays(120)))).isFalse();
        // A day lasts to its end: the retention counts from midnight after it
        assertThat(EXPIRY.expired(DAY, ms(DAY), ms(DAY.plusDays(121)) - 1)).isFalse();
    }

    @Test
    void shouldKeepAnOldDayReportedRecentlyAsInAReplayOutOfOrder() {
        // Given a day of 2012 last reported when stream time was already in 2016
        long reportedIn2016 = ms(DAY.plusYears(4));

        // Then it stays until stream time is the retention past that report
        assertThat(EXPIRY.expired(DAY, reportedIn2016, reportedIn2016 + 86_400_000L))
                .isFalse();
        assertThat(EXPIRY.expired(DAY, reportedIn2016, ms(DAY.plusYears(4).plusDays(121))))
                .isTrue();
    }

    @Test
    void shouldJudgeByTheDayAloneWhenTheLastReportIsUnknownAndKeepWhatHasNeither() {
        assertThat(EXPIRY.expired(DAY, -1, JUST_PAST)).isTrue();
        assertThat(EXPIRY.expired(null, ms(DAY), JUST_PAST)).isTrue();
        assertThat(EXPIRY.expired(null, -1, JUST_PAST)).isFalse();
    }

    @Test
    void shouldNeverExpireWithARetentionOfZero() {
        assertThat(new StateExpiry(0).expired(DAY, ms(DAY), ms(DAY.plusYears(10))))
                .isFalse();
        assertThat(new StateExpiry(0).enabled()).isFalse();
    }

    @Test
    void shouldTakeAPlacesLatestDayFromItsDaysAndItsRunningTotals() {
        PlaceHistory history = new PlaceHistory(
                "Homs",
                List.of(new PlaceHistory.DayCount(DAY, 30)),
                List.of(new PlaceHistory.CumulativeTotal("UN", DAY.plusDays(3), 5400)),
                List.of());

        assertThat(StateExpiry.latestDay(history)).isEqualTo(DAY.plusDays(3));
        assertThat(StateExpiry.latestDay(PlaceHistory.empty("Homs"))).isNull();
    }

    private static long ms(LocalDate day) {
        return day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
