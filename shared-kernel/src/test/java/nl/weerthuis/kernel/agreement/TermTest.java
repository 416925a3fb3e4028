package nl.weerthuis.kernel.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.weerthuis.kernel.careindication.WaakvlamStartedEvent;
import nl.weerthuis.kernel.client.OutflowRecordedEvent;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.MovedInEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Terms are ISO periods; events and agreements recorded in whole months (or weeks) keep their meaning. */
class TermTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void an_agreement_recorded_in_months_and_weeks_reads_with_the_meaning_it_had() throws Exception {
        AgreementPolicy old = json.readValue("""
                {"offerDeadlineMonths":6,"flipMinimumMonths":6,"flipMaximumMonths":18,"reviewCadenceMonths":6,
                 "reviewPeriodMonths":24,"waakvlamFrequencyWeeks":4,"waakvlamDurationMonths":6}""", AgreementPolicy.class);
        assertThat(old).isEqualTo(new AgreementPolicy(Period.ofMonths(6), Period.ofMonths(6), Period.ofMonths(18),
                Period.ofMonths(6), Period.ofMonths(24), Period.ofWeeks(4), Period.ofMonths(6)));
        // Same dates as before: 6 months from 31 August is 28 February, as plusMonths(6) gave.
        assertThat(LocalDate.of(2025, 8, 31).plus(old.offerDeadline())).isEqualTo(LocalDate.of(2025, 8, 31).plusMonths(6));
        assertThat(LocalDate.of(2025, 1, 1).plus(old.waakvlamFrequency())).isEqualTo(LocalDate.of(2025, 1, 1).plusWeeks(4));
    }

    @Test
    void an_agreement_in_iso_periods_is_written_and_read_as_periods() throws Exception {
        AgreementPolicy policy = json.readValue("""
                {"offerDeadline":"P182D","flipMinimumTerm":"P6M","flipMaximumTerm":"P18M","reviewCadence":"P3M",
                 "reviewPeriod":"P2Y","waakvlamFrequency":"P6W","waakvlamDuration":"P3M"}""", AgreementPolicy.class);
        assertThat(policy.offerDeadline()).isEqualTo(Period.ofDays(182));
        assertThat(policy.waakvlamFrequency()).isEqualTo(Period.ofDays(42));
        assertThat(policy.problems()).isEmpty();
        String written = json.writeValueAsString(policy);
        assertThat(written).contains("\"offerDeadline\":\"P182D\"", "\"waakvlamFrequency\":\"P42D\"");
        assertThat(json.readValue(written, AgreementPolicy.class)).isEqualTo(policy);
    }

    @Test
    void events_recorded_in_months_and_weeks_read_as_periods() throws Exception {
        DwellingOfferedEvent offered = json.readValue("""
                {"tenancyId":"t","clientId":"c","offeredOn":"2025-03-01","agreementVersion":1,"offerDeadlineMonths":6}""",
                DwellingOfferedEvent.class);
        assertThat(offered.offerDeadline()).isEqualTo(Period.ofMonths(6));
        MovedInEvent movedIn = json.readValue("""
                {"tenancyId":"t","clientId":"c","agreementVersion":1,"flipMinimumMonths":12,"flipMaximumMonths":36}""",
                MovedInEvent.class);
        assertThat(movedIn.flipMinimumTerm()).isEqualTo(Period.ofMonths(12));
        assertThat(movedIn.flipMaximumTerm()).isEqualTo(Period.ofMonths(36));
        OutflowRecordedEvent outflow = json.readValue("""
                {"clientId":"c","agreementVersion":1,"reviewCadenceMonths":6,"reviewPeriodMonths":24}""",
                OutflowRecordedEvent.class);
        assertThat(outflow.reviewCadence()).isEqualTo(Period.ofMonths(6));
        WaakvlamStartedEvent waakvlam = json.readValue("""
                {"indicationId":"i","clientId":"c","frequencyWeeks":4,"agreementVersion":1}""", WaakvlamStartedEvent.class);
        assertThat(waakvlam.frequency()).isEqualTo(Period.ofWeeks(4));
    }

    @Test
    void a_term_that_is_no_period_is_refused() {
        assertThatThrownBy(() -> json.readValue("{\"offerDeadline\":\"six months\"}", AgreementPolicy.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("ISO 8601 period");
    }

    @Test
    void incoherent_terms_are_named() {
        AgreementPolicy policy = new AgreementPolicy(Period.ZERO, Period.ofMonths(-1), Period.ofYears(11),
                Period.ofMonths(6), Period.ofMonths(24), null, Period.ofMonths(6));
        assertThat(policy.problems()).containsExactly("offerDeadline must be a positive period",
                "flipMinimumTerm must be a positive period", "flipMaximumTerm must not exceed P10Y",
                "waakvlamFrequency is required (an ISO 8601 period such as P182D, P6W, P3M)");
        AgreementPolicy shorterMaximum = new AgreementPolicy(Period.ofMonths(6), Period.ofDays(182), Period.ofMonths(6),
                Period.ofMonths(6), Period.ofMonths(24), Period.ofWeeks(4), Period.ofMonths(6));
        // 182 days run past 6 months from 1 September (6 months = 181 days then).
        assertThat(shorterMaximum.problems()).containsExactly("flipMaximumTerm must not be shorter than flipMinimumTerm");
    }

    @Test
    void months_and_days_are_compared_from_every_start() {
        assertThat(Term.longer(Period.ofMonths(1), Period.ofDays(30))).isTrue();  // from 1 January: 31 days
        assertThat(Term.longer(Period.ofDays(30), Period.ofMonths(1))).isTrue();  // from 1 February: 28 or 29 days
        assertThat(Term.longer(Period.ofMonths(1), Period.ofDays(31))).isFalse();
        assertThat(Term.longer(Period.ofMonths(18), Period.ofMonths(18))).isFalse();
    }
}
