package org.podium.store;

/** The store could not do what was asked: unreachable, or a statement failed. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) { super(message, cause); }
}
