package nl.weerthuis.command.tenancy;

import nl.weerthuis.command.tenancy.FlipEligibility.Refusal;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.agreement.PolicyInForce;
import nl.weerthuis.kernel.tenancy.FlipParty;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.LeaseHolder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FlipEligibilityTest {

    static final LocalDate MOVED_IN = LocalDate.of(2025, 8, 31);
    static final PolicyInForce ASSEN = new PolicyInForce("assen", 2, LocalDate.of(2025, 1, 1), new AgreementPolicy(
            Period.ofMonths(6), Period.ofDays(182), Period.ofMonths(18), Period.ofMonths(6), Period.ofMonths(24),
            Period.ofWeeks(4), Period.ofMonths(6)));

    private static Optional<String> rule(Optional<Refusal> refusal) {
        return refusal.map(Refusal::rule);
    }

    @Test
    void only_a_lease_not_yet_in_the_clients_name_flips_and_only_after_move_in() {
        assertThat(rule(FlipEligibility.canFlip(LeaseForm.CLIENT_LEASE, LeaseHolder.CLIENT, MOVED_IN))).contains("CLIENT_LEASE_CANNOT_FLIP");
        assertThat(rule(FlipEligibility.canFlip(LeaseForm.TRIPARTITE, LeaseHolder.CLIENT, MOVED_IN))).contains("FLIPPED_ONCE");
        assertThat(rule(FlipEligibility.canFlip(LeaseForm.CARE_PROVIDER_LEASE, LeaseHolder.CARE_PROVIDER, null))).contains("FLIP_AFTER_MOVE_IN");
        assertThat(FlipEligibility.canFlip(LeaseForm.CARE_PROVIDER_LEASE, LeaseHolder.CARE_PROVIDER, MOVED_IN)).isEmpty();
    }

    @Test
    void the_term_runs_from_the_minimum_to_the_maximum_inclusive() {
        // 31 August + 182 days = 1 March; + 18 months = 28 February two years on (no 31st).
        assertThat(FlipEligibility.Term.after(MOVED_IN, Period.ofDays(182), Period.ofMonths(18)))
                .isEqualTo(new FlipEligibility.Term(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28)));
        assertThat(rule(FlipEligibility.withinTerm(MOVED_IN, LocalDate.of(2026, 2, 28), ASSEN))).contains("FLIP_MINIMUM_TERM");
        assertThat(FlipEligibility.withinTerm(MOVED_IN, LocalDate.of(2026, 3, 1), ASSEN)).isEmpty();
        assertThat(FlipEligibility.withinTerm(MOVED_IN, LocalDate.of(2027, 2, 28), ASSEN)).isEmpty();
        assertThat(FlipEligibility.withinTerm(MOVED_IN, LocalDate.of(2027, 3, 1), ASSEN))
                .hasValueSatisfying(r -> assertThat(r.reason()).contains("assen version 2", "2027-02-28"));
    }

    @Test
    void all_three_parties_approve() {
        assertThat(FlipEligibility.approvedByAll(EnumSet.of(FlipParty.CLIENT, FlipParty.CARE_PROVIDER)))
                .hasValueSatisfying(r -> assertThat(r.reason()).contains("HOUSING_CORPORATION"));
        assertThat(FlipEligibility.approvedByAll(EnumSet.allOf(FlipParty.class))).isEmpty();
    }

    @Test
    void an_open_serious_signal_blocks_and_is_named() {
        assertThat(FlipEligibility.noBlockingSignal(List.of("s2", "s1")))
                .hasValueSatisfying(r -> assertThat(r.reason()).contains("[s1, s2]"));
        assertThat(FlipEligibility.noBlockingSignal(List.of())).isEmpty();
    }
}
