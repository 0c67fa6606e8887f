package io.crossdock.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) in this JVM. Each account is jailed in its own folder
 * under {@code root} with an {@code inbox/} and an {@code outbox/}, like a partner account on a
 * hosted SFTP service. Its host key is kept in {@code root}, so clients that pinned it stay happy
 * after a restart.
 */
public final class SftpServer implements AutoCloseable {

    private final SshServer sshd;
    private final Path root;
    private final String host;

    private SftpServer(SshServer sshd, Path root, String host) {
        this.sshd = sshd;
        this.root = root;
        this.host = host;
    }

    /** Starts on {@code port} (0 picks a free one) with the given user names and passwords. */
    public static SftpServer start(Path root, String host, int port, Map<String, String> accounts) {
        try {
            Path home = Files.createDirectories(root.toAbsolutePath().normalize());
            VirtualFileSystemFactory files = new VirtualFileSystemFactory(home);
            for (String user : accounts.keySet()) {
                Path userHome = Files.createDirectories(home.resolve(user));
                Files.createDirectories(userHome.resolve("inbox"));
                Files.createDirectories(userHome.resolve("outbox"));
                files.setUserHomeDir(user, userHome);
            }
            SshServer sshd = SshServer.setUpDefaultServer();
            sshd.setHost(host);
            sshd.setPort(port);
            sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(home.resolve(".host-key")));
            sshd.setPasswordAuthenticator((user, password, session) ->
                    password != null && password.equals(accounts.get(user)));
            sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            sshd.setFileSystemFactory(files);
            // As OpenSSH does: without it every SFTP round trip waits out the client's delayed ACK (~40 ms).
            org.apache.sshd.core.CoreModuleProperties.TCP_NODELAY.set(sshd, true);
            sshd.start();
            return new SftpServer(sshd, home, host);
        } catch (IOException e) {
            throw new UncheckedIOException("SFTP server could not start on " + host + ":" + port, e);
        }
    }

    public int port() {
        return sshd.getPort();
    }

    public String host() {
        return host;
    }

    /**
     * Stops offering OpenSSH's posix-rename to new sessions, as many commercial SFTP servers do: a
     * rename onto an existing file then fails instead of replacing it.
     */
    public SftpServer withoutPosixRename() {
        org.apache.sshd.sftp.SftpModuleProperties.OPENSSH_EXTENSIONS.set(sshd, "fsync@openssh.com=1");
        return this;
    }

    /** The folder an account sees as its root. */
    public Path home(String user) {
        return root.resolve(user);
    }

    /** Writes an OpenSSH known_hosts file naming this server's host key, for strict host key checking. */
    public Path writeKnownHosts(Path file) {
        try {
            StringBuilder lines = new StringBuilder();
            for (var keyPair : sshd.getKeyPairProvider().loadKeys(null)) {
                PublicKey key = keyPair.getPublic();
                lines.append('[').append(host).append("]:").append(port()).append(' ')
                        .append(PublicKeyEntry.toString(key)).append('\n');
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (Exception e) {
            throw new IllegalStateException("could not write known_hosts " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            sshd.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KeyPairProvider keys() {
        return sshd.getKeyPairProvider();
    }
}
