package nl.weerthuis.command.client;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * When monitoring reviews fall due after a move-in: every {@code cadence} (e.g. P6M) for as long as the
 * {@code period} (e.g. P24M) lasts, the last one on its final day at the latest. Review n falls on the move-in date
 * plus n times the cadence, so reviews keep to the same day of the month (not drifting as repeated additions would).
 */
public final class ReviewSchedule {

    private ReviewSchedule() {
    }

    public static List<LocalDate> dueDates(LocalDate movedInOn, Period cadence, Period period) {
        LocalDate last = movedInOn.plus(period);
        List<LocalDate> due = new ArrayList<>();
        for (int review = 1; ; review++) {
            LocalDate on = movedInOn.plus(cadence.multipliedBy(review));
            if (on.isAfter(last) || !on.isAfter(movedInOn)) {
                return due;
            }
            due.add(on);
        }
    }

    /**
     * Whether review {@code number} (1-based) counts as held: the reviews on record are matched to the due reviews in
     * order, each to at most one, a review counting for due review n when it lies after the previous one fell due
     * (the move-in for the first) and at most one cadence after review n fell due (a review a little late still
     * counts).
     */
    public static boolean held(LocalDate movedInOn, Period cadence, List<LocalDate> dueDates, int number,
                               List<LocalDate> reviews) {
        List<LocalDate> unused = new ArrayList<>(reviews);
        unused.sort(null);
        boolean matched = false;
        for (int n = 1; n <= number; n++) {
            LocalDate after = n == 1 ? movedInOn : dueDates.get(n - 2);
            LocalDate until = dueDates.get(n - 1).plus(cadence);
            matched = false;
            for (int i = 0; i < unused.size(); i++) {
                LocalDate review = unused.get(i);
                if (review.isAfter(after) && !review.isAfter(until)) {
                    unused.remove(i);
                    matched = true;
                    break;
                }
            }
        }
        return matched;
    }
}
