package nl.weerthuis.command.client.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.weerthuis.kernel.client.ArrangementChecklist;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.TrajectoryClosure;
import nl.weerthuis.kernel.identity.OrganisationType;

import java.time.LocalDate;

/** Bodies of the client's sub-resources. Free text is bounded; it is personal data and stored as such. */
final class ClientRequests {

    private ClientRequests() {
    }

    record StartTrajectory(@NotNull LocalDate startedOn) {
    }

    record UpdateChecklist(@NotNull @Valid ArrangementChecklist checklist, @NotNull LocalDate updatedOn) {
    }

    record RecordWishes(@NotBlank @Size(max = 4000) String wishes, @Size(max = 4000) String accessibilityNeeds,
                        @NotNull LocalDate recordedOn) {
    }

    record Consent(@NotNull @Pattern(regexp = "\\d{8}|\\d{20}", message = "must be a KvK number or an OIN")
                   String receivingOrganisation,
                   @NotBlank @Size(max = 100) String purpose,
                   @NotNull LocalDate on) {
    }

    record Coordination(@NotNull @Pattern(regexp = "\\d{8}|\\d{20}", message = "must be a KvK number or an OIN")
                        String organisation, @NotNull OrganisationType organisationType, @NotNull LocalDate assignedOn) {
    }

    record HousingRequest(@NotNull @Pattern(regexp = "\\d{8}", message = "must be a KvK number") String corporation,
                          @NotNull LocalDate requestedOn) {
    }

    record HousingRequestWithdrawal(@NotNull @Pattern(regexp = "\\d{8}", message = "must be a KvK number")
                                    String corporation, @NotNull LocalDate withdrawnOn) {
    }

    record RecordReview(@NotNull LocalDate reviewedOn, @NotBlank @Size(max = 4000) String outcome) {
    }

    record ReturnToCare(@NotNull CareSetting setting, @NotNull LocalDate returnedOn,
                        @NotBlank @Size(max = 4000) String grounds) {
    }

    record CloseTrajectory(@NotNull TrajectoryClosure reason, @NotNull LocalDate closedOn,
                           @Size(max = 4000) String grounds) {
    }
}
