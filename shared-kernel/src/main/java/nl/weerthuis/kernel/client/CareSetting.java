package nl.weerthuis.kernel.client;

/** Where a client is registered before outflow. */
public enum CareSetting {
    /** Beschermd wonen (BW): protected housing for people with severe psychiatric problems. */
    PROTECTED_HOUSING,
    /** Maatschappelijke opvang (MO): homeless shelter. */
    SHELTER
}
