package io.crossdock.partner;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A trading partner as data: who it is and where its files come and go. Values may hold
 * {@code {{placeholders}}} resolved from configuration, so secrets stay in the environment.
 */
public record PartnerProfile(
        @JsonProperty(required = true) String id,
        String name,
        @JsonProperty(required = true) Sftp sftp) {

    /** The partner's SFTP account, polled by the file intake. */
    public record Sftp(
            @JsonProperty(required = true) String host,
            String port,
            @JsonProperty(required = true) String username,
            String password,
            String privateKeyFile,
            @JsonProperty(required = true) String knownHostsFile,
            String inbox,
            String outbox,
            String pollInterval,
            String stableFor) {

        public String portOrDefault() {
            return port == null ? "22" : port;
        }

        public String inboxOrDefault() {
            return inbox == null ? "inbox" : inbox;
        }

        public String outboxOrDefault() {
            return outbox == null ? "outbox" : outbox;
        }
    }

    public String displayName() {
        return name == null ? id : name;
    }
}
