package io.wirewatch.platform.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Where and how a service's HTTP endpoint listens, shared by ingest's and alert's servers: the interface (chosen by
 * whether a credential guards the endpoint), the credential itself and optional TLS from a PKCS#12 keystore.
 *
 * <p>The rule for the interface: an endpoint with tokens listens on every interface unless told otherwise; one without
 * listens on loopback only, and listening on another interface without tokens needs an explicit opt-in
 * ({@code <PREFIX>_ALLOW_UNAUTHENTICATED=true}), so that nobody opens an unguarded endpoint to the network by leaving a
 * variable out. Read from the environment by {@link #fromEnvironment} with the service's prefix
 * ({@code INGEST_HTTP}, {@code ALERT_HTTP}):
 * <ul>
 *   <li>{@code <PREFIX>_BIND}: the interface (default {@code 0.0.0.0} with tokens, {@code 127.0.0.1} without);</li>
 *   <li>{@code <PREFIX>_TOKENS_FILE}: the {@link BearerTokens} file;</li>
 *   <li>{@code <PREFIX>_ALLOW_UNAUTHENTICATED}: {@code true} to listen beyond loopback without tokens;</li>
 *   <li>{@code <PREFIX>_TLS_KEYSTORE} and {@code <PREFIX>_TLS_KEYSTORE_PASSWORD}: serve HTTPS with the key and
 *       certificate chain of this PKCS#12 file.</li>
 * </ul>
 *
 * @param bindAddress the interface to listen on
 * @param tokens      the tokens a request must present, or empty for none
 * @param tls         the keystore for HTTPS, or empty for plain HTTP
 */
public record HttpListener(String bindAddress, Optional<BearerTokens> tokens, Optional<Tls> tls) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final String EVERY_INTERFACE = "0.0.0.0";

    /** A PKCS#12 keystore holding the server's key and certificate chain. */
    public record Tls(Path keystore, char[] password) {

        public Tls {
            Objects.requireNonNull(keystore, "keystore");
            password = password == null ? new char[0] : password.clone();
        }

        /** An SSL context serving the keystore's key; fails naming the file (never the password). */
        public SSLContext sslContext() {
            try (InputStream in = Files.newInputStream(keystore)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password);
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, password);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), null, null);
                return context;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException(
                        "cannot use the TLS keystore " + keystore + " (PKCS#12): "
                                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        e);
            }
        }

        @Override
        public String toString() {
            return "Tls[" + keystore + "]"; // never the password
        }
    }

    public HttpListener {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(tls, "tls");
    }

    /** Loopback, no tokens, plain HTTP: what a test or a one-machine run needs. */
    public static HttpListener loopback() {
        return new HttpListener(LOOPBACK, Optional.empty(), Optional.empty());
    }

    /**
     * Reads {@code <prefix>_BIND}, {@code _TOKENS_FILE}, {@code _ALLOW_UNAUTHENTICATED}, {@code _TLS_KEYSTORE} and
     * {@code _TLS_KEYSTORE_PASSWORD}; fails naming the variable when a file cannot be read or a public interface is
     * asked for without tokens and without the opt-in.
     */
    public static HttpListener fromEnvironment(Map<String, String> env, String prefix) {
        String tokensVariable = prefix + "_TOKENS_FILE";
        String tokensFile = blankToNull(env.get(tokensVariable));
        Optional<BearerTokens> tokens = tokensFile == null
                ? Optional.empty()
                : Optional.of(BearerTokens.load(Path.of(tokensFile), tokensVariable));
        String keystore = blankToNull(env.get(prefix + "_TLS_KEYSTORE"));
        Optional<Tls> tls = Optional.empty();
        if (keystore != null) {
            String password = env.get(prefix + "_TLS_KEYSTORE_PASSWORD");
            Tls candidate = new Tls(Path.of(keystore), password == null ? null : password.toCharArray());
            try {
                candidate.sslContext(); // fail at start, not on the first connection
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + "_TLS_KEYSTORE: " + e.getMessage(), e);
            }
            tls = Optional.of(candidate);
        }
        String bind = blankToNull(env.get(prefix + "_BIND"));
        boolean allowUnauthenticated = flag(env, prefix + "_ALLOW_UNAUTHENTICATED");
        return resolve(bind, tokens, tls, allowUnauthenticated, prefix);
    }

    /**
     * Applies the interface rule to an explicit choice ({@code bind}, or null for the default).
     *
     * @param prefix names the variables in the error
     */
    public static HttpListener resolve(
            String bind,
            Optional<BearerTokens> tokens,
            Optional<Tls> tls,
            boolean allowUnauthenticated,
            String prefix) {
        if (bind == null) {
            return new HttpListener(tokens.isPresent() ? EVERY_INTERFACE : LOOPBACK, tokens, tls);
        }
        if (tokens.isEmpty() && !allowUnauthenticated && !isLoopback(bind, prefix + "_BIND")) {
            throw new IllegalArgumentException(prefix + "_BIND=" + bind + " would open the endpoint to the network "
                    + "without a credential: set " + prefix + "_TOKENS_FILE, or " + prefix
                    + "_ALLOW_UNAUTHENTICATED=true to accept that");
        }
        return new HttpListener(bind, tokens, tls);
    }

    public HttpListener withBindAddress(String address) {
        return new HttpListener(address, tokens, tls);
    }

    public HttpListener withTokens(BearerTokens value) {
        return new HttpListener(bindAddress, Optional.of(value), tls);
    }

    public HttpListener withTls(Tls value) {
        return new HttpListener(bindAddress, tokens, Optional.of(value));
    }

    /** Whether requests must present a token. */
    public boolean guarded() {
        return tokens.isPresent();
    }

    /** Whether only this machine can connect. */
    public boolean loopbackOnly() {
        return isLoopback(bindAddress, "bind address");
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    /** A server (HTTPS when a keystore is set) bound to {@link #bindAddress} and {@code port}, not yet started. */
    public HttpServer create(int port, int backlog) throws IOException {
        InetSocketAddress address = new InetSocketAddress(bindAddress, port);
        if (tls.isEmpty()) {
            return HttpServer.create(address, backlog);
        }
        HttpsServer server = HttpsServer.create(address, backlog);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.get().sslContext()));
        return server;
    }

    /** One phrase for the start-up line: where it listens, whether tokens guard it, and over what. */
    public String describe(int port) {
        return scheme() + "://" + bindAddress + ":" + port
                + (guarded()
                        ? ", bearer tokens required (" + tokens.get().size() + " known)"
                        : loopbackOnly()
                                ? ", no credential configured, so this machine only"
                                : ", NO credential required (opted in)");
    }

    private static boolean isLoopback(String address, String variable) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(variable + ": unknown interface '" + address + "'", e);
        }
    }

    private static boolean flag(Map<String, String> env, String name) {
        String value = blankToNull(env.get(name));
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
