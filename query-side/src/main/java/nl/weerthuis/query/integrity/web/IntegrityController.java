package nl.weerthuis.query.integrity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.headers.Header;
import nl.weerthuis.kernel.identity.Actor;
import nl.weerthuis.query.integrity.CheckpointSettings;
import nl.weerthuis.query.integrity.Checkpoints;
import nl.weerthuis.query.integrity.IntegrityCheck;
import nl.weerthuis.query.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
class IntegrityController {

    private final IntegrityCheck integrity;
    private final Checkpoints checkpoints;
    private final CheckpointSettings settings;

    IntegrityController(IntegrityCheck integrity, Checkpoints checkpoints, CheckpointSettings settings) {
        this.integrity = integrity;
        this.checkpoints = checkpoints;
        this.settings = settings;
    }

    @Operation(summary = "Verify the hash chain of every aggregate in the event store; names the first broken event. "
            + "It compares the store with itself: a chain rewritten and re-hashed consistently passes here and fails "
            + "only against a signed checkpoint (./weerthuis verify)")
    @GetMapping("/api/v1/integrity")
    IntegrityCheck.Result integrity() {
        return integrity.verify();
    }

    @Operation(summary = "The signed checkpoints of the event store, newest first (auditors, administrators)")
    @GetMapping("/api/v1/integrity/checkpoints")
    ResponseEntity<Object> checkpoints(@RequestParam(defaultValue = "50") String limit) {
        if (!limit.matches("[0-9]{1,3}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > 500) {
            return Problems.invalid("Invalid limit", "limit must be a whole number from 1 to 500", "limit",
                    "a whole number from 1 to 500");
        }
        return ResponseEntity.ok(checkpoints.list(Integer.parseInt(limit)));
    }

    @ApiResponse(responseCode = "200", description = "The checkpoint file",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    @Operation(summary = "One checkpoint's file, as published: what ./weerthuis verify --checkpoint reads")
    @GetMapping(value = "/api/v1/integrity/checkpoints/{id}")
    ResponseEntity<Object> checkpoint(@PathVariable String id) {
        var signed = id.matches("[0-9]{1,18}") ? checkpoints.find(Long.parseLong(id)) : java.util.Optional.<Checkpoints.Signed>empty();
        if (signed.isEmpty()) {
            return Problems.notFound("No such checkpoint");
        }
        return checkpoints.file(signed.get())
                .<ResponseEntity<Object>>map(text -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                        .header("Content-Disposition", "attachment; filename=\"" + signed.get().fileName() + "\"")
                        .body(text))
                .orElseGet(() -> Problems.notFound("The file of checkpoint " + id + " is not in this instance's "
                        + "checkpoint directory"));
    }

    @io.swagger.v3.oas.annotations.security.SecurityRequirements // public: keys that let anyone check a checkpoint
    @Operation(summary = "The public keys checkpoints are signed with: the current one and every retired one. "
            + "Publishable; a verifier trusts the copy its operator keeps, not this answer alone")
    @GetMapping("/api/v1/integrity/signing-keys")
    Map<String, Object> signingKeys() {
        String current = settings.key().map(key -> key.id()).orElse(null);
        List<Map<String, String>> keys = new ArrayList<>();
        settings.publicKeys().encoded().forEach((keyId, publicKey) -> keys.add(Map.of("id", keyId,
                "publicKey", publicKey, "status", keyId.equals(current) ? "current" : "retired")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("algorithm", "Ed25519");
        answer.put("keys", keys);
        return answer;
    }

    @ApiResponse(responseCode = "201", description = "Signed and published", headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            content = @Content(schema = @Schema(implementation = Checkpoints.Signed.class)))
    @ApiResponse(responseCode = "409", description = "No checkpoint could be signed now (e.g. no signing key)")
    @Operation(summary = "Sign and publish a checkpoint now (administrators)")
    @PostMapping("/api/v1/admin/integrity/checkpoints")
    ResponseEntity<Object> signNow(@AuthenticationPrincipal Actor caller) {
        try {
            Checkpoints.Signed signed = checkpoints.sign("on demand by " + caller.person() + " of " + caller.organisation());
            return ResponseEntity.created(URI.create("/api/v1/integrity/checkpoints/" + signed.id())).body(signed);
        } catch (Checkpoints.NotSigned e) {
            return Problems.conflict("No checkpoint signed", e.getMessage());
        }
    }
}
