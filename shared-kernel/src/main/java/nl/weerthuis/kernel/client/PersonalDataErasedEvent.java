package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import nl.weerthuis.kernel.privacy.DataSubject;

import java.time.LocalDate;

/**
 * The client's key was deleted in the transaction that recorded this event: every personal text about them, in
 * any event, snapshot or read model, now reads as erased. Read models drop what they hold; partners are told.
 */
public record PersonalDataErasedEvent(
        @DataSubject String clientId,
        ErasureGround ground,
        LocalDate erasedOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return erasedOn;
    }
}
