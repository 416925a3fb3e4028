package nl.weerthuis.kernel.careindication;

/** Why an indication ended; CAN_LIVE_INDEPENDENTLY starts a waakvlam. */
public enum IndicationEndReason {
    CAN_LIVE_INDEPENDENTLY,
    PERIOD_ENDED,
    RETURNED_TO_CARE,
    MOVED_AWAY,
    DECEASED,
    OTHER
}
