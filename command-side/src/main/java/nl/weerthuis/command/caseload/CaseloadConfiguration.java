package nl.weerthuis.command.caseload;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every event an import records names the batch and the spreadsheet row it came from (never personal data). */
@Configuration
class CaseloadConfiguration {

    @Bean
    CorrelationDataProvider caseloadOrigin() {
        return new SimpleCorrelationDataProvider(CaseloadImport.METADATA_BATCH, CaseloadImport.METADATA_ROW);
    }
}
