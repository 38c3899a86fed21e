package org.virtkg.store;

/**
 * Another process committed to a shared store first: the write was based on an older version and
 * was not applied. Nothing was changed; catch up and try again.
 */
public class StoreConflictException extends StoreException {
    public StoreConflictException(String message) {
        super(message, null);
    }
}
