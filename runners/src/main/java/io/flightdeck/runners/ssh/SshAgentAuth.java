package io.flightdeck.runners.ssh;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.HostConfig;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;
import net.schmizz.sshj.userauth.method.AuthMethod;

/**
 * Public-key authentication with the keys of the running ssh-agent: the agent signs, the private
 * key never reaches Flightdeck. Speaks the agent protocol (draft-miller-ssh-agent: request
 * identities, sign request) over the {@code SSH_AUTH_SOCK} Unix socket.
 */
final class SshAgentAuth {
  private static final byte REQUEST_IDENTITIES = 11;
  private static final byte IDENTITIES_ANSWER = 12;
  private static final byte SIGN_REQUEST = 13;
  private static final byte SIGN_RESPONSE = 14;
  private static final int RSA_SHA2_256 = 2;

  private SshAgentAuth() {}

  /** The agent's socket from {@code SSH_AUTH_SOCK}, when there is one. */
  static Optional<Path> socketFromEnvironment() {
    String s = System.getenv("SSH_AUTH_SOCK");
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(Path.of(s));
  }

  static void authenticate(SSHClient ssh, HostConfig host, Optional<Path> socket)
      throws IOException {
    Path sock =
        socket
            .filter(Files::exists)
            .orElseThrow(
                () ->
                    new FlightdeckException(
                        "No ssh-agent is running for Flightdeck (SSH_AUTH_SOCK is "
                            + socket.map(Path::toString).orElse("not set")
                            + ").",
                        "Start one and add your key (eval $(ssh-agent); ssh-add), then start"
                            + " Flightdeck from that shell; or choose a key file for "
                            + host.name()
                            + "."));
    List<Identity> ids = identities(sock);
    if (ids.isEmpty()) {
      throw new FlightdeckException(
          "The ssh-agent at " + sock + " holds no keys.",
          "Add one with ssh-add, or choose a key file for " + host.name() + ".");
    }
    List<AuthMethod> methods = new ArrayList<>();
    for (Identity id : ids) {
      methods.add(new AgentKeyMethod(sock, id));
    }
    ssh.auth(host.user(), methods);
  }

  /** One key of the agent. */
  record Identity(byte[] blob, String comment, String keyType) {}

  static List<Identity> identities(Path sock) throws IOException {
    try (SocketChannel ch = open(sock)) {
      Buffer.PlainBuffer reply = call(ch, new Buffer.PlainBuffer().putByte(REQUEST_IDENTITIES));
      byte type = reply.readByte();
      if (type != IDENTITIES_ANSWER) {
        throw new IOException("the ssh-agent refused to list its keys (reply " + type + ")");
      }
      long n = reply.readUInt32();
      List<Identity> out = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        byte[] blob = reply.readBytes();
        String comment = reply.readString();
        String keyType = new Buffer.PlainBuffer(blob).readString();
        out.add(new Identity(blob, comment, keyType));
      }
      return out;
    } catch (Buffer.BufferException e) {
      throw new IOException("the ssh-agent sent a malformed answer", e);
    }
  }

  static byte[] sign(Path sock, byte[] blob, byte[] data, int flags) throws IOException {
    try (SocketChannel ch = open(sock)) {
      Buffer.PlainBuffer reply =
          call(
              ch,
              new Buffer.PlainBuffer()
                  .putByte(SIGN_REQUEST)
                  .putBytes(blob)
                  .putBytes(data)
                  .putUInt32(flags));
      byte type = reply.readByte();
      if (type != SIGN_RESPONSE) {
        throw new IOException("the ssh-agent refused to sign (it may ask for confirmation)");
      }
      return reply.readBytes();
    } catch (Buffer.BufferException e) {
      throw new IOException("the ssh-agent sent a malformed signature", e);
    }
  }

  private static SocketChannel open(Path sock) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    ch.connect(UnixDomainSocketAddress.of(sock));
    return ch;
  }

  private static Buffer.PlainBuffer call(SocketChannel ch, Buffer.PlainBuffer msg)
      throws IOException {
    byte[] body = msg.getCompactData();
    ByteBuffer out = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
    while (out.hasRemaining()) {
      ch.write(out);
    }
    ByteBuffer len = readFully(ch, 4);
    int n = len.getInt();
    if (n <= 0 || n > 256 * 1024) {
      throw new IOException("the ssh-agent sent a message of " + n + " bytes");
    }
    return new Buffer.PlainBuffer(readFully(ch, n).array());
  }

  private static ByteBuffer readFully(SocketChannel ch, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (ch.read(b) < 0) {
        throw new IOException("the ssh-agent closed the connection");
      }
    }
    return b.flip();
  }

  /** The "publickey" method (RFC 4252 section 7) with the signature made by the agent. */
  private static final class AgentKeyMethod extends AbstractAuthMethod {
    private final Path sock;
    private final Identity id;

    AgentKeyMethod(Path sock, Identity id) {
      super("publickey");
      this.sock = sock;
      this.id = id;
    }

    private String algorithm() {
      return id.keyType().equals("ssh-rsa") ? "rsa-sha2-256" : id.keyType();
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
      return super.buildReq().putBoolean(signed).putString(algorithm()).putBytes(id.blob());
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
      return request(false);
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
      if (cmd != Message.USERAUTH_60) {
        super.handle(cmd, buf);
        return;
      }
      SSHPacket req = request(true);
      byte[] toSign =
          new Buffer.PlainBuffer()
              .putString(params.getTransport().getSessionID())
              .putBuffer(req)
              .getCompactData();
      try {
        byte[] sig =
            sign(sock, id.blob(), toSign, id.keyType().equals("ssh-rsa") ? RSA_SHA2_256 : 0);
        params.getTransport().write(req.putBytes(sig));
      } catch (IOException e) {
        throw new UserAuthException("the ssh-agent did not sign: " + e.getMessage(), e);
      }
    }

    @Override
    public String toString() {
      return "ssh-agent key "
          + id.keyType()
          + " "
          + new String(id.comment().getBytes(), StandardCharsets.UTF_8);
    }
  }
}
