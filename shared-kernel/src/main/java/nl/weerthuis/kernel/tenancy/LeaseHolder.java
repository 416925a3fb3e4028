package nl.weerthuis.kernel.tenancy;

/** Who holds the lease: the care provider (intermediaire verhuur, tripartite) or the client. */
public enum LeaseHolder {
    CARE_PROVIDER,
    CLIENT
}
