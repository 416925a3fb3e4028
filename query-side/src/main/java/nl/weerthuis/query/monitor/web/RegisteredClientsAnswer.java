package nl.weerthuis.query.monitor.web;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** What {@code GET /api/v1/monitor/registered-clients} answers, for its OpenAPI document (the contract test holds them together). */
@Schema(name = "RegisteredClients")
record RegisteredClientsAnswer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Region> regions) {

    @Schema(name = "RegisteredClientsInRegion")
    record Region(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String region,
                  @Schema(nullable = true, description = "null when suppressed (a small cell)") Long protectedHousing,
                  @Schema(nullable = true, description = "null when suppressed (a small cell)") Long shelter,
                  @Schema(nullable = true, description = "null when suppressed (a small cell)") Long total,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the figures suppressed")
                  List<String> suppressed) {
    }
}
