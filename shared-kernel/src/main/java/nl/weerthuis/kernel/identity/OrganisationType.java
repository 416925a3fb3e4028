package nl.weerthuis.kernel.identity;

/** The kinds of organisation in a regional partnership, as carried in the {@code org_type} token claim. */
public enum OrganisationType {
    MUNICIPALITY,
    HOUSING_CORPORATION,
    CARE_PROVIDER,
    NEIGHBOURHOOD_TEAM,
    SUPERVISOR
}
