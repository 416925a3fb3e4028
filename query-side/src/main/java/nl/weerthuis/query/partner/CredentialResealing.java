package nl.weerthuis.query.partner;

import nl.weerthuis.kernel.privacy.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Part of rotating the key-encryption key: at start, partners' callback credentials still sealed under a previous
 * key are sealed again under the current one, so the previous key can be dropped on the next rotation step. A
 * credential changed meanwhile (the update compares what it read) is left as it is.
 */
@Component
class CredentialResealing {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialResealing.class);

    private final JdbcTemplate jdbc;
    private final SecretBox credentials;

    CredentialResealing(JdbcTemplate jdbc, SecretBox partnerCredentials) {
        this.jdbc = jdbc;
        this.credentials = partnerCredentials;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resealUnderTheCurrentKey() {
        int[] resealed = {0};
        jdbc.query("SELECT subscription_id, auth_header FROM partner_subscription WHERE auth_header IS NOT NULL", row -> {
            String sealed = row.getString(2);
            if (SecretBox.isSealed(sealed) && !credentials.isCurrent(sealed)) {
                resealed[0] += jdbc.update("UPDATE partner_subscription SET auth_header = ? WHERE subscription_id = ? "
                        + "AND auth_header = ?", credentials.seal(credentials.open(sealed)), row.getString(1), sealed);
            }
        });
        if (resealed[0] > 0) {
            LOG.info("Sealed {} partner credentials again under the current key-encryption key", resealed[0]);
        }
    }
}
