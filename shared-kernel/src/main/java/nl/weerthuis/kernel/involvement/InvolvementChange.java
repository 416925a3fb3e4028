package nl.weerthuis.kernel.involvement;

import java.time.LocalDate;

/** What one event changes in who is involved with its client. */
public sealed interface InvolvementChange {

    /** An organisation becomes involved; a second grant on the same basis and reference while active changes nothing. */
    record Began(Involvement involvement) implements InvolvementChange {
    }

    /** Every active involvement on this basis and reference ends on the given business date. */
    record Ended(InvolvementBasis basis, String reference, LocalDate on) implements InvolvementChange {
    }
}
