package io.crossdock.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookWriteDateTest {

    @Test
    void odoosWebhookTimestampIsComparedAsReadsShowIt() {
        // What Odoo 17's webhook sends (str() of the datetime) against what search_read answers.
        assertThat(OdooChangeCapture.wholeSeconds("2026-12-04 16:50:12.123456")).isEqualTo("2026-12-04 16:50:12");
        assertThat(OdooChangeCapture.wholeSeconds("2026-12-04 16:50:12")).isEqualTo("2026-12-04 16:50:12");
        assertThat(OdooChangeCapture.wholeSeconds("2026-12-04T16:50:12.5")).isEqualTo("2026-12-04 16:50:12");
    }

    @Test
    void anythingElseIsNoHint() {
        assertThat(OdooChangeCapture.wholeSeconds(null)).isNull();
        assertThat(OdooChangeCapture.wholeSeconds("yesterday")).isNull();
        assertThat(OdooChangeCapture.wholeSeconds("2026-13-45 99:99:99")).isNull();
    }
}
