package io.crossdock.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.crossdock.canonical.ContentHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API keys allowed in, from {@code crossdock.api.keys} (env {@code CROSSDOCK_API_KEYS}, in
 * Kubernetes from a Secret): comma-separated {@code client:role+role:sha256-of-key}. Only hashes are
 * configured, so a leaked configuration does not leak keys.
 */
@ApplicationScoped
public class ApiClients {

    public static final Set<String> ROLES = Set.of("channel", "operator", "admin");

    private final List<Client> clients;

    public ApiClients(@ConfigProperty(name = "crossdock.api.keys") Optional<String> keys) {
        this.clients = parse(keys.orElse(""));
    }

    /** The client a presented key belongs to; compared in constant time. */
    public Optional<Client> identify(String presentedKey) {
        byte[] presented = ContentHash.sha256(presentedKey.getBytes(StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);
        Client found = null;
        for (Client client : clients) {
            if (MessageDigest.isEqual(presented, client.keySha256().getBytes(StandardCharsets.US_ASCII))) {
                found = client;
            }
        }
        return Optional.ofNullable(found);
    }

    static List<Client> parse(String keys) {
        List<Client> parsed = new ArrayList<>();
        for (String entry : keys.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":");
            if (parts.length != 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException("crossdock.api.keys entry '" + redact(entry)
                        + "' must be client:role+role:sha256");
            }
            Set<String> roles = Set.of(parts[1].split("\\+"));
            if (!ROLES.containsAll(roles)) {
                throw new IllegalArgumentException("crossdock.api.keys client '" + parts[0] + "' has unknown roles "
                        + roles + "; known: " + ROLES);
            }
            String hash = parts[2].toLowerCase(java.util.Locale.ROOT);
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("crossdock.api.keys client '" + parts[0]
                        + "' needs the SHA-256 of its key as 64 hex digits (never the key itself)");
            }
            parsed.add(new Client(parts[0], roles, hash));
        }
        return List.copyOf(parsed);
    }

    private static String redact(String entry) {
        int last = entry.lastIndexOf(':');
        return last < 0 ? "…" : entry.substring(0, last) + ":…";
    }

    public record Client(String name, Set<String> roles, String keySha256) {
    }
}
