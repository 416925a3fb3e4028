package nl.weerthuis.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates are Dutch dates: a deadline "on" a date falls at the start of that day in the Netherlands, and
 * "today" is the Dutch today — also for the hour after midnight in Amsterdam when it is still yesterday in UTC, the
 * zone the applications' machines run in.
 */
public final class BusinessCalendar {

    public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private BusinessCalendar() {
    }

    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(NETHERLANDS).toInstant();
    }

    /** Today in the Netherlands, by this clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(NETHERLANDS));
    }

    /** Today in the Netherlands. */
    public static LocalDate today() {
        return LocalDate.now(NETHERLANDS);
    }
}
