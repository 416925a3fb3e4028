package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.privacy.PersonalData;

/** The dwelling: its address is tied to the person, its municipality and neighbourhood are not. */
public record Dwelling(@PersonalData String address, String municipality, String neighbourhood) {
}
