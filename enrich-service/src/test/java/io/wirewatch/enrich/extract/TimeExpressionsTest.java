package io.wirewatch.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeExpressionsTest {

    /** A Tuesday. */
    private static final LocalDate PUBLISHED = LocalDate.of(2012, 2, 7);

    private static final Language ENGLISH = Language.load("en");

    private static List<TimeExpressions.TimeExpression> find(String text) {
        Sentence sentence = ENGLISH.segmenter().split(text).get(0);
        return ENGLISH.time().find(sentence, text, PUBLISHED);
    }

    @Test
    void shouldResolveWeekdaysToTheMostRecentSuchDayOnOrBeforePublication() {
        assertThat(find("on Monday, Tuesday's barrage and Saturday night"))
                .extracting(TimeExpressions.TimeExpression::kind, TimeExpressions.TimeExpression::date)
                .containsExactly(
                        tuple(TimeExpressions.Kind.DAY, LocalDate.of(2012, 2, 6)),
                        tuple(TimeExpressions.Kind.DAY, PUBLISHED),
                        tuple(TimeExpressions.Kind.DAY, LocalDate.of(2012, 2, 4)));
    }

    @Test
    void shouldResolveRelativeDays() {
        assertThat(find("yesterday, three days ago and a day after"))
                .extracting(TimeExpressions.TimeExpression::date)
                .containsExactly(LocalDate.of(2012, 2, 6), LocalDate.of(2012, 2, 4), LocalDate.of(2012, 2, 6));
    }

    @Test
    void shouldResolveMonthsToThePastAndExplicitDatesExactly() {
        assertThat(find("in November, on 2 November 2011 and last March"))
                .extracting(TimeExpressions.TimeExpression::kind, TimeExpressions.TimeExpression::date)
                .containsExactly(
                        tuple(TimeExpressions.Kind.MONTH, LocalDate.of(2011, 11, 1)),
                        tuple(TimeExpressions.Kind.DAY, LocalDate.of(2011, 11, 2)),
                        tuple(TimeExpressions.Kind.MONTH, LocalDate.of(2011, 3, 1)));
    }

    @Test
    void shouldTellRecentPeriodsFromLongRunningTotals() {
        assertThat(find("since Monday"))
                .extracting(TimeExpressions.TimeExpression::kind, TimeExpressions.TimeExpression::start)
                .containsExactly(tuple(TimeExpressions.Kind.RECENT_PERIOD, LocalDate.of(2012, 2, 6)));
        assertThat(find("in the last five days"))
                .extracting(TimeExpressions.TimeExpression::kind, TimeExpressions.TimeExpression::start)
                .containsExactly(tuple(TimeExpressions.Kind.RECENT_PERIOD, LocalDate.of(2012, 2, 3)));
        assertThat(find("since the uprising began last March"))
                .extracting(TimeExpressions.TimeExpression::kind, TimeExpressions.TimeExpression::start)
                .containsExactly(tuple(TimeExpressions.Kind.LONG_PERIOD, LocalDate.of(2011, 3, 1)));
        assertThat(find("since the uprising began"))
                .extracting(TimeExpressions.TimeExpression::kind)
                .containsExactly(TimeExpressions.Kind.LONG_PERIOD);
    }

    @Test
    void shouldMarkVagueEarlierTimesWithoutDatingThem() {
        assertThat(find("days after the vote"))
                .extracting(TimeExpressions.TimeExpression::kind, TimeExpressions.TimeExpression::date)
                .containsExactly(tuple(TimeExpressions.Kind.EARLIER, null));
    }

    @Test
    void shouldNotReadTheModalMayAsAMonth() {
        assertThat(find("Russia may try to buy time")).isEmpty();
    }
}
