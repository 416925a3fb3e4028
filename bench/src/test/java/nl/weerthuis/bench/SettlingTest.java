package nl.weerthuis.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettlingTest {

    @Test
    void a_warm_up_has_settled_when_a_window_rate_is_within_five_percent_of_the_one_before() {
        assertThat(Settling.settled(0, 270)).as("the first window has nothing to compare with").isFalse();
        assertThat(Settling.settled(70, 140)).as("still warming: the rate doubled").isFalse();
        assertThat(Settling.settled(260, 272)).isTrue();
        assertThat(Settling.settled(272, 259)).isTrue();
        assertThat(Settling.settled(272, 258)).as("just over 5% slower").isFalse();
        assertThat(Settling.settled(200, 211)).as("just over 5% faster").isFalse();
    }
}
