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
                        term(row, "offer_deadline"), term(row, "flip_minimum_term"), term(row, "flip_maximum_term"),
                        term(row, "review_cadence"), term(row, "review_period"), term(row, "waakvlam_frequency"),
                        term(row, "waakvlam_duration"))),
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
                    offer_deadline, flip_minimum_term, flip_maximum_term, review_cadence, review_period,
                    waakvlam_frequency, waakvlam_duration)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                agreementId, version, region, Date.valueOf(from), policy.offerDeadline().toString(),
                policy.flipMinimumTerm().toString(), policy.flipMaximumTerm().toString(),
                policy.reviewCadence().toString(), policy.reviewPeriod().toString(),
                policy.waakvlamFrequency().toString(), policy.waakvlamDuration().toString());
    }

    private static java.time.Period term(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        return java.time.Period.parse(row.getString(column));
    }
}
