package nl.weerthuis.kernel;

import java.time.LocalDate;

/**
 * An event names the day on which what it records happened in the world (moved in on, flipped on), which may differ
 * from when it was recorded (the event's timestamp: a late entry, an imported caseload). Every event says which of
 * its dates that is, by name — never inferred from its fields' order or names — so the monitor and the decision
 * history count and show it the same way however the record's fields are arranged.
 */
public interface BusinessDated {

    LocalDate businessDate();
}
