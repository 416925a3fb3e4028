package nl.weerthuis.kernel.involvement;

/** Why an organisation takes part in a client's journey. Each basis is granted by a recorded decision. */
public enum InvolvementBasis {
    /** The municipality that registered the client (central intake): the coordination point. */
    CLIENTS_MUNICIPALITY,
    /** The care provider of the BW or MO facility named at registration. */
    CARE_PROVIDER_AT_REGISTRATION,
    /** Holds procesregie, given by the client's municipality. */
    CASE_COORDINATION,
    /** A corporation the coordination point asked for a dwelling. */
    HOUSING_REQUEST,
    /** The corporation that offered, and then lets, a dwelling. */
    TENANCY_LANDLORD,
    /** The care provider named in a dwelling offer (lease holder or partner in a tripartite lease). */
    TENANCY_CARE_PROVIDER,
    /** The provider a care indication names. */
    CARE_INDICATION_PROVIDER
}
