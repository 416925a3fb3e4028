package nl.weerthuis.query.eventsource;

import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.privacy.DataSubjectMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PerClientSequencingTest {

    private final PerClientSequencing sequencing = new PerClientSequencing();

    @Test
    void an_event_naming_its_client_in_metadata_is_placed_without_decoding_its_payload() {
        EventMessage<?> stored = mock(EventMessage.class);
        when(stored.getMetaData()).thenReturn(MetaData.with(MetadataKeys.DATA_SUBJECT, "client-7"));
        when(stored.getPayload()).thenThrow(new AssertionError("the payload was decoded"));

        assertThat(sequencing.getSequenceIdentifierFor(stored)).isEqualTo("client-7");
        verify(stored, never()).getPayload();
    }

    @Test
    void the_command_side_writes_the_same_client_an_older_event_is_decoded_for() {
        EventMessage<ClientRegisteredEvent> older = GenericEventMessage.asEventMessage(new ClientRegisteredEvent("client-8",
                CareSetting.SHELTER, "f", "Twente", "Almelo", "87654321", LocalDate.of(2025, 1, 1), null));
        EventMessage<?> appended = new DataSubjectMetadata().handle(List.of(older)).apply(0, older);

        assertThat(appended.getMetaData()).containsEntry(MetadataKeys.DATA_SUBJECT, "client-8");
        assertThat(sequencing.getSequenceIdentifierFor(older)).isEqualTo("client-8");
        assertThat(sequencing.getSequenceIdentifierFor(appended)).isEqualTo("client-8");
    }
}
