package nl.weerthuis.command.careindication;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * When waakvlam contacts fall due and when the waakvlam ends, from the agreed frequency and duration (ISO periods,
 * e.g. P4W and P6M). Pure date arithmetic: the aggregate decides what happened, this says when things are due.
 */
public final class WaakvlamSchedule {

    private WaakvlamSchedule() {
    }

    /** The agreed end of a waakvlam that starts on {@code start}. */
    public static LocalDate until(LocalDate start, Period duration) {
        return start.plus(duration);
    }

    /** The contact after one on (or due on) {@code from}. */
    public static LocalDate nextDue(LocalDate from, Period frequency) {
        return from.plus(frequency);
    }

    /**
     * The contacts still due before the waakvlam ends, from {@code nextDue} on: each one not recorded by the end is
     * missed. Contacts due on the end date itself or later are not counted: the waakvlam is over by then.
     */
    public static List<LocalDate> dueBefore(LocalDate nextDue, LocalDate until, Period frequency) {
        List<LocalDate> due = new ArrayList<>();
        for (LocalDate on = nextDue; on.isBefore(until); on = on.plus(frequency)) {
            due.add(on);
        }
        return due;
    }
}
