package nl.weerthuis.kernel.identity;

/** What a person or system may do, as carried in the {@code roles} token claim. */
public enum Role {
    CASEWORKER,
    MONITOR,
    AUDITOR,
    PARTNER_SYSTEM,
    CLIENT,
    ADMIN
}
