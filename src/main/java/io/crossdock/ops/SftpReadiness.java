package io.crossdock.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import io.crossdock.partner.PartnerDirectory;
import io.crossdock.partner.PartnerProfile;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while every partner's SFTP account can be logged into with its verified host key.
 * Results are kept for a short while so that probes from many pods do not hammer partners' servers.
 */
@Readiness
@ApplicationScoped
public class SftpReadiness implements HealthCheck {

    private final PartnerDirectory partners;
    private final CamelContext camel;
    private final int timeoutMs;
    private final Duration cacheFor;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Probe> lastProbes = new ConcurrentHashMap<>();

    public SftpReadiness(PartnerDirectory partners, CamelContext camel,
            @ConfigProperty(name = "crossdock.health.timeout-ms", defaultValue = "3000") int timeoutMs,
            /** Partners' SFTP logins are probed at most this often per pod. */
            @ConfigProperty(name = "crossdock.health.sftp.cache-for", defaultValue = "PT10S") Duration cacheFor) {
        this.partners = partners;
        this.camel = camel;
        this.timeoutMs = timeoutMs;
        this.cacheFor = cacheFor;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("sftp").up();
        for (PartnerProfile partner : partners.all()) {
            Probe probe = lastProbes.compute(partner.id(), (id, last) ->
                    last != null && last.at().plus(cacheFor).isAfter(clock.instant()) ? last : probe(partner));
            response.withData(partner.id(), probe.result());
            if (!probe.reachable()) {
                response.down();
            }
        }
        return response.build();
    }

    private Probe probe(PartnerProfile partner) {
        PartnerProfile.Sftp sftp = partner.sftp();
        String host = resolve(sftp.host());
        int port = Integer.parseInt(resolve(sftp.portOrDefault()));
        String where = resolve(sftp.username()) + "@" + host + ":" + port;
        Session session = null;
        try {
            JSch jsch = new JSch();
            jsch.setKnownHosts(resolve(sftp.knownHostsFile()));
            if (sftp.privateKeyFile() != null) {
                jsch.addIdentity(resolve(sftp.privateKeyFile()));
            }
            session = jsch.getSession(resolve(sftp.username()), host, port);
            if (sftp.password() != null) {
                session.setPassword(resolve(sftp.password()));
            }
            session.setConfig("StrictHostKeyChecking", "yes");
            session.connect(timeoutMs);
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect(timeoutMs);
            channel.stat(resolve(sftp.inboxOrDefault()));
            channel.disconnect();
            return new Probe(true, "UP " + where, clock.instant());
        } catch (Exception e) {
            return new Probe(false, "DOWN " + where + ": " + KafkaReadiness.describe(e), clock.instant());
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }

    private String resolve(String value) {
        return camel.resolvePropertyPlaceholders(value);
    }

    private record Probe(boolean reachable, String result, Instant at) {
    }
}
