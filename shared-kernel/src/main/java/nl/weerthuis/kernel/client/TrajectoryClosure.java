package nl.weerthuis.kernel.client;

/**
 * Why an outflow trajectory ended. NOT_READY and RELAPSED end it before any move-in: the client stays in BW or MO
 * (the monitor counts them as trajectories ended without outflow).
 */
public enum TrajectoryClosure {
    COMPLETED,
    NOT_READY,
    RELAPSED,
    RETURNED_TO_CARE,
    MOVED,
    EVICTION,
    DECEASED,
    WITHDRAWN
}
