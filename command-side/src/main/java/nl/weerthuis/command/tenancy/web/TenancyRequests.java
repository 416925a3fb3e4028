package nl.weerthuis.command.tenancy.web;

import nl.weerthuis.kernel.input.FreeText;
import nl.weerthuis.kernel.input.Planned;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.weerthuis.kernel.tenancy.EscalationTarget;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.Severity;
import nl.weerthuis.kernel.tenancy.SignalKind;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;

import java.time.LocalDate;

/** Bodies of the tenancy resources. */
final class TenancyRequests {

    private TenancyRequests() {
    }

    record DwellingBody(@NotBlank @Size(max = 300) String address, @NotBlank @Size(max = 100) String municipality,
                        @NotBlank @Size(max = 100) String neighbourhood) {
    }

    /** The corporation's offer; the landlord is the calling corporation itself. */
    record Offer(@NotBlank @Size(max = 36) String clientId,
                 @NotNull @Pattern(regexp = "\\d{8}|\\d{20}", message = "must be a KvK number or an OIN") String careProvider,
                 @NotNull LeaseForm leaseForm,
                 @NotNull @Valid DwellingBody dwelling,
                 boolean fromQuota,
                 @NotNull LocalDate offeredOn) {
    }

    record OnDate(@NotNull LocalDate on) {
    }

    /** A date planned ahead (the flip's date). */
    record PlannedOn(@NotNull @Planned LocalDate on) {
    }

    record WithGrounds(@NotNull LocalDate on, @NotBlank @FreeText @Size(max = 4000) String grounds) {
    }

    record WithOptionalGrounds(@NotNull LocalDate on, @FreeText @Size(max = 4000) String grounds) {
    }

    record Agreements(@NotBlank @FreeText @Size(max = 4000) String agreements, @NotNull LocalDate recordedOn) {
    }

    record Signal(@NotNull SignalKind kind, @NotNull Severity severity, @NotBlank @FreeText @Size(max = 4000) String description,
                  @NotNull LocalDate raisedOn) {
    }

    record Notes(@NotNull LocalDate on, @NotBlank @FreeText @Size(max = 4000) String notes) {
    }

    record Escalation(@NotNull EscalationTarget target, @NotNull LocalDate on, @NotBlank @FreeText @Size(max = 4000) String grounds) {
    }

    record End(@NotNull TenancyEndReason reason, @NotNull LocalDate endedOn, @FreeText @Size(max = 4000) String grounds) {
    }
}
