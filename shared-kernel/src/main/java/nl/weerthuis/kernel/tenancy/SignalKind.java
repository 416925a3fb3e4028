package nl.weerthuis.kernel.tenancy;

/** Kinds of signal named in the sources (vroegsignalering). */
public enum SignalKind {
    RENT_ARREARS,
    NUISANCE,
    CONFUSED_BEHAVIOUR,
    CARE_AVOIDANCE,
    DWELLING_NEGLECT,
    DEBTS,
    MISSED_WAAKVLAM_CONTACT,
    NEIGHBOUR_CONCERN,
    OTHER
}
