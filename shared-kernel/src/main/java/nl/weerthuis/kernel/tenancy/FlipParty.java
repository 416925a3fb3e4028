package nl.weerthuis.kernel.tenancy;

/** The three parties whose approval the flip needs. */
public enum FlipParty {
    HOUSING_CORPORATION,
    CARE_PROVIDER,
    CLIENT
}
