package io.wirewatch.launcher;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * A port {@code wirewatch up} listens on, with the flag that moves it and what it serves, so that a port that cannot
 * be had is one line naming all three and how to pick a free one.
 *
 * @param flag     the option that sets it, e.g. {@code --port}
 * @param port     the port asked for; {@code 0} picks a free one, {@code -1} (where {@code offMeans} says) turns it off
 * @param what     what listens there, e.g. {@code the alert page}
 * @param offMeans what {@code -1} does, or null where {@code -1} is not allowed
 */
record ListenPort(String flag, int port, String what, String offMeans) {

    /** Refuses a number that is no port: one line naming the flag and what it takes. */
    void requireValid() {
        boolean off = offMeans != null && port == -1;
        if (!off && (port < 0 || port > 65_535)) {
            throw CliError.usage(flag + " must be a port number from 0 to 65535 (0 picks a free one"
                    + (offMeans == null ? "" : ", -1 " + offMeans) + "), was " + port);
        }
    }

    /** Whether a fixed port is to be bound (not a free one, not off). */
    boolean fixed() {
        return port > 0;
    }

    /**
     * Binds the port on every address for a moment, as a check before anything starts; empty when it can be had.
     * Another listener on the port, on any address, takes it from the service as well.
     */
    Optional<CliError> problem() {
        if (!fixed()) {
            return Optional.empty();
        }
        try (ServerSocket socket = new ServerSocket()) {
            // As the servers themselves do: a port left in TIME_WAIT by a previous run is free to reuse.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(unavailable(e));
        }
    }

    /** The one-line error for this port, given why binding it failed. */
    CliError unavailable(Throwable reason) {
        String why = String.valueOf(reason.getMessage()).contains("already in use")
                ? "is already in use"
                : "cannot be listened on (" + reason.getMessage() + ")";
        return CliError.failed(
                "port " + port + " (" + what + ") " + why + "; choose another with " + flag + " PORT, or " + flag
                        + " 0 for a free one",
                reason);
    }

    /** The first {@link BindException} in a failure's causes: how a server that could not bind its port fails. */
    static Optional<Throwable> bindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException
                    || String.valueOf(cause.getMessage()).contains("already in use")) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }
}
