package nl.weerthuis.command.client.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.PersonalDetails;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/clients}. */
public record RegisterClientRequest(
        @NotNull CareSetting setting,
        @NotBlank @Size(max = 200) String facility,
        @NotBlank @Size(max = 100) String region,
        @NotBlank @Size(max = 100) String municipality,
        @NotNull @Pattern(regexp = "\\d{8}|\\d{20}", message = "must be a KvK number (8 digits) or an OIN (20 digits)")
        String careProvider,
        @NotNull @PastOrPresent LocalDate registeredOn,
        @Valid PersonalDetailsRequest personalDetails) {

    /** Who the client is; optional, and stored only encrypted with the client's own key. */
    record PersonalDetailsRequest(
            @Size(max = 200) String name,
            @Bsn String bsn,
            @Past LocalDate dateOfBirth,
            @Size(max = 200) String contact) {

        PersonalDetails toDetails() {
            return new PersonalDetails(name, bsn, dateOfBirth == null ? null : dateOfBirth.toString(), contact);
        }
    }

    PersonalDetails details() {
        return personalDetails == null ? null : personalDetails.toDetails();
    }
}
