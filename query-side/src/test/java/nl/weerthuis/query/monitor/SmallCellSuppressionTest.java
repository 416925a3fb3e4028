package nl.weerthuis.query.monitor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmallCellSuppressionTest {

    @Test
    void counts_from_one_to_four_are_small_zero_and_five_are_not() {
        assertThat(SmallCellSuppression.isSmall(0)).isFalse();
        assertThat(SmallCellSuppression.isSmall(1)).isTrue();
        assertThat(SmallCellSuppression.isSmall(4)).isTrue();
        assertThat(SmallCellSuppression.isSmall(5)).isFalse();
    }

    @Test
    void a_lone_small_part_of_a_shown_total_takes_the_smallest_other_part_with_it() {
        // 2 + 7 = 9: hiding only the 2 would leave it as 9 - 7.
        assertThat(SmallCellSuppression.suppressedParts(2, 7)).containsExactly(true, true);
        assertThat(SmallCellSuppression.suppressedParts(9, 3, 6)).containsExactly(false, true, true);
    }

    @Test
    void two_small_parts_already_protect_each_other() {
        assertThat(SmallCellSuppression.suppressedParts(2, 3, 40)).containsExactly(true, true, false);
    }

    @Test
    void zeros_and_large_counts_are_shown() {
        assertThat(SmallCellSuppression.suppressedParts(0, 12)).containsExactly(false, false);
        assertThat(SmallCellSuppression.suppressedParts(5, 6)).containsExactly(false, false);
    }

    @Test
    void a_small_part_whose_total_is_small_too_is_suppressed_alone() {
        // 0 + 3 = 3: the total is hidden as well, so nothing is derivable.
        assertThat(SmallCellSuppression.suppressedParts(0, 3)).containsExactly(false, true);
    }
}
