package nl.weerthuis.kernel.client;

/** Why an outflow trajectory ended. */
public enum TrajectoryClosure {
    COMPLETED,
    RETURNED_TO_CARE,
    MOVED,
    EVICTION,
    DECEASED,
    WITHDRAWN
}
