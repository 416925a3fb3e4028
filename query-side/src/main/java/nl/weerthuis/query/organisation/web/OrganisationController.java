package nl.weerthuis.query.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import nl.weerthuis.query.organisation.OrganisationRegister;
import nl.weerthuis.query.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The organisation register, for any authenticated caller: names, types and regions of organisations are not secret. */
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationController {

    private final OrganisationRegister register;

    OrganisationController(OrganisationRegister register) {
        this.register = register;
    }

    @Operation(summary = "Every registered organisation: number (OIN or KvK), name, type and regions")
    @GetMapping
    Map<String, List<OrganisationRegister.Organisation>> all() {
        return Map.of("organisations", register.all());
    }

    @Operation(summary = "One registered organisation by its number (OIN or KvK); its version as ETag")
    @GetMapping("/{organisationId}")
    ResponseEntity<Object> one(@PathVariable String organisationId) {
        return register.find(organisationId)
                .<ResponseEntity<Object>>map(organisation -> ResponseEntity.ok()
                        .eTag("\"" + organisation.version() + "\"").body(organisation))
                .orElseGet(() -> Problems.notFound("No such organisation in the register"));
    }
}
