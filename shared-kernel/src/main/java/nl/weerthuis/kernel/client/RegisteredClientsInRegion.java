package nl.weerthuis.kernel.client;

/** Answer to {@link FetchRegisteredClientsPerRegionQuery}: one region's count per care setting. */
public record RegisteredClientsInRegion(String region, long protectedHousing, long shelter) {

    public long total() {
        return protectedHousing + shelter;
    }
}
