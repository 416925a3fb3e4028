package nl.weerthuis.command.lookup;

import nl.weerthuis.command.agreement.AgreementPolicies;
import nl.weerthuis.kernel.agreement.AgreementAdoptedEvent;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.agreement.PolicyAmendedEvent;
import nl.weerthuis.kernel.agreement.PolicyInForce;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;

/** Every version of every regional agreement, so a decision can find the version in force on its date. */
@Component
@ProcessingGroup(LookupConfiguration.GROUP)
class AgreementLookup implements AgreementPolicies {

    private final JdbcTemplate jdbc;

    AgreementLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PolicyInForce inForce(String region, LocalDate date) {
        return jdbc.query("""
                        SELECT * FROM lookup_agreement_version
                        WHERE region = ? AND effective_from <= ?
                        ORDER BY effective_from DESC, version DESC""",
                (row, n) -> new PolicyInForce(row.getString("agreement_id"), row.getInt("version"),
                        row.getDate("effective_from").toLocalDate(), new AgreementPolicy(
                        row.getInt("offer_deadline_months"), row.getInt("flip_minimum_months"),
                        row.getInt("flip_maximum_months"), row.getInt("review_cadence_months"),
                        row.getInt("review_period_months"), row.getInt("waakvlam_frequency_weeks"),
                        row.getInt("waakvlam_duration_months"))),
                region, Date.valueOf(date)).stream().findFirst().orElseGet(PolicyInForce::nationalDefault);
    }

    @Override
    public boolean hasAgreement(String region) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM lookup_agreement_version WHERE region = ?",
                Integer.class, region);
        return count != null && count > 0;
    }

    @EventHandler
    void on(AgreementAdoptedEvent event) {
        insert(event.agreementId(), event.version(), event.region(), event.effectiveFrom(), event.policy());
    }

    @EventHandler
    void on(PolicyAmendedEvent event) {
        insert(event.agreementId(), event.version(), event.region(), event.effectiveFrom(), event.policy());
    }

    private void insert(String agreementId, int version, String region, LocalDate from, AgreementPolicy policy) {
        jdbc.update("""
                INSERT INTO lookup_agreement_version (agreement_id, version, region, effective_from,
                    offer_deadline_months, flip_minimum_months, flip_maximum_months, review_cadence_months,
                    review_period_months, waakvlam_frequency_weeks, waakvlam_duration_months)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                agreementId, version, region, Date.valueOf(from), policy.offerDeadlineMonths(),
                policy.flipMinimumMonths(), policy.flipMaximumMonths(), policy.reviewCadenceMonths(),
                policy.reviewPeriodMonths(), policy.waakvlamFrequencyWeeks(), policy.waakvlamDurationMonths());
    }
}
