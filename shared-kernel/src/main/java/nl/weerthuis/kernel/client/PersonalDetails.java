package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.privacy.PersonalData;

/**
 * Who the client is: stored only encrypted with the client's key, and gone for good when the client is erased.
 * Every part is optional (a shelter intake may start anonymous). {@code dateOfBirth} is an ISO date as text, so
 * that it is encrypted like the rest.
 */
public record PersonalDetails(
        @PersonalData String name,
        @PersonalData String bsn,
        @PersonalData String dateOfBirth,
        @PersonalData String contact) {
}
