package nl.weerthuis.query.eventsource;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FairShareTest {

    @Test
    void one_instance_takes_every_segment() {
        assertThat(FairShare.shareOf(4, 1, 0)).isEqualTo(4);
    }

    @Test
    void the_shares_of_all_live_instances_add_up_to_the_segments() {
        for (int segments = 1; segments <= 16; segments++) {
            for (int live = 1; live <= segments; live++) {
                int total = segments;
                int instances = live;
                assertThat(IntStream.range(0, live).map(rank -> FairShare.shareOf(total, instances, rank)).sum())
                        .as("%d segments over %d instances", segments, live).isEqualTo(segments);
            }
        }
    }

    @Test
    void a_third_instance_gets_a_segment_of_four_the_first_two_held() {
        assertThat(IntStream.range(0, 3).map(rank -> FairShare.shareOf(4, 3, rank)).toArray()).containsExactly(2, 1, 1);
    }

    @Test
    void shares_differ_by_at_most_one() {
        int[] shares = IntStream.range(0, 5).map(rank -> FairShare.shareOf(16, 5, rank)).toArray();
        assertThat(IntStream.of(shares).max().getAsInt() - IntStream.of(shares).min().getAsInt()).isLessThanOrEqualTo(1);
    }

    @Test
    void more_instances_than_segments_still_lets_each_take_one_nobody_holds() {
        assertThat(FairShare.shareOf(2, 5, 4)).isEqualTo(1);
    }
}
