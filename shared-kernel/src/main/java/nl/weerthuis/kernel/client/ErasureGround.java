package nl.weerthuis.kernel.client;

/** Why a client's personal data is erased (AVG art. 17, or the end of the retention period). */
public enum ErasureGround {
    RETENTION_PERIOD_ENDED,
    CLIENT_REQUEST,
    LEGAL_OBLIGATION
}
