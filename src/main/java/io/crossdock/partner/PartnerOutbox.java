package io.crossdock.partner;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Puts documents on a partner's SFTP server: written under a hidden temporary name and renamed when
 * complete, so the partner never picks up half a file. Writing the same name again replaces it,
 * which makes a resend after a crash harmless.
 */
@ApplicationScoped
public class PartnerOutbox {

    private final CamelContext camel;
    private final ProducerTemplate template;
    /** Endpoint URIs by account and folder: resolving placeholders walks the whole configuration, too slow for every document. */
    private final java.util.Map<Folder, String> uris = new java.util.concurrent.ConcurrentHashMap<>();

    private record Folder(PartnerProfile.Sftp account, String folder) {
    }

    public PartnerOutbox(CamelContext camel, ProducerTemplate template) {
        this.camel = camel;
        this.template = template;
    }

    /** Into the partner's outbox. */
    public void deliver(PartnerProfile partner, String fileName, byte[] content) {
        put(partner, partner.sftp().outboxOrDefault(), fileName, content);
    }

    /** Into a folder of the partner's account (e.g. its error folder). */
    public void put(PartnerProfile partner, String folder, String fileName, byte[] content) {
        String uri = uris.computeIfAbsent(new Folder(partner.sftp(), folder), this::uri);
        template.sendBodyAndHeader(uri, content, Exchange.FILE_NAME, fileName);
    }

    private String uri(Folder target) {
        PartnerProfile.Sftp sftp = target.account();
        String folder = target.folder();
        StringBuilder uri = new StringBuilder("sftp:").append(resolve(sftp.host())).append(':')
                .append(resolve(sftp.portOrDefault())).append('/').append(folder)
                .append("?username=").append(resolve(sftp.username()))
                .append("&knownHostsFile=").append(resolve(sftp.knownHostsFile()))
                .append("&strictHostKeyChecking=yes&useUserKnownHostsFile=false&binary=true&autoCreate=true")
                .append("&fileExist=Override&tempFileName=.${file:name}.part&stepwise=false&fastExistsCheck=true");
        if (sftp.password() != null) {
            uri.append("&password=RAW(").append(resolve(sftp.password())).append(')');
        } else {
            uri.append("&privateKeyFile=").append(resolve(sftp.privateKeyFile()));
        }
        return uri.toString();
    }

    private String resolve(String value) {
        return camel.resolvePropertyPlaceholders(value);
    }
}
