package nl.weerthuis.kernel.careindication;

/** Why a waakvlam ended. */
public enum WaakvlamEndReason {
    AGREED_PERIOD_COMPLETED,
    ENDED_BY_AGREEMENT,
    RETURNED_TO_CARE,
    DECEASED
}
