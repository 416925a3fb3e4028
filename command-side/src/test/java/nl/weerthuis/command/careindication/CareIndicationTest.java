package nl.weerthuis.command.careindication;

import nl.weerthuis.command.client.ClientRegister;
import java.time.Period;
import nl.weerthuis.command.client.ClientRegister.ClientStatus;
import nl.weerthuis.command.support.FixedPolicies;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.careindication.*;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.identity.MetadataKeys;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static nl.weerthuis.kernel.BusinessCalendar.startOf;
import static nl.weerthuis.command.support.Rules.violated;

class CareIndicationTest {

    static final String INDICATION = "indication-1";
    static final String CLIENT = "client-1";
    static final String PROVIDER = "87654321";
    static final String CLIENTS_MUNICIPALITY = "00000001001234567000";
    /** The grant's actor, as the web layer puts it in the metadata. */
    static final Map<String, Object> BY_CLIENTS_MUNICIPALITY = Map.of(MetadataKeys.ACTOR_ORGANISATION, CLIENTS_MUNICIPALITY);
    /** Waakvlam: a contact every 4 weeks for 6 months. */
    static final AgreementPolicy POLICY = new AgreementPolicy(Period.ofMonths(6), Period.ofMonths(12), Period.ofMonths(24), Period.ofMonths(6), Period.ofMonths(24), Period.ofWeeks(4), Period.ofMonths(6));
    static final IndicationGrantedEvent GRANTED = new IndicationGrantedEvent(INDICATION, CLIENT,
            IndicationType.AMBULATORY_SUPPORT, 6.0, PROVIDER, "Twente", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
    static final LocalDate ENDED = LocalDate.of(2025, 10, 1);
    static final WaakvlamStartedEvent WAAKVLAM = new WaakvlamStartedEvent(INDICATION, CLIENT, ENDED, Period.ofWeeks(4),
            ENDED.plusMonths(6), ENDED.plusWeeks(4), "agreement-twente", 1);

    private AggregateTestFixture<CareIndication> fixture;

    private static Object byClientsMunicipality(Object command) {
        return org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(command).andMetaData(BY_CLIENTS_MUNICIPALITY);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CareIndication.class);
        fixture.registerInjectableResource((ClientRegister) id -> CLIENT.equals(id)
                ? Optional.of(new ClientStatus(CLIENT, CareSetting.PROTECTED_HOUSING, "Twente", "Almelo", true, null, true,
                        CLIENTS_MUNICIPALITY, Set.of(), Set.of()))
                : Optional.empty());
        fixture.registerInjectableResource(FixedPolicies.of(POLICY));
    }

