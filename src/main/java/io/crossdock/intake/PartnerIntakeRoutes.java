package io.crossdock.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.crossdock.partner.PartnerDirectory;
import io.crossdock.ops.RoutesReloaded;
import io.crossdock.partner.PartnerProfile;
import io.quarkus.runtime.StartupEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes one intake route per partner profile from the {@code sftp-intake} template in
 * {@code routes/intake/}. Partners are data: a new profile file is a new route, no Java.
 */
@ApplicationScoped
public class PartnerIntakeRoutes {

    public static final String TEMPLATE = "sftp-intake";
    private static final long READ_LOCK_SLACK_MS = 20_000;

    private static final Logger LOG = Logger.getLogger(PartnerIntakeRoutes.class);

    private final CamelContext camel;
    private final PartnerDirectory partners;
    private final String defaultPollInterval;
    private final String defaultStableFor;

    public PartnerIntakeRoutes(CamelContext camel, PartnerDirectory partners,
            @ConfigProperty(name = "crossdock.intake.poll-interval") String defaultPollInterval,
            @ConfigProperty(name = "crossdock.intake.stable-for") String defaultStableFor) {
        this.camel = camel;
        this.partners = partners;
        this.defaultPollInterval = defaultPollInterval;
        this.defaultStableFor = defaultStableFor;
    }

    void onStart(@Observes StartupEvent start) throws Exception {
        refresh();
    }

    void onRoutesReloaded(@Observes RoutesReloaded reloaded) throws Exception {
        refresh();
    }

    /** (Re)creates every partner's intake route from the current template. */
    public synchronized void refresh() throws Exception {
        for (PartnerProfile partner : partners.all()) {
            String routeId = routeId(partner);
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
            PartnerProfile.Sftp sftp = partner.sftp();
            String stableFor = resolve(sftp.stableFor() == null ? defaultStableFor : sftp.stableFor());
            TemplatedRouteBuilder.builder(camel, TEMPLATE)
                    .routeId(routeId)
                    .parameter("partner", partner.id())
                    .parameter("host", resolve(sftp.host()))
                    .parameter("port", resolve(sftp.portOrDefault()))
                    .parameter("username", resolve(sftp.username()))
                    .parameter("password", resolve(orEmpty(sftp.password())))
                    .parameter("privateKeyFile", resolve(orEmpty(sftp.privateKeyFile())))
                    .parameter("knownHostsFile", resolve(sftp.knownHostsFile()))
                    .parameter("inbox", resolve(sftp.inboxOrDefault()))
                    .parameter("pollInterval", sftp.pollInterval() == null ? defaultPollInterval : sftp.pollInterval())
                    .parameter("stableFor", stableFor)
                    .parameter("readLockTimeout", String.valueOf(Long.parseLong(stableFor) + READ_LOCK_SLACK_MS))
                    .add();
            LOG.infof("Intake route %s polls %s's inbox", routeId, partner.displayName());
        }
    }

    public static String routeId(PartnerProfile partner) {
        return "intake-" + partner.id();
    }

    private String resolve(String value) {
        return camel.resolvePropertyPlaceholders(value);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
