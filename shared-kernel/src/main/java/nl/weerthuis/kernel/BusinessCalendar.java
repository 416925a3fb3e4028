package nl.weerthuis.command.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are Dutch dates: a deadline "on" a date falls at the start of that day in the Netherlands. */
public final class BusinessCalendar {

    public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private BusinessCalendar() {
    }

    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(NETHERLANDS).toInstant();
    }
}
