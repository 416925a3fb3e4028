package nl.weerthuis.command.client.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.weerthuis.kernel.client.CareSetting;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/clients}. */
public record RegisterClientRequest(
        @NotNull CareSetting setting,
        @NotBlank @Size(max = 200) String facility,
        @NotBlank @Size(max = 100) String region,
        @NotBlank @Size(max = 100) String municipality,
        @NotNull @Pattern(regexp = "\\d{8}|\\d{20}", message = "must be a KvK number (8 digits) or an OIN (20 digits)")
        String careProvider,
        @NotNull @PastOrPresent LocalDate registeredOn) {
}
