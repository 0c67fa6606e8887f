package io.crossdock.partner;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.jboss.logging.Logger;

/**
 * Puts documents on a partner's SFTP server: written under a hidden temporary name and renamed when
 * complete, so the partner never picks up half a file. Writing the same name again replaces it,
 * which makes a resend after a crash harmless.
 *
 * <p>Every check whether a file or folder exists lists the whole folder over SFTP, so checking on
 * each document grows with the outbox (three listings per document, 10,000 entries each after a busy
 * day). Documents are therefore renamed into place without checking: OpenSSH and most servers
 * replace the old file atomically (posix-rename). Where a server refuses to rename over an existing
 * file, that one document is written again the checking way.
 */
@Named("partnerOutbox")
@ApplicationScoped
public class PartnerOutbox {

    private static final Logger LOG = Logger.getLogger(PartnerOutbox.class);

    private final CamelContext camel;
    private final ProducerTemplate template;
    /** Endpoint URIs by account and folder: resolving placeholders walks the whole configuration, too slow for every document. */
    private final Map<Folder, String> uris = new ConcurrentHashMap<>();

    private record Folder(PartnerProfile.Sftp account, String folder, boolean checked) {
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
        try {
            template.sendBodyAndHeader(uri(partner, folder, false), content, Exchange.FILE_NAME, fileName);
        } catch (CamelExecutionException e) {
            if (!(e.getCause() instanceof GenericFileOperationFailedException)) {
                throw e;
            }
            LOG.debugf("Renaming %s into %s failed (%s); writing it again, replacing what is there", fileName, folder,
                    e.getCause().getMessage());
            template.sendBodyAndHeader(uri(partner, folder, true), content, Exchange.FILE_NAME, fileName);
        }
    }

    private String uri(PartnerProfile partner, String folder, boolean checked) {
        return uris.computeIfAbsent(new Folder(partner.sftp(), folder, checked), this::uri);
    }

    private String uri(Folder target) {
        PartnerProfile.Sftp sftp = target.account();
        String folder = target.folder();
        StringBuilder uri = new StringBuilder("sftp:").append(resolve(sftp.host())).append(':')
                .append(resolve(sftp.portOrDefault())).append('/').append(folder)
                .append("?username=").append(resolve(sftp.username()))
                .append("&knownHostsFile=").append(resolve(sftp.knownHostsFile()))
                .append("&strictHostKeyChecking=yes&useUserKnownHostsFile=false&binary=true&autoCreate=true")
                .append("&existDirCheckUsingLs=false&tempFileName=.${file:name}.part&stepwise=false")
                .append(target.checked() ? "&fileExist=Override&fastExistsCheck=true" : "&fileExist=TryRename");
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
