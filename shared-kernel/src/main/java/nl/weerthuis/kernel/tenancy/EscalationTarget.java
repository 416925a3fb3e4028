package nl.weerthuis.kernel.tenancy;

/** Where a signal is escalated to. */
public enum EscalationTarget {
    THREE_PARTY_MEETING,
    ZORG_EN_VEILIGHEIDSHUIS
}
