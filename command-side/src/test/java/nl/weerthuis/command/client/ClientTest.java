package nl.weerthuis.command.client;

import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.RegisterClientCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class ClientTest {

    private AggregateTestFixture<Client> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Client.class);
    }

    @Test
    void registering_a_client_records_setting_facility_region_and_care_provider() {
        LocalDate registeredOn = LocalDate.of(2026, 3, 2);
        fixture.givenNoPriorActivity()
                .when(new RegisterClientCommand("client-1", CareSetting.SHELTER, "Nachtopvang De Brug", "Twente",
                        "Almelo", "87654321", registeredOn))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClientRegisteredEvent("client-1", CareSetting.SHELTER, "Nachtopvang De Brug", "Twente",
                        "Almelo", "87654321", registeredOn));
    }
}
