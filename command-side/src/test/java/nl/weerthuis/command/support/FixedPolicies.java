package nl.weerthuis.command.support;

import nl.weerthuis.command.agreement.AgreementPolicies;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.agreement.PolicyInForce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Agreement versions for fixture tests: the latest version whose date has come holds. */
public class FixedPolicies implements AgreementPolicies {

    private final List<PolicyInForce> versions = new ArrayList<>();

    public static FixedPolicies of(AgreementPolicy policy) {
        return new FixedPolicies().withVersion(1, LocalDate.of(2020, 1, 1), policy);
    }

    public FixedPolicies withVersion(int version, LocalDate from, AgreementPolicy policy) {
        versions.add(new PolicyInForce("agreement-twente", version, from, policy));
        return this;
    }

    @Override
    public PolicyInForce inForce(String region, LocalDate date) {
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(PolicyInForce::effectiveFrom))
                .orElseGet(PolicyInForce::nationalDefault);
    }

    @Override
    public boolean hasAgreement(String region) {
        return !versions.isEmpty();
    }
}
