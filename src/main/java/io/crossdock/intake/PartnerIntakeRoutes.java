package io.crossdock.intake;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.crossdock.ops.RoutesReloaded;
import io.crossdock.partner.PartnerDirectory;
import io.crossdock.partner.PartnerProfile;
import io.crossdock.store.Store;
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
    private final Store store;
    private final Duration claimLease;
    private final String pod = System.getenv().getOrDefault("HOSTNAME", "pod") + "-" + UUID.randomUUID();

    public PartnerIntakeRoutes(CamelContext camel, PartnerDirectory partners, Store store,
            @ConfigProperty(name = "crossdock.intake.poll-interval") String defaultPollInterval,
            @ConfigProperty(name = "crossdock.intake.stable-for") String defaultStableFor,
            /** A pod's claim on a file it is reading; a claim left by a pod that died may be taken over after this. */
            @ConfigProperty(name = "crossdock.intake.claim-lease", defaultValue = "PT10M") Duration claimLease) {
        this.camel = camel;
        this.partners = partners;
        this.store = store;
        this.claimLease = claimLease;
        this.defaultPollInterval = defaultPollInterval;
        this.defaultStableFor = defaultStableFor;
    }

    void onStart(@Observes StartupEvent start) throws Exception {
        refresh();
    }

    void onRoutesReloaded(@Observes RoutesReloaded reloaded) throws Exception {
        if (reloaded.templateIds().contains(TEMPLATE)) {
            refresh(); // other edits leave the partners' intake routes polling undisturbed
        }
    }

    /** (Re)creates every partner's intake route from the current template. */
    public synchronized void refresh() throws Exception {
        for (PartnerProfile partner : partners.all()) {
            String routeId = routeId(partner);
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
            add(partner, routeId, pod);
            LOG.infof("Intake route %s polls %s's inbox", routeId, partner.displayName());
        }
    }

    /** One intake route for a partner, claiming files as {@code claimant}; a second one stands in for a second pod. */
    void add(PartnerProfile partner, String routeId, String claimant) throws Exception {
        String claims = claimsOf(partner) + (claimant.equals(pod) ? "" : "-" + claimant);
        camel.getRegistry().bind(claims, new FileClaims(store, partner.id(), claimant, claimLease));
        PartnerProfile.Sftp sftp = partner.sftp();
        String stableFor = resolve(sftp.stableFor() == null ? defaultStableFor : sftp.stableFor());
        TemplatedRouteBuilder.builder(camel, TEMPLATE)
                .routeId(routeId)
                .parameter("partner", partner.id())
                .parameter("claims", claims)
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
    }

    static String claimsOf(PartnerProfile partner) {
        return "fileClaims-" + partner.id();
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
