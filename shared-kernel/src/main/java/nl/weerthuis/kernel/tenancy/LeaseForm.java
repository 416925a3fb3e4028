package nl.weerthuis.kernel.tenancy;

/** The contract form a tenancy starts with. */
public enum LeaseForm {
    /** Intermediaire verhuur: the care provider is the tenant and sublets to the client. */
    CARE_PROVIDER_LEASE,
    /** Driepartijenovereenkomst: one contract of corporation, care provider and client, linking lease and support. */
    TRIPARTITE,
    /** In the client's own name from day one (Housing First). */
    CLIENT_LEASE;

    /** Only a lease not yet in the client's name can flip to it. */
    public boolean canFlip() {
        return this != CLIENT_LEASE;
    }

    public LeaseHolder initialLeaseHolder() {
        return this == CLIENT_LEASE ? LeaseHolder.CLIENT : LeaseHolder.CARE_PROVIDER;
    }
}
