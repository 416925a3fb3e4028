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
}
