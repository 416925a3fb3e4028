package nl.weerthuis.kernel.agreement;

/**
 * A decision that records the version of the regional agreement it was taken under, so that it can be replayed, and
 * explained, against the rules of that day rather than today's.
 */
public interface DecidedUnderAgreement {

    String agreementId();

    int agreementVersion();
}
