package nl.weerthuis.command.agreement;

import nl.weerthuis.kernel.agreement.PolicyInForce;

import java.time.LocalDate;

/**
 * Which version of a region's agreement held on a date. Aggregates ask this when they take a decision and record
 * the version in the event, so the decision can be replayed against the rules of that day.
 */
public interface AgreementPolicies {

    /** The version in force on {@code date}; the national default when the region has adopted none by then. */
    PolicyInForce inForce(String region, LocalDate date);

    boolean hasAgreement(String region);
}
