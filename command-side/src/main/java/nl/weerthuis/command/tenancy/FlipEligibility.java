package nl.weerthuis.command.tenancy;

import nl.weerthuis.kernel.agreement.PolicyInForce;
import nl.weerthuis.kernel.tenancy.FlipParty;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.LeaseHolder;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the omklap as pure functions: whether a lease can flip at all, the term it must flip in, the
 * approvals it needs and the signals that block it. Each answers with the refusal (rule and reason) or nothing;
 * the {@link Tenancy} turns a refusal into a rule violation.
 */
final class FlipEligibility {

    record Refusal(String rule, String reason) {
    }

    /** The flip term: no earlier than {@code earliest}, no later than {@code latest} (both inclusive). */
    record Term(LocalDate earliest, LocalDate latest) {

        static Term after(LocalDate movedInOn, Period minimum, Period maximum) {
            return new Term(movedInOn.plus(minimum), movedInOn.plus(maximum));
        }
    }

    private FlipEligibility() {
    }

    /** A lease can flip once: after move-in, when the care provider or the tripartite contract holds it. */
    static Optional<Refusal> canFlip(LeaseForm form, LeaseHolder holder, LocalDate movedInOn) {
        if (!form.canFlip()) {
            return refuse("CLIENT_LEASE_CANNOT_FLIP", "a lease in the client's own name cannot flip");
        }
        if (holder == LeaseHolder.CLIENT) {
            return refuse("FLIPPED_ONCE", "the lease is in the client's name already");
        }
        if (movedInOn == null) {
            return refuse("FLIP_AFTER_MOVE_IN", "the flip comes after the client has moved in");
        }
        return Optional.empty();
    }

    /** The date lies within the flip term of the agreement version in force on it. */
    static Optional<Refusal> withinTerm(LocalDate movedInOn, LocalDate date, PolicyInForce policy) {
        Term term = Term.after(movedInOn, policy.policy().flipMinimumTerm(), policy.policy().flipMaximumTerm());
        String under = "under agreement " + policy.agreementId() + " version " + policy.version();
        if (date.isBefore(term.earliest())) {
            return refuse("FLIP_MINIMUM_TERM", under + " the flip comes no earlier than " + term.earliest());
        }
        if (date.isAfter(term.latest())) {
            return refuse("FLIP_MAXIMUM_TERM", under + " the flip comes no later than " + term.latest());
        }
        return Optional.empty();
    }

    /** The corporation, the care provider and the client have all approved. */
    static Optional<Refusal> approvedByAll(Set<FlipParty> approvals) {
        Set<FlipParty> missing = EnumSet.allOf(FlipParty.class);
        missing.removeAll(approvals);
        return missing.isEmpty() ? Optional.empty() : refuse("FLIP_NEEDS_THREE_APPROVALS",
                "the corporation, the care provider and the client must all approve; missing: " + missing);
    }

    /** No open high-severity signal that was not overridden with written grounds. */
    static Optional<Refusal> noBlockingSignal(Collection<String> blocking) {
        List<String> sorted = blocking.stream().sorted().toList();
        return sorted.isEmpty() ? Optional.empty() : refuse("OPEN_HIGH_SEVERITY_SIGNAL_BLOCKS_FLIP",
                "a high-severity signal is open (" + sorted + "); resolve it or override with written grounds");
    }

    private static Optional<Refusal> refuse(String rule, String reason) {
        return Optional.of(new Refusal(rule, reason));
    }
}
