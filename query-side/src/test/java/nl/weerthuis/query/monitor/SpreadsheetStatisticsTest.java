package nl.weerthuis.query.monitor;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each expected value is what LibreOffice Calc / Excel give for the same cells (formula in the comment). */
class SpreadsheetStatisticsTest {

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_two_middle_values() {
        // =MEDIAN(39;46) → 42.5, where nearest rank would give 39
        assertThat(SpreadsheetStatistics.median(List.of(46L, 39L))).isEqualByComparingTo(bd("42.5"));
        // =MEDIAN(10;20;30;40) → 25
        assertThat(SpreadsheetStatistics.median(List.of(40L, 10L, 30L, 20L))).isEqualByComparingTo(bd("25"));
    }

    @Test
    void the_median_of_an_odd_count_is_the_middle_value() {
        // =MEDIAN(5;1;3) → 3
        assertThat(SpreadsheetStatistics.median(List.of(5L, 1L, 3L))).isEqualByComparingTo(bd("3"));
        assertThat(SpreadsheetStatistics.median(List.of(7L))).isEqualByComparingTo(bd("7"));
    }

    @Test
    void percentile_inc_interpolates_between_the_nearest_ranks() {
        // =PERCENTILE.INC(59;226; 0.9) → 59 + 0.9 * 167 = 209.3
        assertThat(SpreadsheetStatistics.percentileInc(List.of(226L, 59L), 0.9)).isEqualByComparingTo(bd("209.3"));
        // =PERCENTILE.INC(1..10; 0.9) → rank 8.1 → 9 + 0.1 * 1 = 9.1
        assertThat(SpreadsheetStatistics.percentileInc(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 0.9))
                .isEqualByComparingTo(bd("9.1"));
        // =PERCENTILE.INC(15;20;35;40;50; 0.9) → rank 3.6 → 40 + 0.6 * 10 = 46
        assertThat(SpreadsheetStatistics.percentileInc(List.of(15L, 20L, 35L, 40L, 50L), 0.9)).isEqualByComparingTo(bd("46"));
        // =PERCENTILE.INC(3;31;16; 0.9) → rank 1.8 → 16 + 0.8 * 15 = 28
        assertThat(SpreadsheetStatistics.percentileInc(List.of(3L, 31L, 16L), 0.9)).isEqualByComparingTo(bd("28"));
    }

    @Test
    void results_are_rounded_half_up_to_one_decimal() {
        // =PERCENTILE.INC(0;0;0;100; 0.9) → rank 2.7 → 0 + 0.7 * 100 = 70
        assertThat(SpreadsheetStatistics.percentileInc(List.of(0L, 0L, 0L, 100L), 0.9)).isEqualByComparingTo(bd("70"));
        // =ROUND(PERCENTILE.INC(0;1;1000; 0.9); 1) → rank 1.8 → 1 + 0.8 * 999 = 800.2
        assertThat(SpreadsheetStatistics.percentileInc(List.of(0L, 1L, 1000L), 0.9)).isEqualByComparingTo(bd("800.2"));
        // =ROUND(PERCENTILE.INC(0;1;2;3;4;5;6;7;8;10; 0.25); 1) → rank 2.25 → 2.25 → 2.3 (half up)
        assertThat(SpreadsheetStatistics.percentileInc(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 10L), 0.25))
                .isEqualByComparingTo(bd("2.3"));
        // =ROUND(PERCENTILE.INC(1;2;3;4;5;6;7;8;9;10;11;12; 0.9); 1) → rank 9.9 → 10.9
        assertThat(SpreadsheetStatistics.percentileInc(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L), 0.9))
                .isEqualByComparingTo(bd("10.9"));
    }

    @Test
    void nothing_to_compute_from_gives_no_figure() {
        assertThat(SpreadsheetStatistics.median(List.of())).isNull();
        assertThat(SpreadsheetStatistics.share(3, 0)).isNull();
        assertThatThrownBy(() -> SpreadsheetStatistics.percentileInc(List.of(1L), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_share_is_numerator_over_denominator_rounded_to_three_decimals() {
        assertThat(SpreadsheetStatistics.share(1, 2)).isEqualByComparingTo(bd("0.5"));
        assertThat(SpreadsheetStatistics.share(2, 3)).isEqualByComparingTo(bd("0.667")); // =ROUND(2/3;3)
        assertThat(SpreadsheetStatistics.share(1, 8)).isEqualByComparingTo(bd("0.125"));
    }
}
