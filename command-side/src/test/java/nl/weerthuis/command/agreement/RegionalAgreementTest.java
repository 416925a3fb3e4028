package nl.weerthuis.command.agreement;

import nl.weerthuis.command.support.FixedPolicies;
import java.time.Period;
import nl.weerthuis.kernel.agreement.*;
import nl.weerthuis.kernel.identity.MetadataKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static nl.weerthuis.command.support.Rules.violated;

class RegionalAgreementTest {

    static final AgreementPolicy ASSEN = new AgreementPolicy(Period.ofMonths(6), Period.ofMonths(6), Period.ofMonths(18), Period.ofMonths(6), Period.ofMonths(24), Period.ofWeeks(4), Period.ofMonths(6));
    static final AgreementAdoptedEvent ADOPTED = new AgreementAdoptedEvent("a-1", "Drenthe", "Convenant Assen", 1,
            LocalDate.of(2025, 1, 1), ASSEN);

    static final String ADOPTER = "00000001001234567001", OTHER_MUNICIPALITY = "00000001009000000009";
    static final Map<String, Object> BY_ADOPTER = Map.of(MetadataKeys.ACTOR_ORGANISATION, ADOPTER);
    /** The adoption as the event store holds it: its actor (the owner) in the metadata. */
    static final EventMessage<AgreementAdoptedEvent> ADOPTED_BY = GenericEventMessage.<AgreementAdoptedEvent>asEventMessage(ADOPTED)
            .andMetaData(BY_ADOPTER);

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
        fixture(new FixedPolicies()).given(ADOPTED_BY)
                .when(new AmendPolicyCommand("a-1", LocalDate.of(2026, 1, 1), longer, "coalition agreement 2026"), BY_ADOPTER)
                .expectEvents(new PolicyAmendedEvent("a-1", "Drenthe", 2, LocalDate.of(2026, 1, 1), longer,
                        "coalition agreement 2026"));
        fixture(new FixedPolicies()).given(ADOPTED_BY)
                .when(new AmendPolicyCommand("a-1", LocalDate.of(2024, 6, 1), longer, "backdated"), BY_ADOPTER)
                .expectException(violated("AMENDMENT_MUST_FOLLOW_CURRENT_VERSION"));
        fixture(new FixedPolicies()).given(ADOPTED_BY)
                .when(new AmendPolicyCommand("a-1", LocalDate.of(2026, 1, 1), longer, ""), BY_ADOPTER)
                .expectException(violated("AMENDMENT_NEEDS_GROUNDS"));
    }

    @Test
    void quotas_and_targets_are_set_per_corporation_and_region() {
        fixture(new FixedPolicies()).given(ADOPTED_BY)
                .when(new SetQuotaCommand("a-1", "12345678", 2026, 125), BY_ADOPTER)
                .expectEvents(new QuotaSetEvent("a-1", "Drenthe", "12345678", 2026, 125));
        fixture(new FixedPolicies()).given(ADOPTED_BY)
                .when(new SetQuotaCommand("a-1", "12345678", 2026, -1), BY_ADOPTER)
                .expectException(violated("QUOTA_NOT_NEGATIVE"));
        fixture(new FixedPolicies()).given(ADOPTED_BY)
                .when(new SetTargetCommand("a-1", 500, LocalDate.of(2027, 12, 31)), BY_ADOPTER)
                .expectEvents(new TargetSetEvent("a-1", "Drenthe", 500, LocalDate.of(2027, 12, 31)));
    }

    @Test
    void only_the_adopting_organisation_changes_its_agreement_to_anyone_else_it_does_not_exist() {
        AgreementPolicy longer = new AgreementPolicy(Period.ofMonths(6), Period.ofMonths(6), Period.ofMonths(24), Period.ofMonths(6),
                Period.ofMonths(24), Period.ofWeeks(4), Period.ofMonths(6));
        Map<String, Object> byOther = Map.of(MetadataKeys.ACTOR_ORGANISATION, OTHER_MUNICIPALITY);
        fixture(new FixedPolicies()).given(ADOPTED_BY)
                .when(new AmendPolicyCommand("a-1", LocalDate.of(2026, 1, 1), longer, "we want it"), byOther)
                .expectException(AggregateNotFoundException.class).expectNoEvents();
        fixture(new FixedPolicies()).given(ADOPTED_BY)
                .when(new SetQuotaCommand("a-1", "12345678", 2026, 1), byOther)
                .expectException(AggregateNotFoundException.class).expectNoEvents();
        fixture(new FixedPolicies()).given(ADOPTED_BY)
                .when(new SetTargetCommand("a-1", 1, LocalDate.of(2027, 12, 31)), byOther)
                .expectException(AggregateNotFoundException.class).expectNoEvents();
        fixture(new FixedPolicies()).given(ADOPTED_BY)
                .when(new SetTargetCommand("a-1", 1, LocalDate.of(2027, 12, 31)))
                .expectException(AggregateNotFoundException.class).expectNoEvents();
        // Before the outsider's rule violations: an invalid quota by an outsider is still "no such agreement".
        fixture(new FixedPolicies()).given(ADOPTED_BY)
                .when(new SetQuotaCommand("a-1", "12345678", 2026, -1), byOther)
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void an_agreement_adopted_without_a_recorded_actor_has_no_owner_and_takes_no_changes() {
        fixture(new FixedPolicies()).given(ADOPTED)
                .when(new SetTargetCommand("a-1", 1, LocalDate.of(2027, 12, 31)), BY_ADOPTER)
                .expectException(AggregateNotFoundException.class).expectNoEvents();
    }
}
