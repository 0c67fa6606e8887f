package io.crossdock.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/** Kubernetes hands the Odoo secrets over as environment variables; the names the README gives must work. */
class OdooConfigTest {

    @Test
    void keysAndWebhookSecretsComeFromEnvironmentVariables() {
        OdooConfig config = new SmallRyeConfigBuilder().withMapping(OdooConfig.class)
                .withSources(new EnvConfigSource(Map.of(
                        "CROSSDOCK_ODOO_URL", "https://erp.example.com",
                        "CROSSDOCK_ODOO_API_KEY", "k-123",
                        "CROSSDOCK_ODOO_COMPANY_IDS", "1,3",
                        "CROSSDOCK_ODOO_WEBHOOKS_PICKINGS_SECRET", "s-456",
                        "CROSSDOCK_ODOO_CONNECTIONS_LEGACY_URL", "https://old-erp.example.com"), 300))
                .build().getConfigMapping(OdooConfig.class);

        assertThat(config.url()).hasValueSatisfying(url -> assertThat(url.toString()).isEqualTo("https://erp.example.com"));
        assertThat(config.apiKey()).hasValue("k-123");
        assertThat(config.companyIds()).hasValue(List.of(1L, 3L));
        assertThat(config.webhooks().get("pickings").secret()).isEqualTo("s-456");
        assertThat(config.connections().get("legacy").url()).isPresent();
        assertThat(config.protocol()).isEqualTo("auto");
    }
}
