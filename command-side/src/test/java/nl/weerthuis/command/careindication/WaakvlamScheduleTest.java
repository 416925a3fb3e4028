package nl.weerthuis.command.careindication;

import nl.weerthuis.command.client.ClientRegister;
import nl.weerthuis.command.client.ClientRegister.ClientStatus;
import nl.weerthuis.command.support.FixedPolicies;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.careindication.EndIndicationCommand;
import nl.weerthuis.kernel.careindication.IndicationEndReason;
import nl.weerthuis.kernel.careindication.IndicationEndedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamStartedEvent;
import nl.weerthuis.kernel.client.CareSetting;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import static nl.weerthuis.kernel.BusinessCalendar.startOf;
import static org.assertj.core.api.Assertions.assertThat;

class WaakvlamScheduleTest {

    @Test
    void contacts_fall_due_every_frequency_and_those_before_the_end_count() {
        LocalDate start = LocalDate.of(2025, 10, 1);
        assertThat(WaakvlamSchedule.until(start, Period.ofMonths(3))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(WaakvlamSchedule.nextDue(start, Period.ofWeeks(6))).isEqualTo(LocalDate.of(2025, 11, 12));
        // Every 6 weeks until 1 January: 12 November and 24 December; 4 February lies after the end.
        assertThat(WaakvlamSchedule.dueBefore(LocalDate.of(2025, 11, 12), LocalDate.of(2026, 1, 1), Period.ofWeeks(6)))
                .containsExactly(LocalDate.of(2025, 11, 12), LocalDate.of(2025, 12, 24));
        // A contact due on the end date itself is not counted.
        assertThat(WaakvlamSchedule.dueBefore(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), Period.ofWeeks(6))).isEmpty();
    }

    @Test
    void a_waakvlam_every_six_weeks_for_three_months_is_scheduled_as_agreed() {
        AgreementPolicy policy = new AgreementPolicy(Period.ofDays(182), Period.ofMonths(6), Period.ofMonths(18),
                Period.ofMonths(3), Period.ofYears(1), Period.ofWeeks(6), Period.ofMonths(3));
        AggregateTestFixture<CareIndication> fixture = new AggregateTestFixture<>(CareIndication.class);
        fixture.registerInjectableResource((ClientRegister) id -> Optional.of(new ClientStatus(id,
                CareSetting.PROTECTED_HOUSING, "Twente", "Almelo", true, null, true, CareIndicationTest.CLIENTS_MUNICIPALITY,
                java.util.Set.of(), java.util.Set.of())));
        fixture.registerInjectableResource(FixedPolicies.of(policy));
        LocalDate ended = CareIndicationTest.ENDED;
        fixture.givenCurrentTime(startOf(ended))
                .andGiven(CareIndicationTest.GRANTED)
                .when(new EndIndicationCommand(CareIndicationTest.INDICATION, IndicationEndReason.CAN_LIVE_INDEPENDENTLY,
                        ended, "doing well", null), CareIndicationTest.BY_CLIENTS_MUNICIPALITY)
                .expectEvents(new IndicationEndedEvent(CareIndicationTest.INDICATION, CareIndicationTest.CLIENT,
                                IndicationEndReason.CAN_LIVE_INDEPENDENTLY, ended, CareIndicationTest.PROVIDER, "doing well"),
                        new WaakvlamStartedEvent(CareIndicationTest.INDICATION, CareIndicationTest.CLIENT, ended,
                                Period.ofWeeks(6), ended.plusMonths(3), ended.plusDays(42), "agreement-twente", 1))
                .expectScheduledDeadlineWithName(Duration.between(startOf(ended), startOf(ended.plusDays(42))), CareIndication.CONTACT_DUE)
                .expectScheduledDeadlineWithName(Duration.between(startOf(ended), startOf(ended.plusMonths(3))), CareIndication.WAAKVLAM_ENDS);
    }
}
