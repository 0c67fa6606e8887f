package io.crossdock.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/** What a trading partner does: log in over SFTP and upload files, as any SFTP client would. */
public final class PartnerSftpClient implements AutoCloseable {

    private final SshClient ssh;
    private final ClientSession session;
    private final SftpClient sftp;

    private PartnerSftpClient(SshClient ssh, ClientSession session, SftpClient sftp) {
        this.ssh = ssh;
        this.session = session;
        this.sftp = sftp;
    }

    public static PartnerSftpClient connect(String host, int port, String user, String password) {
        try {
            SshClient ssh = SshClient.setUpDefaultClient();
            ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            ssh.start();
            ClientSession session = ssh.connect(user, host, port).verify(10_000).getSession();
            session.addPasswordIdentity(password);
            session.auth().verify(10_000);
            return new PartnerSftpClient(ssh, session, SftpClientFactory.instance().createSftpClient(session));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PartnerSftpClient demoPartner() {
        return connect(SftpTestResource.server().host(), SftpTestResource.server().port(), SftpTestResource.USER,
                SftpTestResource.password());
    }

    /** A plain upload, like {@code put}: the file appears under its final name and is written. */
    public void put(String path, byte[] content) {
        try (OutputStream out = open(path)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a remote file for writing, to upload slowly. */
    public OutputStream open(String path) throws IOException {
        return sftp.write(path, EnumSet.of(SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                SftpClient.OpenMode.Truncate));
    }

    /** Downloads a file, as {@code get} would. */
    public byte[] get(String path) {
        try (var in = sftp.read(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> list(String dir) {
        List<String> names = new ArrayList<>();
        try {
            for (SftpClient.DirEntry entry : sftp.readDir(dir)) {
                if (!entry.getFilename().startsWith(".")) {
                    names.add(entry.getFilename());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return names; // a folder not made yet holds nothing
        }
        return names;
    }

    @Override
    public void close() throws IOException {
        sftp.close();
        session.close();
        ssh.stop();
    }
}
