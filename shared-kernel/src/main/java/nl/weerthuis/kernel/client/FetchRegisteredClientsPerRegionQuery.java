package nl.weerthuis.kernel.client;

/** Counts of registered clients per region and care setting; {@code region} null means every region. */
public record FetchRegisteredClientsPerRegionQuery(String region) {
}
