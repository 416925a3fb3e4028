package nl.weerthuis.kernel.agreement;

/** The quota (contingent) of a corporation for a year was set. */
public record QuotaSetEvent(
        String agreementId,
        String region,
        String corporation,
        int year,
        int dwellings) {
}
