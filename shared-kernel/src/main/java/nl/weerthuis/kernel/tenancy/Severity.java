package nl.weerthuis.kernel.tenancy;

/** How serious a signal is; an open HIGH signal blocks the flip. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH
}
