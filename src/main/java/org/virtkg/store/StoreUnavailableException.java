package org.virtkg.store;

/**
 * The store could not be reached or refused a request (a remote store that is down, slow or
 * misconfigured). For a write the outcome may be unknown; the service answers 503 and the next
 * read catches up with whatever the store holds.
 */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
