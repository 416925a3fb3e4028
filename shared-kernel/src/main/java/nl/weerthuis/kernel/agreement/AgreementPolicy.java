package nl.weerthuis.kernel.agreement;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a regional agreement that decisions depend on. Each version of an agreement holds one policy; a
 * decision records the version it was taken under, so it can be replayed against the rules of that day. Terms are
 * ISO 8601 periods ({@link Term}); versions recorded before that held whole months (the waakvlam frequency whole
 * weeks) under the old names, and are read with that meaning.
 */
public record AgreementPolicy(
        @JsonAlias("offerDeadlineMonths") @JsonDeserialize(using = Term.Months.class) Period offerDeadline,
        @JsonAlias("flipMinimumMonths") @JsonDeserialize(using = Term.Months.class) Period flipMinimumTerm,
        @JsonAlias("flipMaximumMonths") @JsonDeserialize(using = Term.Months.class) Period flipMaximumTerm,
        @JsonAlias("reviewCadenceMonths") @JsonDeserialize(using = Term.Months.class) Period reviewCadence,
        @JsonAlias("reviewPeriodMonths") @JsonDeserialize(using = Term.Months.class) Period reviewPeriod,
        @JsonAlias("waakvlamFrequencyWeeks") @JsonDeserialize(using = Term.Weeks.class) Period waakvlamFrequency,
        @JsonAlias("waakvlamDurationMonths") @JsonDeserialize(using = Term.Months.class) Period waakvlamDuration) {

    /** Used where a region has adopted no agreement yet: half-yearly reviews for two years (Apeldoorn). */
    public static final AgreementPolicy NATIONAL_DEFAULT = new AgreementPolicy(Period.ofMonths(6), Period.ofMonths(12),
            Period.ofMonths(36), Period.ofMonths(6), Period.ofMonths(24), Period.ofWeeks(4), Period.ofMonths(6));

    /** What is wrong with these rules; empty when they are coherent. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String[] names = {"offerDeadline", "flipMinimumTerm", "flipMaximumTerm", "reviewCadence", "reviewPeriod",
                "waakvlamFrequency", "waakvlamDuration"};
        Period[] terms = {offerDeadline, flipMinimumTerm, flipMaximumTerm, reviewCadence, reviewPeriod,
                waakvlamFrequency, waakvlamDuration};
        for (int i = 0; i < terms.length; i++) {
            String problem = Term.problem(names[i], terms[i]);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (problems.isEmpty()) {
            if (Term.longer(flipMinimumTerm, flipMaximumTerm)) {
                problems.add("flipMaximumTerm must not be shorter than flipMinimumTerm");
            }
            if (Term.longer(reviewCadence, reviewPeriod)) {
                problems.add("reviewPeriod must not be shorter than reviewCadence");
            }
        }
        return problems;
    }
}
