package nl.weerthuis.query.integrity;

import nl.weerthuis.kernel.integrity.PublicKeys;
import nl.weerthuis.kernel.integrity.SigningKey;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code weerthuis.integrity.*}: the checkpoint signing key (base64 of a 32-byte Ed25519 seed, configured like the
 * key-encryption key and never stored in the database), the public keys of retired signing keys (so that
 * checkpoints signed before a rotation still verify), how often a checkpoint is signed and where its file goes.
 */
@ConfigurationProperties("weerthuis.integrity")
public record CheckpointSettings(String signingKey, List<String> retiredPublicKeys, Duration checkpointInterval,
                                 Path checkpointDirectory) {

    public CheckpointSettings {
        retiredPublicKeys = retiredPublicKeys == null ? List.of() : List.copyOf(retiredPublicKeys);
        checkpointInterval = checkpointInterval == null ? Duration.ofHours(1) : checkpointInterval;
        checkpointDirectory = checkpointDirectory == null ? Path.of("data", "checkpoints") : checkpointDirectory;
    }

    public Optional<SigningKey> key() {
        return signingKey == null || signingKey.isBlank() ? Optional.empty() : Optional.of(SigningKey.fromSeed(signingKey));
    }

    /** Every public key a checkpoint of this installation may be signed with: the current one first. */
    public PublicKeys publicKeys() {
        List<String> keys = new ArrayList<>();
        key().ifPresent(key -> keys.add(key.publicKey()));
        keys.addAll(retiredPublicKeys);
        return PublicKeys.parse(keys);
    }
}