    @Test
    void an_indication_is_granted_with_type_hours_provider_and_period() {
        fixture.givenNoPriorActivity()
                .when(new GrantIndicationCommand(INDICATION, CLIENT, IndicationType.AMBULATORY_SUPPORT, 6.0, PROVIDER,
                        "Twente", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)), BY_CLIENTS_MUNICIPALITY)
                .expectEvents(GRANTED);
    }

    @Test
    void an_indication_is_granted_to_a_registered_client_for_some_hours_and_a_real_period() {
        fixture.givenNoPriorActivity()
                .when(new GrantIndicationCommand(INDICATION, "nobody", IndicationType.AMBULATORY_SUPPORT, 6.0, PROVIDER,
                        "Twente", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)), BY_CLIENTS_MUNICIPALITY)
                .expectException(violated("CLIENT_MUST_BE_REGISTERED"));
        fixture.givenNoPriorActivity()
                .when(new GrantIndicationCommand(INDICATION, CLIENT, IndicationType.AMBULATORY_SUPPORT, 0, PROVIDER,
                        "Twente", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)), BY_CLIENTS_MUNICIPALITY)
                .expectException(violated("HOURS_MUST_BE_POSITIVE"));
        fixture.givenNoPriorActivity()
                .when(new GrantIndicationCommand(INDICATION, CLIENT, IndicationType.AMBULATORY_SUPPORT, 4, PROVIDER,
                        "Twente", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1)), BY_CLIENTS_MUNICIPALITY)
                .expectException(violated("PERIOD_MUST_BE_POSITIVE"));
    }

    @Test
    void only_the_clients_own_municipality_grants_an_indication_and_it_names_the_provider() {
        fixture.givenNoPriorActivity()
                .when(new GrantIndicationCommand(INDICATION, CLIENT, IndicationType.AMBULATORY_SUPPORT, 6.0, PROVIDER,
                        "Twente", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)),
                        Map.of(MetadataKeys.ACTOR_ORGANISATION, "00000001009999999000"))
                .expectException(violated("INDICATION_BY_CLIENTS_MUNICIPALITY"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new GrantIndicationCommand(INDICATION, CLIENT, IndicationType.AMBULATORY_SUPPORT, 6.0, PROVIDER,
                        "Twente", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)))
                .expectException(violated("INDICATION_BY_CLIENTS_MUNICIPALITY"));
        fixture.givenNoPriorActivity()
                .when(new GrantIndicationCommand(INDICATION, CLIENT, IndicationType.AMBULATORY_SUPPORT, 6.0, null,
                        "Twente", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)), BY_CLIENTS_MUNICIPALITY)
                .expectException(violated("INDICATION_NAMES_PROVIDER"))
                .expectNoEvents();
    }

    @Test
    void care_is_scaled_up_or_down_with_grounds() {
        fixture.given(GRANTED)
                .when(new ScaleIndicationCommand(INDICATION, 3.0, LocalDate.of(2025, 5, 1), "driegesprek: going well"), BY_CLIENTS_MUNICIPALITY)
                .expectEvents(new IndicationScaledEvent(INDICATION, CLIENT, ScaleDirection.DOWN, 6.0, 3.0,
                        LocalDate.of(2025, 5, 1), "driegesprek: going well"));
        fixture.given(GRANTED)
                .when(new ScaleIndicationCommand(INDICATION, 8.0, LocalDate.of(2025, 5, 1), "arrears"), BY_CLIENTS_MUNICIPALITY)
                .expectEvents(new IndicationScaledEvent(INDICATION, CLIENT, ScaleDirection.UP, 6.0, 8.0,
                        LocalDate.of(2025, 5, 1), "arrears"));
        fixture.given(GRANTED)
                .when(new ScaleIndicationCommand(INDICATION, 6.0, LocalDate.of(2025, 5, 1), "same"), BY_CLIENTS_MUNICIPALITY)
                .expectException(violated("SCALING_CHANGES_HOURS"));
        fixture.given(GRANTED)
                .when(new ScaleIndicationCommand(INDICATION, 2.0, LocalDate.of(2025, 5, 1), null), BY_CLIENTS_MUNICIPALITY)
                .expectException(violated("SCALING_NEEDS_GROUNDS"));
    }

    @Test
    void an_extension_lengthens_the_indication() {
        fixture.given(GRANTED)
                .when(new ExtendIndicationCommand(INDICATION, LocalDate.of(2026, 7, 1), "more time"), BY_CLIENTS_MUNICIPALITY)
                .expectEvents(new IndicationExtendedEvent(INDICATION, CLIENT, LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 7, 1), "more time"));
        fixture.given(GRANTED)
                .when(new ExtendIndicationCommand(INDICATION, LocalDate.of(2025, 12, 1), null), BY_CLIENTS_MUNICIPALITY)
                .expectException(violated("EXTENSION_MUST_LENGTHEN"));
    }

    @Test
    void ending_because_the_client_can_live_independently_starts_a_waakvlam_with_the_regional_defaults() {
        fixture.givenCurrentTime(startOf(ENDED))
                .andGiven(GRANTED)
                .when(new EndIndicationCommand(INDICATION, IndicationEndReason.CAN_LIVE_INDEPENDENTLY, ENDED, "doing well", null), BY_CLIENTS_MUNICIPALITY)
                .expectEvents(new IndicationEndedEvent(INDICATION, CLIENT, IndicationEndReason.CAN_LIVE_INDEPENDENTLY,
                        ENDED, PROVIDER, "doing well"), WAAKVLAM)
                .expectScheduledDeadlineWithName(Duration.between(startOf(ENDED), startOf(ENDED.plusWeeks(4))), CareIndication.CONTACT_DUE)
                .expectScheduledDeadlineWithName(Duration.between(startOf(ENDED), startOf(ENDED.plusMonths(6))), CareIndication.WAAKVLAM_ENDS);
    }

    @Test
    void a_waakvlam_declined_with_grounds_does_not_start() {
        fixture.given(GRANTED)
                .when(new EndIndicationCommand(INDICATION, IndicationEndReason.CAN_LIVE_INDEPENDENTLY, ENDED, "doing well",
                        "client has family support"), BY_CLIENTS_MUNICIPALITY)
                .expectEvents(new IndicationEndedEvent(INDICATION, CLIENT, IndicationEndReason.CAN_LIVE_INDEPENDENTLY,
                        ENDED, PROVIDER, "doing well"), new WaakvlamDeclinedEvent(INDICATION, CLIENT, ENDED, "client has family support"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void ending_for_another_reason_starts_no_waakvlam() {
        fixture.given(GRANTED)
                .when(new EndIndicationCommand(INDICATION, IndicationEndReason.RETURNED_TO_CARE, ENDED, null, null), BY_CLIENTS_MUNICIPALITY)
                .expectEvents(new IndicationEndedEvent(INDICATION, CLIENT, IndicationEndReason.RETURNED_TO_CARE, ENDED,
                        PROVIDER, null));
    }

    @Test
    void an_ended_indication_is_not_scaled_extended_or_ended_again() {
        IndicationEndedEvent ended = new IndicationEndedEvent(INDICATION, CLIENT, IndicationEndReason.PERIOD_ENDED, ENDED, PROVIDER, null);
        fixture.given(GRANTED, ended).when(new ScaleIndicationCommand(INDICATION, 2.0, ENDED, "x"), BY_CLIENTS_MUNICIPALITY)
                .expectException(violated("INDICATION_ENDED"));
        fixture.given(GRANTED, ended).when(new EndIndicationCommand(INDICATION, IndicationEndReason.OTHER, ENDED, null, null), BY_CLIENTS_MUNICIPALITY)
                .expectException(violated("INDICATION_ENDED"));
    }

    @Test
    void a_recorded_contact_sets_the_next_due_date() {
        LocalDate contact = ENDED.plusWeeks(3);
        fixture.givenCurrentTime(startOf(contact))
                .andGiven(GRANTED, new IndicationEndedEvent(INDICATION, CLIENT, IndicationEndReason.CAN_LIVE_INDEPENDENTLY, ENDED, PROVIDER, null), WAAKVLAM)
                .when(new RecordWaakvlamContactCommand(INDICATION, contact, "coffee, all well"))
                .expectEvents(new WaakvlamContactRecordedEvent(INDICATION, CLIENT, contact, contact.plusWeeks(4), "coffee, all well"))
                .expectScheduledDeadlineWithName(Duration.between(startOf(contact), startOf(contact.plusWeeks(4))), CareIndication.CONTACT_DUE);
    }

    @Test
    void a_contact_not_recorded_by_its_due_date_is_missed() {
        fixture.givenCurrentTime(startOf(ENDED))
                .andGiven(GRANTED)
                .andGivenCommands(byClientsMunicipality(new EndIndicationCommand(INDICATION, IndicationEndReason.CAN_LIVE_INDEPENDENTLY, ENDED, null, null)))
                .whenThenTimeAdvancesTo(startOf(ENDED.plusWeeks(4)))
                .expectEvents(new WaakvlamContactMissedEvent(INDICATION, CLIENT, ENDED.plusWeeks(4), ENDED.plusWeeks(8)));
    }

    @Test
    void the_waakvlam_ends_when_its_agreed_period_is_over() {
        fixture.givenCurrentTime(startOf(ENDED))
                .andGiven(GRANTED)
                .andGivenCommands(byClientsMunicipality(new EndIndicationCommand(INDICATION, IndicationEndReason.CAN_LIVE_INDEPENDENTLY, ENDED, null, null)),
                        new RecordWaakvlamContactCommand(INDICATION, ENDED.plusMonths(6).minusDays(1), "last one"))
                .whenThenTimeAdvancesTo(startOf(ENDED.plusMonths(6)))
                .expectEvents(new WaakvlamEndedEvent(INDICATION, CLIENT, WaakvlamEndReason.AGREED_PERIOD_COMPLETED,
                        ENDED.plusMonths(6), null));
    }

    @Test
    void contacts_still_unrecorded_when_the_period_ends_are_counted_as_missed_before_the_end() {
        // Entered after the fact, every deadline is overdue at once; whatever order they fire in, these are the events.
        fixture.givenCurrentTime(startOf(ENDED))
                .andGiven(GRANTED)
                .andGivenCommands(byClientsMunicipality(new EndIndicationCommand(INDICATION, IndicationEndReason.CAN_LIVE_INDEPENDENTLY, ENDED, null, null)),
                        new RecordWaakvlamContactCommand(INDICATION, ENDED.plusWeeks(3), "ok"))
                .whenThenTimeAdvancesTo(startOf(ENDED.plusMonths(6)))
                .expectEvents(
                        new WaakvlamContactMissedEvent(INDICATION, CLIENT, ENDED.plusWeeks(7), ENDED.plusWeeks(11)),
                        new WaakvlamContactMissedEvent(INDICATION, CLIENT, ENDED.plusWeeks(11), ENDED.plusWeeks(15)),
                        new WaakvlamContactMissedEvent(INDICATION, CLIENT, ENDED.plusWeeks(15), ENDED.plusWeeks(19)),
                        new WaakvlamContactMissedEvent(INDICATION, CLIENT, ENDED.plusWeeks(19), ENDED.plusWeeks(23)),
                        new WaakvlamContactMissedEvent(INDICATION, CLIENT, ENDED.plusWeeks(23), ENDED.plusWeeks(27)),
                        new WaakvlamEndedEvent(INDICATION, CLIENT, WaakvlamEndReason.AGREED_PERIOD_COMPLETED, ENDED.plusMonths(6), null));
    }

    @Test
    void contacts_are_recorded_only_for_an_active_waakvlam() {
        fixture.given(GRANTED)
                .when(new RecordWaakvlamContactCommand(INDICATION, ENDED, "hello"))
                .expectException(violated("NO_ACTIVE_WAAKVLAM"));
    }

    @Test
    void scaling_extending_and_ending_are_the_clients_own_municipalitys_decisions_not_a_procesregie_holders() {
        Map<String, Object> procesregieHolder = Map.of(MetadataKeys.ACTOR_ORGANISATION, "00000001009999999000");
        fixture.given(GRANTED)
                .when(new ScaleIndicationCommand(INDICATION, 3.0, LocalDate.of(2025, 5, 1), "less"), procesregieHolder)
                .expectException(violated("INDICATION_BY_CLIENTS_MUNICIPALITY")).expectNoEvents();
        fixture.given(GRANTED)
                .when(new ExtendIndicationCommand(INDICATION, LocalDate.of(2026, 7, 1), "more"), procesregieHolder)
                .expectException(violated("INDICATION_BY_CLIENTS_MUNICIPALITY")).expectNoEvents();
        fixture.given(GRANTED)
                .when(new EndIndicationCommand(INDICATION, IndicationEndReason.OTHER, ENDED, null, null), procesregieHolder)
                .expectException(violated("INDICATION_BY_CLIENTS_MUNICIPALITY")).expectNoEvents();
        fixture.given(GRANTED)
                .when(new EndIndicationCommand(INDICATION, IndicationEndReason.OTHER, ENDED, null, null))
                .expectException(violated("INDICATION_BY_CLIENTS_MUNICIPALITY")).expectNoEvents();
    }

    @Test
    void the_journey_process_ends_the_indication_of_a_client_who_died_whoever_recorded_the_death() {
        fixture.given(GRANTED)
                .when(new EndIndicationCommand(INDICATION, IndicationEndReason.DECEASED, ENDED, null, null),
                        Map.of(MetadataKeys.ACTOR_ORGANISATION, "12345678", MetadataKeys.SENT_BY_THE_JOURNEY, true))
                .expectEvents(new IndicationEndedEvent(INDICATION, CLIENT, IndicationEndReason.DECEASED, ENDED, PROVIDER, null));
    }
}
