package nl.weerthuis.kernel.tenancy;

/** Why a tenancy ended. */
public enum TenancyEndReason {
    MOVED,
    EVICTION,
    RETURNED_TO_CARE,
    DECEASED
}
