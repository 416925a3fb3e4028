package nl.weerthuis.command.tenancy;

import nl.weerthuis.command.client.ClientRegister;
import nl.weerthuis.command.client.ClientRegister.ClientStatus;
import nl.weerthuis.command.support.FixedPolicies;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.tenancy.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import static nl.weerthuis.kernel.BusinessCalendar.startOf;
import static nl.weerthuis.command.support.Rules.violated;
import static nl.weerthuis.command.tenancy.TenancyTest.*;

/** "Within 182 days" and "at most 18 months": terms in days and in months, as agreements write them. */
class FlipTermsAsPeriodsTest {

    static final AgreementPolicy DAYS = new AgreementPolicy(Period.ofDays(182), Period.ofDays(182), Period.ofMonths(18),
            Period.ofMonths(3), Period.ofYears(1), Period.ofWeeks(6), Period.ofMonths(3));

    private AggregateTestFixture<Tenancy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenancy.class);
        fixture.registerInjectableResource((ClientRegister) id -> Optional.of(new ClientStatus(CLIENT,
                CareSetting.PROTECTED_HOUSING, "Twente", "Almelo", true, LocalDate.of(2025, 1, 10), true, MUNICIPALITY,
                java.util.Set.of(CORPORATION), java.util.Set.of(PROVIDER))));
        fixture.registerInjectableResource(FixedPolicies.of(DAYS));
    }

    private static Object[] movedInUnderDays() {
        Object[] events = movedIn(LeaseForm.TRIPARTITE);
        events[events.length - 1] = new MovedInEvent(TENANCY, CLIENT, MOVED_IN, LeaseForm.TRIPARTITE, CORPORATION,
                PROVIDER, "Twente", "Almelo", "Centrum", "agreement-twente", 1, Period.ofDays(182), Period.ofMonths(18));
        return events;
    }

    @Test
    void an_offer_records_a_deadline_in_days() {
        fixture.givenNoPriorActivity()
                .when(new OfferDwellingCommand(TENANCY, CLIENT, CORPORATION, PROVIDER, LeaseForm.TRIPARTITE, DWELLING, true, OFFERED))
                .expectEvents(new DwellingOfferedEvent(TENANCY, CLIENT, CORPORATION, PROVIDER, LeaseForm.TRIPARTITE,
                        DWELLING, "Twente", true, OFFERED, LocalDate.of(2025, 1, 10), "agreement-twente", 1, Period.ofDays(182)));
    }

    @Test
    void the_flip_terms_are_scheduled_182_days_and_18_months_after_move_in() {
        Object[] before = movedIn(LeaseForm.TRIPARTITE);
        fixture.givenCurrentTime(startOf(MOVED_IN))
                .andGiven(java.util.Arrays.copyOf(before, before.length - 1))
                .when(new RecordMoveInCommand(TENANCY, MOVED_IN))
                .expectEvents(movedInUnderDays()[before.length - 1])
                .expectScheduledDeadlineWithName(Duration.between(startOf(MOVED_IN), startOf(MOVED_IN.plusDays(182))), Tenancy.FLIP_TERM_REACHED)
                .expectScheduledDeadlineWithName(Duration.between(startOf(MOVED_IN), startOf(MOVED_IN.plusMonths(18))), Tenancy.FLIP_TERM_EXPIRED);
    }

    @Test
    void a_flip_on_day_181_is_too_early_and_on_day_182_in_term() {
        Object[] approved = concat(movedInUnderDays(),
                new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.HOUSING_CORPORATION, MOVED_IN.plusDays(100)),
                new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.CARE_PROVIDER, MOVED_IN.plusDays(100)),
                new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.CLIENT, MOVED_IN.plusDays(100)));
        fixture.given(approved)
                .when(new FlipContractCommand(TENANCY, MOVED_IN.plusDays(181), "all well"))
                .expectException(violated("FLIP_MINIMUM_TERM"));
        fixture.given(approved)
                .when(new FlipContractCommand(TENANCY, MOVED_IN.plusDays(182), "all well"))
                .expectSuccessfulHandlerExecution();
    }

    /**
     * A late fact: the flip of 1 February 2027 (inside the term) is entered after the expiry of 28 February 2027 was
     * recorded. The flip is accepted by its business date and the expiry is withdrawn by a correcting event.
     */
    @Test
    void a_flip_inside_the_term_entered_after_the_expiry_fired_withdraws_the_expiry() {
        LocalDate expired = MOVED_IN.plusMonths(18);
        LocalDate flipped = MOVED_IN.plusMonths(17);
        Object[] approved = concat(movedInUnderDays(),
                new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.HOUSING_CORPORATION, flipped),
                new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.CARE_PROVIDER, flipped),
                new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.CLIENT, flipped),
                new FlipTermReachedEvent(TENANCY, CLIENT, MOVED_IN.plusDays(182)),
                new FlipTermExpiredEvent(TENANCY, CLIENT, expired));
        fixture.given(approved)
                .when(new FlipContractCommand(TENANCY, flipped, "all well, entered late"))
                .expectEvents(new FlipTermExpiryWithdrawnEvent(TENANCY, CLIENT, expired, flipped),
                        new ContractFlippedEvent(TENANCY, CLIENT, flipped, LeaseHolder.CARE_PROVIDER, LeaseHolder.CLIENT, true,
                                CORPORATION, PROVIDER, "Twente", "agreement-twente", 1, "all well, entered late"));
        fixture.given(concat(movedInUnderDays(),
                        new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.HOUSING_CORPORATION, flipped),
                        new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.CARE_PROVIDER, flipped),
                        new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.CLIENT, flipped)))
                .when(new FlipContractCommand(TENANCY, flipped, "all well"))
                .expectEvents(new ContractFlippedEvent(TENANCY, CLIENT, flipped, LeaseHolder.CARE_PROVIDER, LeaseHolder.CLIENT,
                        true, CORPORATION, PROVIDER, "Twente", "agreement-twente", 1, "all well"));
    }
}
