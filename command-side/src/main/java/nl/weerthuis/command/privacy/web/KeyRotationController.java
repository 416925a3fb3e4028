package nl.weerthuis.command.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import nl.weerthuis.kernel.privacy.JdbcPersonalDataKeys;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The last step of a key-encryption key rotation, once every application runs with the new key as current and the
 * old one as previous: every client's data key is wrapped again under the new key, while the system keeps running.
 * Repeating it does nothing more; afterwards the old key can be removed from the configuration.
 */
@RestController
class KeyRotationController {

    private final JdbcPersonalDataKeys keys;

    KeyRotationController(JdbcPersonalDataKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "Re-wrap every personal data key under the current key-encryption key (administrators)")
    @PostMapping("/api/v1/admin/key-encryption-key/rewrap")
    JdbcPersonalDataKeys.Rewrapped rewrap() {
        return keys.rewrap();
    }
}
