package nl.weerthuis.kernel.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a regional agreement that decisions depend on. Each version of an agreement holds one policy; a
 * decision records the version it was taken under, so it can be replayed against the rules of that day.
 */
public record AgreementPolicy(
        int offerDeadlineMonths,
        int flipMinimumMonths,
        int flipMaximumMonths,
        int reviewCadenceMonths,
        int reviewPeriodMonths,
        int waakvlamFrequencyWeeks,
        int waakvlamDurationMonths) {

    /** Used where a region has adopted no agreement yet: half-yearly reviews for two years (Apeldoorn). */
    public static final AgreementPolicy NATIONAL_DEFAULT = new AgreementPolicy(6, 12, 36, 6, 24, 4, 6);

    /** What is wrong with these rules; empty when they are coherent. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (offerDeadlineMonths < 1) problems.add("offerDeadlineMonths must be at least 1");
        if (flipMinimumMonths < 0) problems.add("flipMinimumMonths must not be negative");
        if (flipMaximumMonths < flipMinimumMonths) problems.add("flipMaximumMonths must not be below flipMinimumMonths");
        if (reviewCadenceMonths < 1) problems.add("reviewCadenceMonths must be at least 1");
        if (reviewPeriodMonths < reviewCadenceMonths) problems.add("reviewPeriodMonths must be at least reviewCadenceMonths");
        if (waakvlamFrequencyWeeks < 1) problems.add("waakvlamFrequencyWeeks must be at least 1");
        if (waakvlamDurationMonths < 1) problems.add("waakvlamDurationMonths must be at least 1");
        return problems;
    }
}
