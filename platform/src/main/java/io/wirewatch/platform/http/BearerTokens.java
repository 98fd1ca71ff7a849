package io.wirewatch.platform.http;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The bearer tokens an HTTP endpoint accepts, read from a file of one token a line ({@code token} or
 * {@code name token}; {@code #} starts a comment), and the check of a request's credential against them.
 *
 * <p>A request presents its token as {@code Authorization: Bearer TOKEN} or, for a browser page that cannot set headers
 * on an {@code EventSource}, in the {@value #COOKIE} cookie. Only SHA-256 digests of the tokens are kept, and every
 * check compares the presented token's digest with every known digest by {@link MessageDigest#isEqual} (constant time
 * for equal lengths, and digests are all 32 bytes), without stopping at a match: how long a check takes says nothing
 * about how much of a token was right, nor which token it was. Tokens never reach a log line or an exception message;
 * a token is known by its name (the line number when the file gives none).
 *
 * <p>Hand-written because the JDK server's {@code Authenticator} only speaks Basic auth, and a servlet security stack
 * would be the only reason to bring a web framework in.
 */
public final class BearerTokens {

    /** The cookie a browser page carries its read token in (set by the alert page's login form). */
    public static final String COOKIE = "wirewatch_token";

    /**
     * Printable ASCII that needs no quoting in a header or a cookie, at least 16 characters: what
     * {@code openssl rand -hex 32} or {@code -base64 32} gives.
     */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{16,512}");

    /** The outcome of checking one request. */
    public enum Status {
        /** No credential presented: answer 401. */
        MISSING,
        /** A credential that matches no token: answer 403. */
        INVALID,
        /** A known token. */
        ACCEPTED
    }

    /** @param name the matching token's name when {@link Status#ACCEPTED}, else null */
    public record Check(Status status, String name) {

        public boolean accepted() {
            return status == Status.ACCEPTED;
        }
    }

    private record Entry(String name, byte[] digest) {}

    private final List<Entry> entries;

    private BearerTokens(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no tokens");
        }
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads the tokens file {@code file}, named by {@code variable} in every error (a missing or unreadable file, a
     * malformed or too short token, a repeated name or token, a file without tokens).
     */
    public static BearerTokens load(Path file, String variable) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    variable + ": cannot read the tokens file " + file + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words.length > 2) {
                throw new IllegalArgumentException(
                        variable + ": line " + number + " of " + file + " must be 'TOKEN' or 'NAME TOKEN'");
            }
            String name = words.length == 2 ? words[0] : "line-" + number;
            String token = words[words.length - 1];
            if (!TOKEN.matcher(token).matches()) {
                // The message must not echo the token: it may be a real one with a typo.
                throw new IllegalArgumentException(variable + ": the token on line " + number + " of " + file
                        + " must be 16 to 512 characters of A-Z a-z 0-9 . _ ~ + / = - (e.g. openssl rand -hex 32)");
            }
            if (tokens.containsKey(name)) {
                throw new IllegalArgumentException(variable + ": the name '" + name + "' is used twice in " + file);
            }
            if (tokens.containsValue(token)) {
                throw new IllegalArgumentException(
                        variable + ": the token on line " + number + " of " + file + " is given twice");
            }
            tokens.put(name, token);
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException(variable + ": " + file + " holds no token");
        }
        return of(tokens);
    }

    /** Tokens by name, for tests and tools that hold them in memory. */
    public static BearerTokens of(Map<String, String> tokensByName) {
        List<Entry> entries = new ArrayList<>();
        tokensByName.forEach((name, token) -> {
            if (!TOKEN.matcher(Objects.requireNonNull(token, "token")).matches()) {
                throw new IllegalArgumentException(
                        "token '" + name + "' must be 16 to 512 characters of " + "A-Z a-z 0-9 . _ ~ + / = -");
            }
            entries.add(new Entry(name, digest(token)));
        });
        return new BearerTokens(entries);
    }

    /** How many tokens are known. */
    public int size() {
        return entries.size();
    }

    /** Checks the request's {@code Authorization: Bearer} header, or else its {@value #COOKIE} cookie. */
    public Check check(Headers headers) {
        String presented = bearer(headers.getFirst("Authorization"));
        if (presented == null) {
            presented = cookie(headers.get("Cookie"));
        }
        return check(presented);
    }

    /** Checks one presented token (null or empty: {@link Status#MISSING}). */
    public Check check(String presented) {
        if (presented == null || presented.isEmpty()) {
            return new Check(Status.MISSING, null);
        }
        byte[] candidate = digest(presented);
        String match = null;
        for (Entry entry : entries) {
            // No early exit: every check costs the same whichever token (if any) matches.
            if (MessageDigest.isEqual(entry.digest(), candidate)) {
                match = entry.name();
            }
        }
        return match == null ? new Check(Status.INVALID, null) : new Check(Status.ACCEPTED, match);
    }

    /**
     * The token of an {@code Authorization: Bearer} header; an empty string for another scheme or an empty token (a
     * credential that cannot be right), null without the header.
     */
    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.isEmpty() ? null : "\0";
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? "\0" : token;
    }

    static String cookie(List<String> cookieHeaders) {
        if (cookieHeaders == null) {
            return null;
        }
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equals(COOKIE)) {
                    return pair.substring(equals + 1).strip();
                }
            }
        }
        return null;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "BearerTokens[" + entries.size() + " tokens]"; // never the tokens
    }
}
