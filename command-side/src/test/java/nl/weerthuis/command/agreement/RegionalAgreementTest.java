package nl.weerthuis.command.agreement;

import nl.weerthuis.command.support.FixedPolicies;
import java.time.Period;
import nl.weerthuis.kernel.agreement.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static nl.weerthuis.command.support.Rules.violated;

class RegionalAgreementTest {

    static final AgreementPolicy ASSEN = new AgreementPolicy(Period.ofMonths(6), Period.ofMonths(6), Period.ofMonths(18), Period.ofMonths(6), Period.ofMonths(24), Period.ofWeeks(4), Period.ofMonths(6));
    static final AgreementAdoptedEvent ADOPTED = new AgreementAdoptedEvent("a-1", "Drenthe", "Convenant Assen", 1,
            LocalDate.of(2025, 1, 1), ASSEN);

    private AggregateTestFixture<RegionalAgreement> fixture(AgreementPolicies policies) {
        AggregateTestFixture<RegionalAgreement> fixture = new AggregateTestFixture<>(RegionalAgreement.class);
        fixture.registerInjectableResource(policies);
        return fixture;
    }

    @Test
    void a_region_adopts_its_agreement_as_version_one() {
        fixture(new FixedPolicies()).givenNoPriorActivity()
                .when(new AdoptAgreementCommand("a-1", "Drenthe", "Convenant Assen", LocalDate.of(2025, 1, 1), ASSEN))
                .expectEvents(ADOPTED);
    }

    @Test
    void a_region_has_one_agreement() {
        fixture(FixedPolicies.of(ASSEN)).givenNoPriorActivity()
                .when(new AdoptAgreementCommand("a-2", "Drenthe", "Another", LocalDate.of(2025, 1, 1), ASSEN))
                .expectException(violated("ONE_AGREEMENT_PER_REGION"));
    }

    @Test
    void incoherent_rules_are_refused() {
        fixture(new FixedPolicies()).givenNoPriorActivity()
                .when(new AdoptAgreementCommand("a-1", "Drenthe", "x", LocalDate.of(2025, 1, 1),
                        new AgreementPolicy(Period.ofMonths(6), Period.ofMonths(24), Period.ofMonths(12), Period.ofMonths(6), Period.ofMonths(24), Period.ofWeeks(4), Period.ofMonths(6))))
                .expectException(violated("AGREEMENT_POLICY_INCOHERENT"));
    }

    @Test
    void an_amendment_is_a_new_version_from_a_later_date_with_grounds() {
        AgreementPolicy longer = new AgreementPolicy(Period.ofMonths(6), Period.ofMonths(6), Period.ofMonths(24), Period.ofMonths(6), Period.ofMonths(24), Period.ofWeeks(4), Period.ofMonths(6));
        fixture(new FixedPolicies()).given(ADOPTED)
                .when(new AmendPolicyCommand("a-1", LocalDate.of(2026, 1, 1), longer, "coalition agreement 2026"))
                .expectEvents(new PolicyAmendedEvent("a-1", "Drenthe", 2, LocalDate.of(2026, 1, 1), longer,
                        "coalition agreement 2026"));
        fixture(new FixedPolicies()).given(ADOPTED)
                .when(new AmendPolicyCommand("a-1", LocalDate.of(2024, 6, 1), longer, "backdated"))
                .expectException(violated("AMENDMENT_MUST_FOLLOW_CURRENT_VERSION"));
        fixture(new FixedPolicies()).given(ADOPTED)
                .when(new AmendPolicyCommand("a-1", LocalDate.of(2026, 1, 1), longer, ""))
                .expectException(violated("AMENDMENT_NEEDS_GROUNDS"));
    }

    @Test
    void quotas_and_targets_are_set_per_corporation_and_region() {
        fixture(new FixedPolicies()).given(ADOPTED)
                .when(new SetQuotaCommand("a-1", "12345678", 2026, 125))
                .expectEvents(new QuotaSetEvent("a-1", "Drenthe", "12345678", 2026, 125));
        fixture(new FixedPolicies()).given(ADOPTED)
                .when(new SetQuotaCommand("a-1", "12345678", 2026, -1))
                .expectException(violated("QUOTA_NOT_NEGATIVE"));
        fixture(new FixedPolicies()).given(ADOPTED)
                .when(new SetTargetCommand("a-1", 500, LocalDate.of(2027, 12, 31)))
                .expectEvents(new TargetSetEvent("a-1", "Drenthe", 500, LocalDate.of(2027, 12, 31)));
    }
}
